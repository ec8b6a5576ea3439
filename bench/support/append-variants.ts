// Over 300 lines on purpose: a diagnostic of where an append's time goes, its variants (the real
// path, prepared, a PL/pgSQL function, raw pg, pipelined) each a few dozen lines, kept in one file
// so they are read against each other and interleaved alike.
import 'reflect-metadata';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { Event, EventMetadata, RecordedEvent } from '../../src/event-store/event';
import { conflictError } from '../../src/event-store/event-store';
import { EventStore } from '../../src/event-store/event-store.service';
import { project, type Projection } from '../../src/event-store/projection';
import { openBenchPostgres, postgresServerUrl, withDatabase } from './databases';
import { formatTable, int } from './table';
import { APPEND_SQL } from '../../src/event-store/event-store';

/**
 * Where does an append's time go on PostgreSQL? Not part of `npm run bench:append`: a diagnostic
 * that makes the bench's appends through the real EventStore path and through bench-only variants
 * of it, interleaved round by round so that a busy machine weighs on every variant alike:
 *
 *   store              the real path: EventStore.transaction + EventStore.append over TypeORM
 *   store-prepared     the same, the append statement sent as a named prepared statement
 *   store-prepared-all the same, and the projection's upsert a named prepared statement too
 *   store-function     the same, the append statement moved into a PL/pgSQL function (plans cached)
 *   pg-tx              raw `pg`: BEGIN / append / [projection] / COMMIT (no TypeORM)
 *   pg-tx-prepared     as pg-tx, the append a named prepared statement
 *   pg-pipelined       as pg-tx-prepared, in pipeline mode: BEGIN+append [, projection+COMMIT]
 *   nosync             as pg-tx-prepared with synchronous_commit=off: all but the WAL flush
 *   no-fk              as pg-tx-prepared on a copy of the tables without the events->streams FK
 *   no-type-idx        as pg-tx-prepared on a copy of the tables without events_type_idx
 *   pg-floor           BEGIN / a one-row INSERT / COMMIT over raw `pg`
 *   typeorm-floor      the same through dataSource.transaction
 *
 *   npm run build && BENCH_DATABASE_URL=postgres://... node dist/bench/support/append-variants.js
 *
 * Env: VARIANT_ROUNDS (5), VARIANT_SINGLES (1000 appends per round and case), VARIANT_BATCHES
 * (100 batches of 100 per round), VARIANT_ONLY (comma-separated variant names).
 */

/** The same statement in a PL/pgSQL function, whose statements' plans PostgreSQL caches per session. */
const APPEND_FUNCTION_DDL = `
CREATE FUNCTION bench_append(p_stream_id varchar, p_stream_type varchar, p_expected bigint, p_count int,
                             p_batch jsonb, p_metadata jsonb)
RETURNS TABLE (global_position bigint, stream_version bigint, recorded_at timestamptz)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH bumped AS (
    UPDATE streams SET version = version + p_count, updated_at = now()
     WHERE stream_id = p_stream_id AND version = p_expected AND p_expected > 0
    RETURNING version - p_count AS base
  ), created AS (
    INSERT INTO streams (stream_id, stream_type, version, updated_at)
    SELECT p_stream_id, p_stream_type, p_count, now() WHERE p_expected = 0
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING 0::bigint AS base
  ), head AS (
    SELECT base FROM bumped UNION ALL SELECT base FROM created
  )
  INSERT INTO events (stream_id, stream_version, type, data, metadata)
  SELECT p_stream_id, head.base + e.ord, e.item->>'type', e.item->'data', p_metadata
    FROM head, jsonb_array_elements(p_batch) WITH ORDINALITY AS e(item, ord)
  RETURNING events.global_position, events.stream_version, events.recorded_at;
END $fn$`;

const APPEND_FUNCTION_SQL = 'SELECT * FROM bench_append($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb)';

/** Copies of streams/events without the FK, and without the type index (LIKE copies no FK). */
const SCHEMA_COPIES_DDL = `
CREATE SCHEMA no_fk;
CREATE TABLE no_fk.streams (LIKE public.streams INCLUDING ALL);
CREATE TABLE no_fk.events (LIKE public.events INCLUDING ALL);
CREATE SCHEMA no_type_idx;
CREATE TABLE no_type_idx.streams (LIKE public.streams INCLUDING ALL);
CREATE TABLE no_type_idx.events (LIKE public.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE no_type_idx.events ADD PRIMARY KEY (global_position),
  ADD UNIQUE (stream_id, stream_version),
  ADD FOREIGN KEY (stream_id) REFERENCES no_type_idx.streams (stream_id)`;

const PROJECT_SQL = `INSERT INTO bench_counts (stream_id, n) VALUES ($1, $2)
  ON CONFLICT (stream_id) DO UPDATE SET n = bench_counts.n + EXCLUDED.n`;

