// Over 300 lines on purpose: one benchmark's scenarios side by side, so the variants compared are
// seen together; the variants themselves are in support/append-variants.ts.
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Event, EventMetadata, RecordedEvent } from '../src/event-store/event';
import { EventStore } from '../src/event-store/event-store.service';
import type { Projection } from '../src/event-store/projection';
import {
  openBenchPGlite,
  openBenchPostgres,
  postgresServerUrl,
  type BenchDatabase,
  type Engine,
} from './support/databases';
import { formatTable, int, seconds } from './support/table';

/**
 * `npm run bench:append`: the event store's append throughput on PostgreSQL and on PGlite.
 *
 *  (a) 2,000 new streams, each given one 100-event batch (one append, one transaction each), in sequence;
 *  (b) 5,000 single-event appends in sequence, each its own transaction, spread over 16 streams;
 *  (c) the same 5,000 appends from 16 concurrent callers, one stream each;
 *
 * each once with a trivial inline projection and once without, through the real path:
 * `store.transaction(tx => store.append(tx, ...))`.
 *
 * Environment: BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server; the bench creates and
 * drops its own database there), BENCH_ENGINES=pglite,postgres, BENCH_SCALE=1 (0.1 for a quick run).
 */

const BATCH_SIZE = 100;
const CALLERS = 16;
const STREAM_TYPE = 'Bench';
const EVENT_TYPE = 'BenchRecorded';

type CaseId = 'a' | 'b' | 'c';

interface CaseSpec {
  id: CaseId;
  label: string;
  /** The PostgreSQL target in events/s, and what Emmett's PostgreSQL store does on this machine. */
  target: number;
  emmett: number;
}

const CASES: readonly CaseSpec[] = [
  { id: 'a', label: `(a) ${BATCH_SIZE}-event batches`, target: 32_000, emmett: 21_000 },
  { id: 'b', label: '(b) single appends, sequential', target: 1_500, emmett: 1_000 },
  { id: 'c', label: `(c) single appends, ${CALLERS} callers`, target: 3_500, emmett: 2_300 },
];

interface Result {
  engine: Engine;
  spec: CaseSpec;
  projection: boolean;
  events: number;
  appends: number;
  seconds: number;
}

type BenchEvent = Event<typeof EVENT_TYPE, { seq: number; amount: number; note: string }>;

function benchEvents(count: number, from: number): BenchEvent[] {
  const events: BenchEvent[] = [];
  for (let i = 0; i < count; i++) {
    const seq = from + i;
    events.push({ type: EVENT_TYPE, data: { seq, amount: seq % 97, note: 'bench' } });
  }
  return events;
}

function metadata(requestId: string): EventMetadata {
  return {
    accountId: null,
    profileId: null,
    orgUnitCode: null,
    requestId,
    at: new Date().toISOString(),
  };
}

/** The trivial read model: events per stream, one upsert per appended batch. */
const BENCH_COUNTS_DDL = `CREATE TABLE IF NOT EXISTS bench_counts (
  stream_id varchar(200) PRIMARY KEY,
  n         int          NOT NULL
)`;

const benchCounts: Projection = {
  name: 'bench_counts',
  handles: [EVENT_TYPE],
  tables: ['bench_counts'],
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    // One append is one stream, so this is one statement per batch.
    const perStream = new Map<string, number>();
    for (const e of events) perStream.set(e.streamId, (perStream.get(e.streamId) ?? 0) + 1);
    for (const [streamId, n] of perStream) {
      await manager.query(
        `INSERT INTO bench_counts (stream_id, n) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET n = bench_counts.n + EXCLUDED.n`,
        [streamId, n],
      );
    }
  },
};

function scale(): number {
  const raw = process.env.BENCH_SCALE;
  if (raw === undefined || raw === '') return 1;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0) throw new Error(`BENCH_SCALE must be a positive number, not "${raw}"`);
  return s;
}

function selectedEngines(): Engine[] {
  const raw = process.env.BENCH_ENGINES ?? 'pglite,postgres';
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const n of names) {
    if (n !== 'pglite' && n !== 'postgres') {
      throw new Error(`BENCH_ENGINES: unknown engine "${n}" (use pglite, postgres)`);
    }
  }
  return [...new Set(names)] as Engine[];
}

/** One workload: a set of appends and the order in which they are made. */
interface Workload {
  events: number;
  appends: number;
  run(store: EventStore, prefix: string): Promise<void>;
}

function append(
  store: EventStore,
  streamId: string,
  expectedVersion: number,
  events: readonly BenchEvent[],
): Promise<RecordedEvent<BenchEvent>[]> {
  const meta = metadata(`${streamId}@${expectedVersion}`);
  return store.transaction((tx) => store.append(tx, streamId, STREAM_TYPE, expectedVersion, events, meta));
}

