import type { DataSource } from 'typeorm';
import {
  createDataSource,
  runMigrationsExclusively,
  underStartupLock,
  type DatabaseTarget,
} from './db/data-source';
import { ReadReplicas } from './db/read-replicas';
import { writeMarker } from './event-store/write-marks';
import { EventStore } from './event-store/event-store.service';
import { bootstrapOrgUnits } from './modules/org-units/bootstrap-org-units';
import { projections } from './composition/projections';
import type { Logger } from './shared/logger';
import { entities } from './composition/entities';

export interface LecSystem {
  dataSource: DataSource;
  store: EventStore;
  /** Streaming replicas for read-only queries, when configured (PostgreSQL only). */
  replicas: ReadReplicas | null;
  close(): Promise<void>;
}

/**
 * Opens the database, runs pending migrations and makes sure the fixed master data exist (both
 * under the start-up lock: processes starting together take turns). On failure nothing is left
 * open, the embedded database and its folder lock included.
 */
export async function openSystem(
  target: DatabaseTarget,
  options: { logger?: Logger } = {},
): Promise<LecSystem> {
  const dataSource = createDataSource(target, entities, options.logger);
  const store = new EventStore(dataSource, projections);
  let replicas: ReadReplicas | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await replicas?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    } finally {
      if (target.kind === 'pglite') {
        try {
          if (!target.db.closed) await target.db.close();
        } finally {
          target.lock?.release();
        }
      }
    }
  };
  try {
    await dataSource.initialize();
    await underStartupLock(dataSource, async () => {
      await runMigrationsExclusively(dataSource);
      await bootstrapOrgUnits(store);
    });
    replicas =
      target.kind === 'postgres' && target.replicas?.urls.length
        ? new ReadReplicas(dataSource, target.replicas)
        : null;
    if (replicas) store.observers.push(writeMarker(dataSource));
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  return { dataSource, store, replicas, close };
}
