import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { spotCheckDecider } from './spot-check.decider';
import { spotCheckStreamId, type SpotCheckResult } from './spot-check.events';

/**
 * Records what the province found for one drawn pupil. A later record for the same pupil replaces
 * the earlier one in the read model (a NOT_FOUND later found clears the flag); the events keep both.
 * Findings may be recorded after the round closes: a ghost found late still matters (guideline 10.2).
 */
export async function recordSpotCheckResult(
  store: EventStore,
  input: { spotCheckId: string; pupilId: string; result: SpotCheckResult; note: string | null },
  metadata: EventMetadata,
): Promise<void> {
  await store.transaction((tx) =>
    store.decide(
      tx,
      spotCheckStreamId(input.spotCheckId),
      spotCheckDecider,
      { type: 'RecordSpotCheckResult', pupilId: input.pupilId, result: input.result, note: input.note },
      metadata,
    ),
  );
}