/** (a): `streams` new streams, each created by one append of a whole batch. */
function batches(streams: number): Workload {
  return {
    events: streams * BATCH_SIZE,
    appends: streams,
    async run(store, prefix) {
      for (let s = 0; s < streams; s++) {
        await append(store, `${prefix}-${s}`, 0, benchEvents(BATCH_SIZE, 0));
      }
    },
  };
}

/**
 * (b) and (c): `appends` single-event appends over CALLERS streams, append i going to stream
 * i % CALLERS. In sequence they are made in the order of i; concurrently, each of CALLERS callers
 * makes its own stream's appends in order, so both make exactly the same appends.
 */
function singles(appends: number, concurrent: boolean): Workload {
  const perStream = (k: number) => Math.floor(appends / CALLERS) + (k < appends % CALLERS ? 1 : 0);
  return {
    events: appends,
    appends,
    async run(store, prefix) {
      if (!concurrent) {
        for (let i = 0; i < appends; i++) {
          const version = Math.floor(i / CALLERS);
          await append(store, `${prefix}-${i % CALLERS}`, version, benchEvents(1, version));
        }
        return;
      }
      const caller = async (k: number) => {
        for (let version = 0; version < perStream(k); version++) {
          await append(store, `${prefix}-${k}`, version, benchEvents(1, version));
        }
      };
      await Promise.all(Array.from({ length: CALLERS }, (_, k) => caller(k)));
    },
  };
}

function workload(id: CaseId, size: { streams: number; appends: number }): Workload {
  if (id === 'a') return batches(size.streams);
  return singles(size.appends, id === 'c');
}

const WARM_UP = { streams: 50, appends: 10 * CALLERS };

const BASELINE_STREAMS = 1_000;

/**
 * Gives the fresh database a small, analysed history before any case, as a store in use has.
 * Without it the first VACUUM ANALYZE sees a one-page streams table, the planner then checks the
 * events -> streams foreign key by sequential scan, that plan stays cached in the session, and the
 * first case slows down with every stream it adds (measured: 5 -> 15 ms per 100-event batch).
 */
