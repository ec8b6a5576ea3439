import { isEmbedded } from '../db/data-source';
import type { EventStore } from './event-store.service';
import { readAll } from './event-store';
import { project } from './projection';

const BATCH = 5000;

/**
 * Empties every read model and replays the whole log into it, in one transaction: readers see
 * the old state or the rebuilt one, never a half-built one. On PostgreSQL its progress is written
 * beside it (table `projection_rebuilds`, outside the transaction) for every server's /metrics.
 */
export async function rebuildProjections(store: EventStore): Promise<{ events: number }> {
  const tables = store.projections.flatMap((p) => p.tables);
  const progress = isEmbedded(store.dataSource) ? null : await startProgress(store);
  let count = 0;
  const work = store.dataSource.transaction(async (tx) => {
    if (tables.length) await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    let position = 0;
    for (;;) {
      const batch = await readAll(tx, position, BATCH);
      if (batch.length === 0) break;
      await project(store.projections, tx, batch);
      position = batch[batch.length - 1].globalPosition;
      count += batch.length;
      await progress?.(count, false);
    }
    return { events: count };
  });
  try {
    return await work;
  } finally {
    // Failed or not, it is over: done < total tells a failed one (its transaction changed nothing).
    await progress?.(count, true);
  }
}

/** A row for this rebuild; the returned function updates it (on its own connection, committed at once). */
async function startProgress(store: EventStore) {
  const [row]: { id: string }[] = await store.dataSource.query(
    `INSERT INTO projection_rebuilds (events_total) SELECT count(*) FROM events RETURNING id`,
  );
  return async (done: number, finished: boolean) => {
    await store.dataSource.query(
      `UPDATE projection_rebuilds SET events_done = $2, finished_at = CASE WHEN $3 THEN now() END WHERE id = $1`,
      [row.id, done, finished],
    );
  };
}
