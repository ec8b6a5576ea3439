import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { RoundRow } from './round.entity';
import { roundsDecider, type RoundCommand } from './round.decider';
import { ROUNDS_STREAM } from './round.events';
import { lockRounds } from './rounds-lock';

/**
 * What every change to the rounds runs, in one transaction: the rounds lock taken exclusively,
 * the decision on the one `Rounds` stream, then the round as it now stands. `check` runs after the
 * lock, for what the command needs besides the stream (a unit that must exist).
 */
export async function runRoundCommand(
  store: EventStore,
  command: RoundCommand,
  roundId: string,
  metadata: EventMetadata,
  check?: (tx: EntityManager) => Promise<void>,
): Promise<RoundRow> {
  return store.transaction(async (tx) => {
    // No confirmation may be half-way through a round that opens, closes or moves under it.
    await lockRounds(tx);
    await check?.(tx);
    await store.decide(tx, ROUNDS_STREAM, roundsDecider, command, metadata);
    return tx.findOneByOrFail(RoundRow, { id: roundId });
  });
}
