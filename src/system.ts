import type { DataSource } from 'typeorm';
import { openDatabase, type DatabaseTarget } from './db/data-source';
import { ReadReplicas } from './db/read-replicas';
import { writeMarker } from './db/write-marks';
import { EventStore } from './event-store/event-store.service';
import { bootstrapOrgUnits } from './modules/org-units/bootstrap-org-units';
import { projections } from './modules/projections';

export interface LecSystem {
  dataSource: DataSource;
  store: EventStore;
  /** Streaming replicas for read-only queries, when configured (PostgreSQL only). */
  replicas: ReadReplicas | null;
  close(): Promise<void>;
}

/** Opens the database, runs pending migrations and makes sure the fixed master data exist. */
export async function openSystem(target: DatabaseTarget): Promise<LecSystem> {
  const dataSource = await openDatabase(target);
  const store = new EventStore(dataSource, projections);
  await bootstrapOrgUnits(store);
  const replicas =
    target.kind === 'postgres' && target.replicas?.urls.length
      ? new ReadReplicas(dataSource, target.replicas)
      : null;
  if (replicas) store.observers.push(writeMarker(dataSource));
  return {
    dataSource,
    store,
    replicas,
    async close() {
      await replicas?.close();
      await dataSource.destroy();
      if (target.kind === 'pglite') await target.db.close();
    },
  };
}
