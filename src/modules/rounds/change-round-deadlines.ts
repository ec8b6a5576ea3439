import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { RoundRow } from './round.entity';
import type { RoundDeadlines } from './round.events';
import { runRoundCommand } from './run-round-command';

/** The department moves the deadlines of an open round (still in order, not before the snapshot date). */
export async function changeRoundDeadlines(
  store: EventStore,
  roundId: string,
  deadlines: RoundDeadlines,
  metadata: EventMetadata,
): Promise<RoundRow> {
  return runRoundCommand(store, { type: 'ChangeRoundDeadlines', roundId, deadlines }, roundId, metadata);
}
