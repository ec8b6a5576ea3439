import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { requireKind, requireViewer } from '../access/policy';
import { changeRoundDeadlines } from './change-round-deadlines';
import { closeRound } from './close-round';
import { grantDeadlineExtension } from './grant-deadline-extension';
import { openRound } from './open-round';
import { RoundExtensionRow, RoundRow } from './round.entity';
import { RoundDeadlinesInput, RoundInput } from './round.input';
import { DeadlineExtension, Round } from './round.types';

@Resolver(() => Round)
export class RoundsResolver {
  @Query(() => Round, { nullable: true, description: 'รอบที่เปิดอยู่ (ว่างถ้าไม่มี)' })
  async currentRound(@Ctx() ctx: GraphQLContext): Promise<RoundRow | null> {
    requireViewer(ctx.viewer);
    return ctx.dataSource.manager.findOneBy(RoundRow, { status: 'OPEN' });
  }

  @Query(() => [Round], { description: 'ทุกรอบ ล่าสุดก่อน' })
  async rounds(@Ctx() ctx: GraphQLContext): Promise<RoundRow[]> {
    requireViewer(ctx.viewer);
    return ctx.dataSource.manager.find(RoundRow, { order: { academicYear: 'DESC', roundNo: 'DESC' } });
  }

  @Mutation(() => Round, { description: 'กรมเปิดรอบการบันทึกข้อมูล พร้อมกำหนดวันที่' })
  async openRound(@Arg('input', () => RoundInput) input: RoundInput, @Ctx() ctx: GraphQLContext) {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return openRound(ctx.store, input, metadataOf(ctx));
  }

  @Mutation(() => Round, { description: 'กรมเลื่อนกำหนดวันที่ของรอบ' })
  async changeRoundDeadlines(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('input', () => RoundDeadlinesInput) input: RoundDeadlinesInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return changeRoundDeadlines(ctx.store, roundId, input, metadataOf(ctx));
  }

  @Mutation(() => Round, { description: 'กรมขยายเวลาให้หน่วยงานหนึ่ง' })
  async grantDeadlineExtension(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('until', () => String) until: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return grantDeadlineExtension(ctx.store, roundId, orgUnitCode, until, reason, metadataOf(ctx));
  }

  @Mutation(() => Round, { description: 'กรมปิดรอบการบันทึกข้อมูล' })
  async closeRound(@Arg('roundId', () => ID) roundId: string, @Ctx() ctx: GraphQLContext) {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return closeRound(ctx.store, roundId, metadataOf(ctx));
  }

  @FieldResolver(() => [DeadlineExtension], { description: 'หน่วยงานที่ได้รับการขยายเวลา' })
  extensions(@Root() round: RoundRow, @Ctx() ctx: GraphQLContext): Promise<RoundExtensionRow[]> {
    return ctx.dataSource.manager.find(RoundExtensionRow, {
      where: { roundId: round.id },
      order: { orgUnitCode: 'ASC' },
    });
  }
}
