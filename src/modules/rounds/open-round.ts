import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { roundsDecider, type RoundInputData } from './round.decider';
import { ROUNDS_STREAM } from './round.events';

/** Opens a round through the rounds aggregate (the demo and tests; the resolver runs the same command). */
export async function openRound(
  store: EventStore,
  input: RoundInputData,
  metadata: EventMetadata,
): Promise<void> {
  await store.transaction((tx) =>
    store.decide(tx, ROUNDS_STREAM, roundsDecider, { type: 'OpenRound', input }, metadata),
  );
}
