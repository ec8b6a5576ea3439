import { isEmbedded } from '../db/data-source';
import type { EntityManager } from 'typeorm';
import type { EventStore } from './event-store.service';
import { readAll } from './event-store';
import { project, type Projection } from './projection';

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
    const events = await replayAll(tx, store.projections, async (done) => {
      count = done;
      await progress?.(done, false);
    });
    return { events };
  });
  try {
    return await work;
  } finally {
    // Failed or not, it is over: done < total tells a failed one (its transaction changed nothing).
    await progress?.(count, true);
  }
}

/** Feeds the whole log, in order, to the projections inside `tx` (their tables empty). */
export async function replayAll(
  tx: EntityManager,
  projections: readonly Projection[],
  onBatch?: (done: number) => Promise<void>,
): Promise<number> {
  let position = 0;
  let count = 0;
  for (;;) {
    const batch = await readAll(tx, position, BATCH);
    if (batch.length === 0) return count;
    await project(projections, tx, batch);
    position = batch[batch.length - 1].globalPosition;
    count += batch.length;
    await onBatch?.(count);
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
