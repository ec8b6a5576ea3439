import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { crossCheckReport } from './cross-check.reads';
import { NameListCrossCheck } from './cross-check.types';

@Resolver()
export class CrossCheckResolver {
  @Query(() => NameListCrossCheck, {
    description:
      'กรม / จังหวัด: เลขประจำตัวที่อยู่ทั้งในทะเบียนของสถานศึกษาสังกัด อปท. และในแบบรับรองรายชื่อของสถานศึกษาสังกัดอื่น ' +
      'หรือในแบบรับรองรายชื่อสองแห่ง ในรอบเดียวกัน (roundId: ค่าเริ่มต้นรอบที่เปิดอยู่ หรือรอบล่าสุด; orgUnitCode: DLA หรือรหัสจังหวัด)',
  })
  async nameListCrossCheck(
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null | undefined,
    @Arg('orgUnitCode', () => String, { nullable: true }) orgUnitCode: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NameListCrossCheck> {
    const r = await crossCheckReport(ctx.dataSource.manager, ctx.viewer, { roundId, orgUnitCode });
    return { ...r, unitCode: r.unit.code, unitName: r.unit.name };
  }
}
