import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import type { Config } from '../shared/config';
import type { Logger } from '../shared/logger';
import { lockDataDir, type DataDirLock } from './data-dir';
import type { ReplicaOptions } from './read-replicas';
import { createPGliteDriver } from './pglite-driver';
import { markBehindTransactionPooler } from './pooler';
import { SqlLogger } from './sql-logger';

/** Where the data live: a real PostgreSQL server, or the embedded PGlite database (with its folder's lock). */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      /** `transaction`: reached through a transaction-mode pooler (no named prepared statements). */
      pooler?: 'transaction';
      /** Streaming replicas for read-only queries (see read-replicas.ts). */
      replicas?: ReplicaOptions;
    }
  | { kind: 'pglite'; db: PGlite; lock?: DataDirLock };

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
    // PGlite starts PostgreSQL with -F (fsync off), and its Node file system has no fsync to turn on:
    // see "Durability" in the README (PostgreSQL is the production engine).
    relaxedDurability: false,
  });
}

/** The read-model entities: the composition root's list (the kernel knows no module's tables). */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export function createDataSource(target: DatabaseTarget, entities: EntityList, logger?: Logger): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    // Through LEC's logger, without parameters; silent when no logger is given (tests, benches).
    ...(logger ? { logger: new SqlLogger(logger), maxQueryExecutionTime: 5000 } : { logging: false }),
    parseInt8: true,
  };
  if (target.kind === 'postgres') {
    // A connection that cannot be had within 10 s is an outage (answered 503), not a wait.
    const ds = new DataSource({
      ...common,
      url: target.url,
      poolSize: 20,
      applicationName: 'lec',
      extra: { connectionTimeoutMillis: 10_000 },
    });
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

/**
 * The database of a configuration. For the embedded one, the data folder is first checked for
 * writing and locked for this process (`what` names it in the refusal another process gets).
 */
export function targetFromConfig(
  config: Pick<Config, 'dataDir'> &
    Partial<Pick<Config, 'databaseUrl'>> &
    Partial<Pick<Config, 'pooler' | 'replicaUrls' | 'replicaMaxLagSeconds' | 'replicaWaitMs'>>,
  what = 'LEC server',
): DatabaseTarget {
  if (config.databaseUrl) {
    return {
      kind: 'postgres',
      url: config.databaseUrl,
      pooler: config.pooler,
      replicas: config.replicaUrls?.length
        ? {
            urls: config.replicaUrls,
            maxLagSeconds: config.replicaMaxLagSeconds ?? 30,
            waitMs: config.replicaWaitMs ?? 250,
          }
        : undefined,
    };
  }
  const lock = lockDataDir(config.dataDir, what);
  try {
    return { kind: 'pglite', db: openPGlite({ dataDir: path.join(config.dataDir, 'pglite') }), lock };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** Any 64-bit key, the same in every LEC process: "LEC migrations". */
const STARTUP_LOCK_KEY = 7_263_517_201;

/**
 * Runs the start-up work (migrations, master data) while holding a PostgreSQL advisory lock, so
 * two processes starting at once on an empty database take turns instead of racing to create the
 * same tables. The embedded database has one process by its folder lock (and one session: a
 * second connection for the lock would wait for ever).
 */
export async function underStartupLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  if (!(ds.driver.options as { url?: string }).url) return work();
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

export async function openDatabase(
  target: DatabaseTarget,
  entities: EntityList,
  logger?: Logger,
): Promise<DataSource> {
  const ds = createDataSource(target, entities, logger);
  await ds.initialize();
  await runMigrationsExclusively(ds);
  return ds;
}

/**
 * Runs pending migrations in one transaction that first takes an advisory lock, so that several
 * processes started at once on a new database (systemd, N units) do not run them twice: the
 * others wait, then find nothing pending. A transaction lock, so it holds behind pgbouncer too.
 */
export async function runMigrationsExclusively(ds: DataSource): Promise<void> {
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
