import type { EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { unitAndChildrenStatus } from './confirmation-status';
import type { ConfirmationStatusView } from './confirmation-status.view';
import { roundForReading } from './confirmation.reads';

/** Status of a unit and its direct children in a round; null when no round has ever been opened. */
export async function statusOf(
  manager: EntityManager,
  unit: { code: string; kind: OrgUnitKind },
  roundId?: string | null,
): Promise<ConfirmationStatusView | null> {
  const round = await roundForReading(manager, roundId);
  if (!round) return null;
  const { self, children } = await unitAndChildrenStatus(manager, round.id, unit, todayInBangkok(new Date()));
  return {
    ...self,
    round: await manager.findOneByOrFail(RoundRow, { id: round.id }),
    children,
  };
}
