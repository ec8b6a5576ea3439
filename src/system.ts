import type { DataSource } from 'typeorm';
import { openDatabase, type DatabaseTarget } from './db/data-source';
import { EventStore } from './event-store/event-store.service';
import { bootstrapOrgUnits } from './modules/org-units/bootstrap-org-units';
import { projections } from './modules/projections';

export interface LecSystem {
  dataSource: DataSource;
  store: EventStore;
  close(): Promise<void>;
}

/** Opens the database, runs pending migrations and makes sure the fixed master data exist. */
export async function openSystem(target: DatabaseTarget): Promise<LecSystem> {
  const dataSource = await openDatabase(target);
  const store = new EventStore(dataSource, projections);
  await bootstrapOrgUnits(store);
  return {
    dataSource,
    store,
    async close() {
      await dataSource.destroy();
      if (target.kind === 'pglite') await target.db.close();
    },
  };
}