async function seedBaseline(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO streams (stream_id, stream_type, version)
       SELECT 'baseline-' || i, '${STREAM_TYPE}', 1 FROM generate_series(1, ${BASELINE_STREAMS}) AS i;
     INSERT INTO events (stream_id, stream_version, type, data, metadata)
       SELECT 'baseline-' || i, 1, 'BenchBaseline', '{}', '{}' FROM generate_series(1, ${BASELINE_STREAMS}) AS i`,
  );
}

/** Leaves the tables as the next case should find them: vacuumed, analysed, checkpointed. */
async function settle(ds: DataSource, engine: Engine): Promise<void> {
  await ds.query('VACUUM ANALYZE streams, events, bench_counts');
  if (engine === 'postgres') {
    // Needs superuser or pg_checkpoint; without it the next case may meet a checkpoint.
    await ds.query('CHECKPOINT').catch(() => undefined);
  }
}

/** Checks that a case wrote what it should have, outside the timing. */
async function verify(ds: DataSource, prefix: string, w: Workload, projection: boolean): Promise<void> {
  const pattern = `${prefix}-%`;
  const [ev] = await ds.query('SELECT count(*)::int AS n FROM events WHERE stream_id LIKE $1', [pattern]);
  if (Number(ev.n) !== w.events) throw new Error(`${prefix}: ${ev.n} events recorded, expected ${w.events}`);
  const [pc] = await ds.query(
    'SELECT coalesce(sum(n), 0)::int AS n FROM bench_counts WHERE stream_id LIKE $1',
    [pattern],
  );
  const expected = projection ? w.events : 0;
  if (Number(pc.n) !== expected)
    throw new Error(`${prefix}: projection counted ${pc.n}, expected ${expected}`);
}

async function benchEngine(db: BenchDatabase, size: { streams: number; appends: number }): Promise<Result[]> {
  const ds = db.dataSource;
  await ds.query(BENCH_COUNTS_DDL);
  await seedBaseline(ds);
  const stores = {
    with: new EventStore(ds, [benchCounts]),
    without: new EventStore(ds, []),
  };
  const run = randomBytes(3).toString('hex');
  const results: Result[] = [];
  for (const spec of CASES) {
    for (const projection of [false, true]) {
      const store = projection ? stores.with : stores.without;
      const tag = `${run}-${spec.id}-${projection ? 'p' : 'n'}`;
      await settle(ds, db.engine);
      await workload(spec.id, WARM_UP).run(store, `warm-${tag}`);
      const w = workload(spec.id, size);
      const started = performance.now();
      await w.run(store, `bench-${tag}`);
      const elapsed = (performance.now() - started) / 1000;
      await verify(ds, `bench-${tag}`, w, projection);
      const result: Result = {
        engine: db.engine,
        spec,
        projection,
        events: w.events,
        appends: w.appends,
        seconds: elapsed,
      };
      results.push(result);
      console.log(
        `  ${db.engine.padEnd(8)} ${spec.label.padEnd(34)} projection ${projection ? 'yes' : 'no '}  ` +
          `${int(w.events).padStart(7)} events in ${seconds(elapsed).padStart(6)} s = ${int(w.events / elapsed).padStart(7)} events/s`,
      );
    }
  }
  return results;
}

/**
 * What one sequential transaction costs on this engine right now, whatever the event store does:
 * BEGIN, a one-row INSERT, COMMIT (so mostly the round trips and the WAL flush). On a shared
 * machine the disk's flush time varies a lot, and (b) can never be faster than this.
 */
async function commitFloor(ds: DataSource): Promise<number> {
  await ds.query('CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, v int NOT NULL)');
  const insert = (i: number) =>
    ds.transaction((tx) => tx.query('INSERT INTO bench_floor (v) VALUES ($1)', [i]));
  for (let i = 0; i < 100; i++) await insert(i);
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) await insert(n++);
  return n / ((performance.now() - started) / 1000);
}

async function describeEngine(db: BenchDatabase): Promise<string> {
  const [v] = await db.dataSource.query(
    `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync,
            current_setting('fsync') AS fsync`,
  );
  const pool = db.dataSource.options.poolSize;
  return `${db.engine}: PostgreSQL ${v.version} (fsync=${v.fsync}, synchronous_commit=${v.sync}), TypeORM pool ${pool}, ${db.where}`;
}

function report(results: readonly Result[]): string {
  const header = [
    'engine',
    'case',
    'projection',
    'events',
    'seconds',
    'events/s',
    'target (PostgreSQL)',
    'vs target',
  ];
  const rows = results.map((r) => {
    const rate = r.events / r.seconds;
    const onPostgres = r.engine === 'postgres';
    return [
      r.engine,
      r.spec.label,
      r.projection ? 'yes' : 'no',
      int(r.events),
      seconds(r.seconds),
      int(rate),
      onPostgres ? `>= ${int(r.spec.target)}` : '-',
      onPostgres
        ? `${rate >= r.spec.target ? 'met' : 'MISSED'} (${Math.round((100 * rate) / r.spec.target)}%)`
        : '-',
    ];
  });
  return formatTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'left', 'left']);
}

/** Other work on the machine skews every number here: say how busy it was. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const s = scale();
  const size = {
    streams: Math.max(1, Math.round(2_000 * s)),
    appends: Math.max(CALLERS, Math.round(5_000 * s)),
  };
  const engines = selectedEngines();
  const serverUrl = postgresServerUrl();

  const toRun = engines.filter((e) => e !== 'postgres' || serverUrl);
  if (engines.includes('postgres') && !serverUrl) {
    console.log(
      'PostgreSQL part SKIPPED: neither BENCH_DATABASE_URL nor DATABASE_URL is set. To run it:\n' +
        '  BENCH_DATABASE_URL=postgres://user:password@host:5432/postgres npm run bench:append\n' +
        '  (the user must be allowed to CREATE DATABASE; the bench creates and drops lec_bench_<random>)',
    );
  }
  if (toRun.length === 0)
    throw new Error('no engine to bench (BENCH_ENGINES selects only PostgreSQL, which is not configured)');

  console.log(
    `Event store append bench: scale ${s}, (a) ${int(size.streams)} streams x ${BATCH_SIZE} events, ` +
      `(b)/(c) ${int(size.appends)} single-event appends over ${CALLERS} streams; ` +
      `node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()}`,
  );

  const results: Result[] = [];
  for (const engine of toRun) {
    const db = engine === 'postgres' ? await openBenchPostgres(serverUrl as string) : await openBenchPGlite();
    try {
      console.log(await describeEngine(db));
      console.log(
        `  commit floor (BEGIN; one-row INSERT; COMMIT, in sequence): ${int(await commitFloor(db.dataSource))} tx/s`,
      );
      results.push(...(await benchEngine(db, size)));
    } finally {
      await db.close();
    }
  }

  console.log('');
  console.log(report(results));
  console.log('');
  console.log(
    "Targets apply to PostgreSQL. For comparison, Emmett's PostgreSQL event store on this 2-core machine: " +
      CASES.map((c) => `${c.id} ~${int(c.emmett)}/s`).join(', ') +
      '.',
  );
  console.log(
    `Whole bench: ${seconds((performance.now() - startedAt) / 1000)} s; load average at the end ${loadAverage()}.`,
  );
}

main().catch((e: unknown) => {
  console.error('bench:append failed:', e);
  process.exitCode = 1;
});
