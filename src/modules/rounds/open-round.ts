import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { RoundInputData } from './round.decider';
import type { RoundRow } from './round.entity';
import { roundIdOf } from './round.events';
import { runRoundCommand } from './run-round-command';

/** The department opens a round (at most one open at a time: the rounds aggregate's rule). */
export async function openRound(
  store: EventStore,
  input: RoundInputData,
  metadata: EventMetadata,
): Promise<RoundRow> {
  return runRoundCommand(
    store,
    { type: 'OpenRound', input },
    roundIdOf(input.academicYear, input.roundNo),
    metadata,
  );
}
