import type { EventStore } from './event-store.service';
import { readAll } from './event-store';
import { project } from './projection';

const BATCH = 5000;

/**
 * Empties every read model and replays the whole log into it, in one transaction: readers see
 * the old state or the rebuilt one, never a half-built one.
 */
export async function rebuildProjections(store: EventStore): Promise<{ events: number }> {
  const tables = store.projections.flatMap((p) => p.tables);
  return store.dataSource.transaction(async (tx) => {
    if (tables.length) await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    let position = 0;
    let count = 0;
    for (;;) {
      const batch = await readAll(tx, position, BATCH);
      if (batch.length === 0) break;
      await project(store.projections, tx, batch);
      position = batch[batch.length - 1].globalPosition;
      count += batch.length;
    }
    return { events: count };
  });
}
