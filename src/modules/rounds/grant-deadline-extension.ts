import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput } from '../../shared/errors';
import type { RoundRow } from './round.entity';
import { runRoundCommand } from './run-round-command';

/** The department grants one unit a later deadline in an open round, with a reason. */
export async function grantDeadlineExtension(
  store: EventStore,
  roundId: string,
  orgUnitCode: string,
  until: string,
  reason: string,
  metadata: EventMetadata,
): Promise<RoundRow> {
  return runRoundCommand(
    store,
    { type: 'ExtendDeadline', roundId, orgUnitCode, until, reason: reason.slice(0, 500) },
    roundId,
    metadata,
    async (tx) => {
      const [unit] = await tx.query(`SELECT 1 FROM org_units WHERE code = $1`, [orgUnitCode]);
      if (!unit) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${orgUnitCode}` });
    },
  );
}
