import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireKind } from '../access/policy';
import { roundForReading } from '../confirmation/confirmation.reads';
import { auditFigures, type FiguresAuditView } from './audit-figures';
import { FiguresAudit } from './figures-audit.types';

@Resolver(() => FiguresAudit)
export class FiguresAuditResolver {
  @Query(() => FiguresAudit, {
    description:
      'กรมเท่านั้น: ตรวจการยืนยันที่มีผลอยู่ทุกระดับของรอบกับการสร้างซ้ำจากเหตุการณ์ทั้งหมด และรายการความคลาดเคลื่อนที่พบ',
  })
  async figuresAudit(
    @Arg('roundId', () => ID) roundId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FiguresAuditView> {
    requireKind(ctx.viewer, 'DEPARTMENT');
    const m = ctx.dataSource.manager;
    await roundForReading(m, roundId); // BAD_USER_INPUT for a round that does not exist
    return auditFigures(m, roundId);
  }
}
