import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from './event';

/**
 * A read model kept by events. Inline projections run inside the transaction that appends the
 * events, so a query right after a command sees its effect, and a failed projection rolls the
 * append back: the events and the read models never disagree.
 */
export interface Projection {
  name: string;
  /** Event types it reads; others are not passed to it. */
  handles: readonly string[];
  /** The tables it owns: emptied before a rebuild replays every event into it. */
  tables: readonly string[];
  apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void>;
  /**
   * How a rebuild feeds it, when that can be done set-based: its tables are empty, the whole log
   * comes in order, and the result must equal what `apply` makes event by event (the
   * `*.rebuild.int.spec.ts` tests compare them). `apply` (default: the live one) takes each batch;
   * `finish` runs once after the last batch, in the same transaction.
   */
  replay?: {
    apply?(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void>;
    finish?(manager: EntityManager): Promise<void>;
    /**
     * Tables whose secondary non-unique indexes are dropped before the replay and built again after
     * it (one sort instead of a b-tree insert per row). Only for tables the replay reads by primary
     * key or unique index, if at all.
     */
    deferIndexes?: readonly string[];
    /**
     * Event types whose data and metadata its replay does not read (it reads them in SQL from the
     * `events` table, or ignores them): when every projection handling a type says so, the rebuild
     * does not fetch them (only type, stream and positions).
     */
    withoutData?: readonly string[];
  };
}

/** Runs each projection, in order, on the events it handles (none: it is skipped). */
async function forEachHandling(
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
  run: (p: Projection, mine: readonly RecordedEvent[]) => Promise<void>,
): Promise<void> {
  for (const p of projections) {
    const mine = events.filter((e) => p.handles.includes(e.type));
    if (mine.length) await run(p, mine);
  }
}

/** A rebuild's batch: each projection's replay apply, or its live one. */
export function replayBatch(
  projections: readonly Projection[],
  manager: EntityManager,
  events: readonly RecordedEvent[],
): Promise<void> {
  return forEachHandling(projections, events, (p, mine) =>
    p.replay?.apply ? p.replay.apply(manager, mine) : p.apply(manager, mine),
  );
}

/** The event types a replay need not fetch the data of: every projection handling them says so. */
export function typesReplayedWithoutData(projections: readonly Projection[]): string[] {
  const types = new Set(projections.flatMap((p) => p.handles));
  return [...types].filter((t) =>
    projections.every((p) => !p.handles.includes(t) || (p.replay?.withoutData ?? []).includes(t)),
  );
}

/** After a rebuild's last batch: each projection's replay finish, in order. */
export async function finishReplay(
  projections: readonly Projection[],
  manager: EntityManager,
): Promise<void> {
  for (const p of projections) await p.replay?.finish?.(manager);
}

export function project(
  projections: readonly Projection[],
  manager: EntityManager,
  events: readonly RecordedEvent[],
): Promise<void> {
  return forEachHandling(projections, events, (p, mine) => p.apply(manager, mine));
}
