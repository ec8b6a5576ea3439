import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource, MigrationExecutor } from 'typeorm';
import { migrations } from '../../migrations';
import type { Config } from '../config';
import { entities } from './entities';
import type { ReplicaOptions } from './read-replicas';
import { createPGliteDriver } from './pglite-driver';
import { markBehindTransactionPooler } from './pooler';

/** Where the data live: a real PostgreSQL server, or the embedded PGlite database. */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      /** `transaction`: reached through a transaction-mode pooler (no named prepared statements). */
      pooler?: 'transaction';
      /** Streaming replicas for read-only queries (see read-replicas.ts). */
      replicas?: ReplicaOptions;
    }
  | { kind: 'pglite'; db: PGlite };

/** Whether this is the embedded database (one session: no second connection while a transaction runs). */
export function isEmbedded(ds: DataSource): boolean {
  return Boolean(ds.options.type === 'postgres' && ds.options.driver);
}

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
    const ds = new DataSource({ ...common, url: target.url, poolSize: 20, applicationName: 'lec' });
    if (target.pooler === 'transaction') markBehindTransactionPooler(ds);
    return ds;
  }
  return new DataSource({
    ...common,
    driver: createPGliteDriver(target.db),
    database: 'postgres',
    poolSize: 1,
  });
}

export function targetFromConfig(
  config: Pick<
    Config,
    'databaseUrl' | 'dataDir' | 'pooler' | 'replicaUrls' | 'replicaMaxLagSeconds' | 'replicaWaitMs'
  >,
): DatabaseTarget {
  if (config.databaseUrl) {
    return {
      kind: 'postgres',
      url: config.databaseUrl,
      pooler: config.pooler,
      replicas: config.replicaUrls.length
        ? {
            urls: config.replicaUrls,
            maxLagSeconds: config.replicaMaxLagSeconds,
            waitMs: config.replicaWaitMs,
          }
        : undefined,
    };
  }
  return { kind: 'pglite', db: openPGlite({ dataDir: path.join(config.dataDir, 'pglite') }) };
}

export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  const ds = createDataSource(target);
  await ds.initialize();
  await runMigrationsExclusively(ds);
  return ds;
}

/**
 * Runs pending migrations in one transaction that first takes an advisory lock, so that several
 * processes started at once on a new database (systemd, N units) do not run them twice: the
 * others wait, then find nothing pending. A transaction lock, so it holds behind pgbouncer too.
 */
async function runMigrationsExclusively(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('lec:migrations'))`);
    const executor = new MigrationExecutor(ds, runner);
    executor.transaction = 'none';
    await executor.executePendingMigrations();
    await runner.commitTransaction();
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw e;
  } finally {
    await runner.release();
  }
}