const EVENT_TYPE = 'BenchRecorded';
const CALLERS = 16;

interface Batch {
  streamId: string;
  expectedVersion: number;
  count: number;
}

interface Pools {
  plain: pg.Pool;
  pipeline: pg.Pool;
  nosync: pg.Pool;
  noFk: pg.Pool;
  noTypeIdx: pg.Pool;
}

interface Ctx {
  ds: DataSource;
  pools: Pools;
  stores: Record<
    'store' | 'store-prepared' | 'store-prepared-all' | 'store-function',
    { with: EventStore; without: EventStore }
  >;
}

type AppendFn = (ctx: Ctx, b: Batch, projection: boolean) => Promise<void>;

function events(b: Batch): Event[] {
  return Array.from({ length: b.count }, (_, i) => {
    const seq = b.expectedVersion + i;
    return { type: EVENT_TYPE, data: { seq, amount: seq % 97, note: 'bench' } };
  });
}

function meta(b: Batch): EventMetadata {
  return {
    accountId: null,
    profileId: null,
    orgUnitCode: null,
    requestId: `${b.streamId}@${b.expectedVersion}`,
    at: new Date().toISOString(),
  };
}

function appendParams(
  streamId: string,
  streamType: string,
  expectedVersion: number,
  evs: readonly Event[],
  m: EventMetadata,
): unknown[] {
  const batch = JSON.stringify(evs.map((e) => ({ type: e.type, data: e.data })));
  return [streamId, streamType, expectedVersion, evs.length, batch, JSON.stringify(m)];
}

function batchParams(b: Batch): unknown[] {
  return appendParams(b.streamId, 'Bench', b.expectedVersion, events(b), meta(b));
}

function check(rows: unknown[], b: Batch): void {
  if (rows.length !== b.count) throw new Error(`conflict on ${b.streamId}@${b.expectedVersion}`);
}

const benchCounts: Projection = {
  name: 'bench_counts',
  handles: [EVENT_TYPE],
  tables: ['bench_counts'],
  async apply(manager: EntityManager, evs) {
    await manager.query(PROJECT_SQL, [evs[0].streamId, evs.length]);
  },
};

/** The same projection with its upsert as a named prepared statement too. */
const benchCountsPrepared: Projection = {
  ...benchCounts,
  async apply(manager: EntityManager, evs) {
    const client: pg.PoolClient = await (manager.queryRunner as PostgresQueryRunner).connect();
    await client.query({ name: 'bench_project', text: PROJECT_SQL, values: [evs[0].streamId, evs.length] });
  },
};

interface AppendRow {
  global_position: number;
  stream_version: number;
  recorded_at: Date;
}

/**
 * A bench-only copy of EventStore whose append runs the statement some other way; what
 * `appendToStream` would do if changed so. Everything else (transaction, projections) is the real one.
 */
class VariantStore extends EventStore {
  constructor(
    dataSource: DataSource,
    projections: readonly Projection[],
    private readonly run: (tx: EntityManager, params: unknown[]) => Promise<AppendRow[]>,
  ) {
    super(dataSource, projections);
  }

  override async append<E extends Event>(
    tx: EntityManager,
    streamId: string,
    streamType: string,
    expectedVersion: number,
    evs: readonly E[],
    metadata: EventMetadata,
  ): Promise<RecordedEvent<E>[]> {
    const rows = await this.run(tx, appendParams(streamId, streamType, expectedVersion, evs, metadata));
    if (rows.length !== evs.length) throw conflictError(streamId);
    const recorded = rows.map((r, i) => ({
      globalPosition: Number(r.global_position),
      streamId,
      streamVersion: Number(r.stream_version),
      type: evs[i].type,
      data: evs[i].data,
      metadata,
      recordedAt: r.recorded_at,
    })) as RecordedEvent<E>[];
    await project(this.projections, tx, recorded);
    return recorded;
  }
}

/** The append as a named prepared statement on the transaction's own pg connection. */
async function runPrepared(tx: EntityManager, params: unknown[]): Promise<AppendRow[]> {
  const client: pg.PoolClient = await (tx.queryRunner as PostgresQueryRunner).connect();
  const r = await client.query<AppendRow>({ name: 'lec_append', text: APPEND_SQL, values: params });
  return r.rows;
}

async function runFunction(tx: EntityManager, params: unknown[]): Promise<AppendRow[]> {
  return tx.query(APPEND_FUNCTION_SQL, params);
}

