import { performance } from 'node:perf_hooks';
import { isEmbedded } from '../db/data-source';
import type { EntityManager } from 'typeorm';
import type { EventStore } from './event-store.service';
import { readAll } from './event-store';
import { finishReplay, replayBatch, typesReplayedWithoutData, type Projection } from './projection';

/** Events per read; each projection gets its share of a batch at once. */
const BATCH = 10_000;
const PROGRESS_EVERY_MS = 5_000;

/** How far a rebuild has gone: events replayed of the log's total, seconds since it began. */
export interface RebuildProgress {
  done: number;
  total: number;
  seconds: number;
}

/**
 * Empties every read model and replays the whole log into it, in one transaction: readers see
 * the old state or the rebuilt one, never a half-built one. On PostgreSQL its progress is written
 * beside it (table `projection_rebuilds`, outside the transaction) for every server's /metrics.
 */
export async function rebuildProjections(
  store: EventStore,
  opts: { onProgress?: (p: RebuildProgress) => void } = {},
): Promise<{ events: number }> {
  const tables = store.projections.flatMap((p) => p.tables);
  const progress = isEmbedded(store.dataSource) ? null : await startProgress(store);
  let count = 0;
  const started = performance.now();
  let reported = started;
  const work = store.dataSource.transaction(async (tx) => {
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM events`);
    if (tables.length) await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    const rebuildIndexes = await dropDeferredIndexes(
      tx,
      store.projections.flatMap((p) => p.replay?.deferIndexes ?? []),
    );
    const events = await replayAll(tx, store.projections, async (done) => {
      count = done;
      await progress?.(done, false);
      const now = performance.now();
      if (opts.onProgress && (now - reported >= PROGRESS_EVERY_MS || done === total)) {
        reported = now;
        opts.onProgress({ done, total, seconds: (now - started) / 1000 });
      }
    });
    await rebuildIndexes();
    return { events };
  });
  try {
    return await work;
  } finally {
    // Failed or not, it is over: done < total tells a failed one (its transaction changed nothing).
    await progress?.(count, true);
  }
}

/**
 * Drops the secondary indexes of `tables` that are neither unique nor behind a constraint (a unique
 * one may be what an ON CONFLICT relies on), inside the rebuild's transaction, which already holds
 * the tables exclusively (TRUNCATE); the returned function creates them again from their definitions.
 */
async function dropDeferredIndexes(
  tx: EntityManager,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  if (tables.length === 0) return async () => {};
  const indexes: { name: string; def: string }[] = await tx.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      WHERE t.relname = ANY($1::text[]) AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
    [[...tables]],
  );
  for (const ix of indexes) await tx.query(`DROP INDEX "${ix.name}"`);
  return async () => {
    for (const ix of indexes) await tx.query(ix.def);
  };
}

/** Feeds the whole log, in order, to the projections inside `tx` (their tables empty). */
export async function replayAll(
  tx: EntityManager,
  projections: readonly Projection[],
  onBatch?: (done: number) => Promise<void>,
): Promise<number> {
  let position = 0;
  let count = 0;
  const withoutData = typesReplayedWithoutData(projections);
  for (;;) {
    const batch = await readAll(tx, position, BATCH, withoutData);
    if (batch.length === 0) {
      await finishReplay(projections, tx);
      return count;
    }
    await replayBatch(projections, tx, batch);
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
