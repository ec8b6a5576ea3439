import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { createPGliteDriver } from './pglite-driver';

/** Where the data live: a real PostgreSQL server, or the embedded PGlite database. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; db: PGlite };

const DATE_OID = 1082;
// Calendar dates stay 'YYYY-MM-DD' strings on both engines: a JS Date would shift them by the time zone.
pg.types.setTypeParser(DATE_OID, (v: string) => v);

/** Opens the embedded database: on disk when a folder is given, in memory otherwise. */
export function openPGlite(options: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  // PGlite's own mkdir is not recursive.
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  return new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [DATE_OID]: (v: string) => v },
    relaxedDurability: false,
  });
}

export function createDataSource(target: DatabaseTarget): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    parseInt8: true,
  };
  if (target.kind === 'postgres') {
    return new DataSource({ ...common, url: target.url, poolSize: 20 });
  }
  return new DataSource({
    ...common,
    driver: createPGliteDriver(target.db),
    database: 'postgres',
    poolSize: 1,
  });
}

export function targetFromConfig(config: { databaseUrl?: string; dataDir: string }): DatabaseTarget {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'pglite', db: openPGlite({ dataDir: path.join(config.dataDir, 'pglite') }) };
}

export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  const ds = createDataSource(target);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