async function viaPgTx(pool: pg.Pool, b: Batch, projection: boolean, name?: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query({ text: APPEND_SQL, values: batchParams(b), name });
    check(r.rows, b);
    if (projection) await client.query(PROJECT_SQL, [b.streamId, b.count]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

function viaStore(which: keyof Ctx['stores']): AppendFn {
  return async (ctx, b, projection) => {
    const store = projection ? ctx.stores[which].with : ctx.stores[which].without;
    const evs = events(b);
    const m = meta(b);
    await store.transaction((tx) => store.append(tx, b.streamId, 'Bench', b.expectedVersion, evs, m));
  };
}

const FLOOR_SQL = 'INSERT INTO bench_floor (stream_id, v) VALUES ($1, $2)';

const VARIANTS: Record<string, AppendFn> = {
  store: viaStore('store'),
  'store-prepared': viaStore('store-prepared'),
  'store-prepared-all': viaStore('store-prepared-all'),
  'store-function': viaStore('store-function'),
  'pg-tx': (ctx, b, projection) => viaPgTx(ctx.pools.plain, b, projection),
  'pg-tx-prepared': (ctx, b, projection) => viaPgTx(ctx.pools.plain, b, projection, 'lec_append'),
  'pg-pipelined': async (ctx, b, projection) => {
    const client = await ctx.pools.pipeline.connect();
    try {
      const append = client.query({ text: APPEND_SQL, values: batchParams(b), name: 'lec_append' });
      if (!projection) {
        const [, r] = await Promise.all([client.query('BEGIN'), append, client.query('COMMIT')]);
        check(r.rows, b);
        return;
      }
      const [, r] = await Promise.all([client.query('BEGIN'), append]);
      check(r.rows, b);
      await Promise.all([client.query(PROJECT_SQL, [b.streamId, b.count]), client.query('COMMIT')]);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  },
  nosync: (ctx, b, projection) => viaPgTx(ctx.pools.nosync, b, projection, 'lec_append'),
  'no-fk': (ctx, b, projection) => viaPgTx(ctx.pools.noFk, b, projection, 'lec_append'),
  'no-type-idx': (ctx, b, projection) => viaPgTx(ctx.pools.noTypeIdx, b, projection, 'lec_append'),
  'pg-floor': async (ctx, b) => {
    const client = await ctx.pools.plain.connect();
    try {
      await client.query('BEGIN');
      await client.query(FLOOR_SQL, [b.streamId, b.expectedVersion]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  },
  'typeorm-floor': (ctx, b) =>
    ctx.ds.transaction((tx) => tx.query(FLOOR_SQL, [b.streamId, b.expectedVersion])),
};

/** Variants that only make sense for single appends without a projection. */
const FLOORS = new Set(['pg-floor', 'typeorm-floor']);

/** The single-append plan of the bench's (b)/(c): `appends` appends over CALLERS streams. */
function singlePlan(prefix: string, appends: number): Batch[][] {
  const perCaller: Batch[][] = Array.from({ length: CALLERS }, () => []);
  for (let i = 0; i < appends; i++) {
    const k = i % CALLERS;
    perCaller[k].push({ streamId: `${prefix}-${k}`, expectedVersion: perCaller[k].length, count: 1 });
  }
  return perCaller;
}

async function runSingles(
  ctx: Ctx,
  fn: AppendFn,
  prefix: string,
  appends: number,
  concurrent: boolean,
  proj: boolean,
): Promise<number> {
  const plan = singlePlan(prefix, appends);
  const t0 = performance.now();
  if (concurrent) {
    await Promise.all(
      plan.map(async (list) => {
        for (const b of list) await fn(ctx, b, proj);
      }),
    );
  } else {
    for (let i = 0; i < appends; i++) await fn(ctx, plan[i % CALLERS][Math.floor(i / CALLERS)], proj);
  }
  return (performance.now() - t0) / 1000;
}

async function runBatches(
  ctx: Ctx,
  fn: AppendFn,
  prefix: string,
  batches: number,
  proj: boolean,
): Promise<number> {
  const t0 = performance.now();
  for (let s = 0; s < batches; s++) {
    await fn(ctx, { streamId: `${prefix}-${s}`, expectedVersion: 0, count: 100 }, proj);
  }
  return (performance.now() - t0) / 1000;
}

/** On-CPU nanoseconds of this database's backends (same host only: /proc/<pid>/schedstat). */
async function backendCpu(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // not on this host, or gone
    }
  }
  return cpu;
}

interface Sample {
  rate: number;
  /** µs of CPU per append: PostgreSQL backends, and this Node process. */
  pgCpu: number;
  nodeCpu: number;
}

async function measure(
  ctx: Ctx,
  appends: number,
  events: number,
  work: () => Promise<number>,
): Promise<Sample> {
  const pgBefore = await backendCpu(ctx.pools.plain);
  const nodeBefore = process.cpuUsage();
  const secs = await work();
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = await backendCpu(ctx.pools.plain);
  let pgNs = 0;
  for (const [pid, ns] of pgAfter) pgNs += ns - (pgBefore.get(pid) ?? 0);
  return {
    rate: events / secs,
    pgCpu: pgNs / 1000 / appends,
    nodeCpu: (node.user + node.system) / appends,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error('set BENCH_DATABASE_URL or DATABASE_URL');
  const rounds = Number(process.env.VARIANT_ROUNDS ?? 5);
  const singles = Number(process.env.VARIANT_SINGLES ?? 1000);
  const batches = Number(process.env.VARIANT_BATCHES ?? 100);
  const only = process.env.VARIANT_ONLY?.split(',').map((s) => s.trim());
  const names = Object.keys(VARIANTS).filter((n) => !only || only.includes(n));

  const db = await openBenchPostgres(serverUrl);
  const dbUrl = withDatabase(serverUrl, new URL(db.where).pathname.slice(1));
  // Idle connections must not be closed between variants (pg.Pool closes them after 10 s by
  // default): a fresh backend's first statements pay for a cold catalog cache.
  const pool = (extra: Partial<pg.PoolConfig> & { pipeline?: boolean } = {}) =>
    new pg.Pool({ connectionString: dbUrl, max: 20, idleTimeoutMillis: 0, ...extra });
  const pools: Pools = {
    plain: pool(),
    pipeline: pool({ pipeline: true }),
    nosync: pool({ options: '-c synchronous_commit=off' }),
    noFk: pool({ options: '-c search_path=no_fk,public' }),
    noTypeIdx: pool({ options: '-c search_path=no_type_idx,public' }),
  };
  const ds = db.dataSource;
  (ds.driver as PostgresDriver).master.options.idleTimeoutMillis = 0;
  const storePair = (make: (projections: Projection[]) => EventStore, projection = benchCounts) => ({
    with: make([projection]),
    without: make([]),
  });
  const ctx: Ctx = {
    ds,
    pools,
    stores: {
      store: storePair((p) => new EventStore(ds, p)),
      'store-prepared': storePair((p) => new VariantStore(ds, p, runPrepared)),
      'store-prepared-all': storePair((p) => new VariantStore(ds, p, runPrepared), benchCountsPrepared),
      'store-function': storePair((p) => new VariantStore(ds, p, runFunction)),
    },
  };
  try {
    await ds.query(
      'CREATE TABLE bench_counts (stream_id varchar(200) PRIMARY KEY, n int NOT NULL);' +
        'CREATE TABLE bench_floor (id bigserial PRIMARY KEY, stream_id varchar(200) NOT NULL, v int NOT NULL);' +
        SCHEMA_COPIES_DDL,
    );
    await ds.query(APPEND_FUNCTION_DDL);
    const cases = [
      { id: 'a', proj: false },
      { id: 'a', proj: true },
      { id: 'b', proj: false },
      { id: 'b', proj: true },
      { id: 'c', proj: false },
      { id: 'c', proj: true },
    ];
    const samples = new Map<string, Sample[]>();
    const run = randomBytes(3).toString('hex');
    for (let round = -1; round < rounds; round++) {
      // Round -1 warms every variant up (connections, prepared statements, JIT) and is not counted.
      for (const c of cases) {
        for (const name of names) {
          if (FLOORS.has(name) && (c.proj || c.id === 'a')) continue;
          const prefix = `${run}-${round}-${c.id}-${c.proj ? 'p' : 'n'}-${name}`;
          const n = c.id === 'a' ? (round < 0 ? 10 : batches) : round < 0 ? Math.ceil(singles / 10) : singles;
          const sample = await measure(ctx, n, (c.id === 'a' ? 100 : 1) * n, () =>
            c.id === 'a'
              ? runBatches(ctx, VARIANTS[name], prefix, n, c.proj)
              : runSingles(ctx, VARIANTS[name], prefix, n, c.id === 'c', c.proj),
          );
          if (round < 0) continue;
          const key = `${c.id}|${c.proj ? 'yes' : 'no'}|${name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
      if (round >= 0) console.log(`round ${round + 1}/${rounds} done`);
    }
    const rows = [...samples].map(([key, list]) => {
      const [id, proj, name] = key.split('|');
      const rates = list.map((x) => x.rate);
      return [
        `(${id})`,
        proj,
        name,
        int(median(rates)),
        int(Math.min(...rates)),
        int(Math.max(...rates)),
        int(median(list.map((x) => x.pgCpu))),
        int(median(list.map((x) => x.nodeCpu))),
      ];
    });
    const header = [
      'case',
      'projection',
      'variant',
      'median ev/s',
      'min',
      'max',
      'pg CPU us/append',
      'node CPU us/append',
    ];
    console.log(
      formatTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']),
    );
  } finally {
    await Promise.all(Object.values(pools).map((p) => p.end()));
    await db.close();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error('append-variants failed:', e);
    process.exitCode = 1;
  });
}
