import type { GraphQLContext } from '../../graphql/context';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { todayInBangkok } from '../pupils/rules/thai-dates';
import { RoundRow } from '../rounds/round.entity';
import { unitAndChildrenStatus } from './confirmation-status';
import { roundForReading } from './confirmation.reads';
import type { ConfirmationStatus } from './confirmation.types';

/** Status of a unit and its direct children in a round; null when no round has ever been opened. */
export async function statusOf(
  ctx: GraphQLContext,
  unit: OrgUnitRow,
  roundId?: string | null,
): Promise<ConfirmationStatus | null> {
  const manager = ctx.dataSource.manager;
  const round = await roundForReading(manager, roundId);
  if (!round) return null;
  const { self, children } = await unitAndChildrenStatus(manager, round.id, unit, todayInBangkok(new Date()));
  return {
    ...self,
    round: (await manager.findOneByOrFail(RoundRow, { id: round.id })) as never,
    children,
  };
}
