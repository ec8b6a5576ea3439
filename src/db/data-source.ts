import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import type { Logger } from '../shared/logger';
import { lockDataDir, type DataDirLock } from './data-dir';
import { entities } from './entities';
import { createPGliteDriver } from './pglite-driver';
import { SqlLogger } from './sql-logger';

/** Where the data live: a real PostgreSQL server, or the embedded PGlite database (with its folder's lock). */
export type DatabaseTarget =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; db: PGlite; lock?: DataDirLock };

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

export function createDataSource(target: DatabaseTarget, logger?: Logger): DataSource {
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
    return new DataSource({
      ...common,
      url: target.url,
      poolSize: 20,
      extra: { connectionTimeoutMillis: 10_000 },
    });
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
  config: { databaseUrl?: string; dataDir: string },
  what = 'LEC server',
): DatabaseTarget {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
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

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<DataSource> {
  const ds = createDataSource(target, logger);
  await ds.initialize();
  await underStartupLock(ds, () => ds.runMigrations({ transaction: 'each' }));
  return ds;
}
