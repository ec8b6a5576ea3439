import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { RoundRow } from './round.entity';
import { runRoundCommand } from './run-round-command';

/** The department closes the open round: its confirmations become the round's figures of record. */
export async function closeRound(
  store: EventStore,
  roundId: string,
  metadata: EventMetadata,
): Promise<RoundRow> {
  return runRoundCommand(store, { type: 'CloseRound', roundId }, roundId, metadata);
}
