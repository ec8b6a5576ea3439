import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import { OrgUnit } from '../org-units/org-unit.types';
import { Notice, NoticeInput } from './notice.types';
import { markRead, noticeById, noticesFor, type NoticeView } from './notices.reads';
import { postNotice } from './post-notice';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

@Resolver(() => Notice)
export class NoticesResolver {
  @Mutation(() => Notice, {
    description: 'ส่งประกาศ: กรมถึงจังหวัด (ทั้งหมดหรือบางจังหวัด) จังหวัดถึง อปท. และสถานศึกษาในจังหวัด (ทั้งหมดหรือบางแห่ง)',
  })
  postNotice(
    @Arg('input', () => NoticeInput) input: NoticeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NoticeView> {
    return postNotice(ctx.store, requireViewer(ctx.viewer), input, metadataOf(ctx));
  }

  @Query(() => [Notice], { description: 'ประกาศถึงหน่วยงานของผู้ใช้ ใหม่สุดก่อน พร้อมสถานะอ่านแล้ว/ยังไม่อ่าน' })
  notices(
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'เฉพาะที่ยังไม่อ่าน' })
    unreadOnly: boolean | null,
    @Arg('sent', () => Boolean, { nullable: true, description: 'ประกาศที่หน่วยงานของผู้ใช้ส่งเอง' })
    sent: boolean | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NoticeView[]> {
    const viewer = requireViewer(ctx.viewer);
    return noticesFor(ctx.dataSource.manager, viewer.orgUnit, {
      unreadOnly: !!unreadOnly,
      sent: !!sent,
      first: Math.min(Math.max(first, 1), 200),
    });
  }

  @Mutation(() => Notice, { description: 'ทำเครื่องหมายว่าหน่วยงานของผู้ใช้อ่านประกาศแล้ว' })
  async markNoticeRead(
    @Arg('noticeId', () => ID) noticeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NoticeView> {
    const viewer = requireViewer(ctx.viewer);
    const m = ctx.dataSource.manager;
    if (!(await noticeById(m, noticeId, viewer.orgUnit))) throw new LecError('NOT_FOUND', 'ไม่พบประกาศนี้');
    await markRead(m, noticeId, viewer.orgUnit.code);
    return (await noticeById(m, noticeId, viewer.orgUnit))!;
  }

  @FieldResolver(() => Boolean, { description: 'อ่านแล้ว' })
  read(@Root() n: NoticeView): boolean {
    return n.readAt !== null;
  }

  @FieldResolver(() => OrgUnit, { description: 'ผู้ส่งประกาศ' })
  fromOrgUnit(@Root() n: NoticeView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(n.fromUnitCode);
  }
}
