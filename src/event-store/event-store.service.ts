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

/** Told of what the store does: metrics count appends; read routing marks who wrote. */
export interface StoreObserver {
  /** After an append and its projections, inside the transaction. */
  appended?(streamType: string, events: number): void;
  /** After a transaction that appended has committed: the accounts whose events it holds. */
  committed?(accountIds: readonly string[]): Promise<void>;
}

/** The event store of one database, with the inline projections that every append feeds. */
export class EventStore {
  readonly observers: StoreObserver[] = [];
  /** The accounts that appended in each open transaction. */
  private readonly writers = new WeakMap<EntityManager, Set<string>>();

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
    for (const o of this.observers) o.appended?.(streamType, result.events.length);
    if (metadata.accountId) this.writers.get(tx)?.add(metadata.accountId);
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

  private async tellCommitted(accountIds: string[]): Promise<void> {
    for (const o of this.observers) {
      try {
        await o.committed?.(accountIds);
      } catch {
        // The write has committed and stands; an observer's failure (it logs its own) must not undo that.
      }
    }
  }

  /**
   * Runs `work` in one transaction. A CONFLICT (another writer got to the stream first) retries
   * the whole unit of work on fresh state, so the decision is taken again against what the other
   * writer did; only if that keeps happening does the caller see CONFLICT.
   */
  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const accounts = new Set<string>();
        const result = await this.dataSource.transaction((tx) => {
          this.writers.set(tx, accounts);
          return work(tx);
        });
        if (accounts.size) await this.tellCommitted([...accounts]);
        return result;
      } catch (e) {
        if (!(isLecError(e) && e.code === 'CONFLICT') || attempt >= CONFLICT_RETRIES) throw e;
      }
    }
  }
}
