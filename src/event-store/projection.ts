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
}

export async function project(
  projections: readonly Projection[],
  manager: EntityManager,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const p of projections) {
    const mine = events.filter((e) => p.handles.includes(e.type));
    if (mine.length) await p.apply(manager, mine);
  }
}
