import type { DataSource, EntityManager } from 'typeorm';
import { isLecError } from '../shared/errors';
import type { Decider } from './decider';
import type { Event, EventMetadata, RecordedEvent } from './event';
import { appendToStream, conflictError, isUniqueViolation, readStream } from './event-store';
import { project, type Projection } from './projection';

export interface DecideResult<State, E extends Event> {
  state: State;
  version: number;
  events: RecordedEvent<E>[];
}

const CONFLICT_RETRIES = 3;

/** The event store of one database, with the inline projections that every append feeds. */
export class EventStore {
  constructor(
    readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
  ) {}

  /** Appends and projects, inside the caller's transaction. */
  async append<E extends Event>(
    tx: EntityManager,
    streamId: string,
    streamType: string,
    expectedVersion: number,
    events: readonly E[],
    metadata: EventMetadata,
  ): Promise<RecordedEvent<E>[]> {
    const result = await appendToStream(tx, streamId, streamType, expectedVersion, events, metadata);
    try {
      await project(this.projections, tx, result.events);
    } catch (e) {
      // A read model's unique key broken by a concurrent writer (e.g. the same citizen ID enrolled
      // at two schools at once): retry the decision, which will now see the other write.
      if (isUniqueViolation(e)) throw conflictError(streamId);
      throw e;
    }
    return result.events;
  }

  /** Loads a stream, folds it, decides and appends the outcome, inside the caller's transaction. */
  async decide<State, Command, E extends Event>(
    tx: EntityManager,
    streamId: string,
    decider: Decider<State, Command, E>,
    command: Command,
    metadata: EventMetadata,
  ): Promise<DecideResult<State, E>> {
    const history = await readStream<E>(tx, streamId);
    let state = decider.initialState();
    for (const e of history) state = decider.evolve(state, { type: e.type, data: e.data } as E);
    const newEvents = decider.decide(command, state);
    const recorded = await this.append(tx, streamId, decider.streamType, history.length, newEvents, metadata);
    for (const e of newEvents) state = decider.evolve(state, e);
    return { state, version: history.length + newEvents.length, events: recorded };
  }

  /**
   * Runs `work` in one transaction. A CONFLICT (another writer got to the stream first) retries
   * the whole unit of work on fresh state, so the decision is taken again against what the other
   * writer did; only if that keeps happening does the caller see CONFLICT.
   */
  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (e) {
        if (!(isLecError(e) && e.code === 'CONFLICT') || attempt >= CONFLICT_RETRIES) throw e;
      }
    }
  }
}
