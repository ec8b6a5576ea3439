import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { projections } from '../src/composition/projections';
import { EventStore } from '../src/event-store/event-store.service';
import type { Projection } from '../src/event-store/projection';
import { rebuildProjections } from '../src/event-store/rebuild';
import { confirmNational } from '../src/modules/demo/confirm-national';
import { nationalSizes } from '../src/modules/demo/national-dataset';
import { describeSizes } from '../src/modules/demo/national-options';
import { seedNational } from '../src/modules/demo/seed-national';
import { bootstrapOrgUnits } from '../src/modules/org-units/bootstrap-org-units';
import {
  openBenchPGlite,
  openBenchPostgres,
  postgresServerUrl,
  type BenchDatabase,
  type Engine,
} from './support/databases';
import { formatTable, int, seconds } from './support/table';

/**
 * `npm run bench:rebuild`: `rebuildProjections` (what `npm run projections:rebuild` runs) over a
 * synthetic country seeded through the real commands (`seedNational`: org units by their decider,
 * every institution's pupils decided and appended in one batch, funded schools' counts; with
 * BENCH_CONFIRM=1 every institution and LAO then confirms in an open round), on PostgreSQL and on
 * PGlite. Prints events/s wall, the CPU of the PostgreSQL backends (same host: /proc/<pid>/schedstat)
 * and of this process (for PGlite: the database itself), and checks that the rebuilt read models
 * equal the live ones (count + digest of every row of every projection table).
 *
 * Environment: BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server; a fresh database is created
 * and dropped), BENCH_ENGINES=pglite,postgres, BENCH_SCALE=0.1 (of the country: ~150,000 events),
 * BENCH_CONFIRM=0.
 */

/** Issue 13: 5 million events in under 3 minutes. */
const TARGET = 30_000;

interface Result {
  engine: Engine;
  events: number;
  seed: number;
  rebuild: number;
  pgCpu: number | null;
  nodeCpu: number;
}

function scale(): number {
  const raw = process.env.BENCH_SCALE;
  if (!raw) return 0.1;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0) throw new Error(`BENCH_SCALE must be a positive number, not "${raw}"`);
  return s;
}

function selectedEngines(): Engine[] {
  const names = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const n of names)
    if (n !== 'pglite' && n !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${n}"`);
  return [...new Set(names)] as Engine[];
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** On-CPU ms of every backend of this database (same host only); null when they cannot be read. */
async function backendCpuMs(ds: DataSource, engine: Engine): Promise<number | null> {
  if (engine !== 'postgres') return null;
  const rows: { pid: number }[] = await ds.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  let ns = 0;
  for (const { pid } of rows) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return null;
    }
  }
  return ns / 1e6;
}

/** Each projection's replay timed (batches and finish), so the report can tell where the time went. */
function timed(list: readonly Projection[], into: Record<string, number>): Projection[] {
  const time =
    <A extends unknown[]>(name: string, f: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      const started = performance.now();
      await f(...a);
      into[name] = (into[name] ?? 0) + performance.now() - started;
    };
  return list.map((p) => ({
    ...p,
    apply: time(p.name, (tx, events) => p.apply(tx, events)),
    replay: p.replay && {
      ...p.replay,
      apply: p.replay.apply && time(p.name, p.replay.apply.bind(p.replay)),
      finish: p.replay.finish && time(`${p.name} (finish)`, p.replay.finish.bind(p.replay)),
    },
  }));
}

/** Count and digest of every projection table, to compare the rebuilt read models with the live ones. */
async function fingerprint(ds: DataSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of projections.flatMap((p) => p.tables)) {
    const [r]: { n: number; h: string | null }[] = await ds.query(
      `SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS h FROM "${table}" t`,
    );
    out[table] = `${r.n}:${r.h ?? ''}`;
  }
  return out;
}

async function benchEngine(db: BenchDatabase, s: number, confirm: boolean): Promise<Result> {
  const ds = db.dataSource;
  const store = new EventStore(ds, projections);
  await bootstrapOrgUnits(store);
  const sizes = nationalSizes(s);
  const seedStarted = performance.now();
  await seedNational(store, sizes, { seed: 2568 });
  if (confirm) await confirmNational(store, sizes, () => {});
  const seed = (performance.now() - seedStarted) / 1000;
  const [{ n }]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM events`);
  await ds.query('VACUUM ANALYZE');
  if (db.engine === 'postgres') await ds.query('CHECKPOINT').catch(() => undefined);
  const live = await fingerprint(ds);
  console.log(
    `  ${db.engine}: seeded ${int(n)} events in ${seconds(seed)} s (load average ${loadAverage()}); rebuilding`,
  );

  const phases: Record<string, number> = {};
  const timedStore = new EventStore(ds, timed(projections, phases));
  const pgBefore = await backendCpuMs(ds, db.engine);
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  const { events } = await rebuildProjections(timedStore, {
    onProgress: (p) =>
      console.log(
        `    ${int(p.done)}/${int(p.total)} events, ${int(p.done / p.seconds)} events/s (load average ${loadAverage()})`,
      ),
  });
  const rebuild = (performance.now() - started) / 1000;
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = await backendCpuMs(ds, db.engine);
  if (events !== n) throw new Error(`rebuild replayed ${events} events, the log holds ${n}`);

  const inProjections = Object.values(phases).reduce((a, b) => a + b, 0);
  console.log(
    `  ${db.engine}: rebuilt in ${seconds(rebuild)} s; projections (ms): ` +
      Object.entries(phases)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', ') +
      `; reading the log and the rest ${int(rebuild * 1000 - inProjections)}`,
  );
  const rebuilt = await fingerprint(ds);
  const differ = Object.keys(live).filter((t) => live[t] !== rebuilt[t]);
  if (differ.length) throw new Error(`rebuilt read models differ from the live ones: ${differ.join(', ')}`);
  return {
    engine: db.engine,
    events: n,
    seed,
    rebuild,
    pgCpu: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore,
    nodeCpu: (node.user + node.system) / 1000,
  };
}

function report(results: readonly Result[]): string {
  const header = [
    'engine',
    'events',
    'rebuild s',
    'events/s',
    'PostgreSQL CPU s',
    'node CPU s',
    'µs CPU/event',
    'target',
  ];
  const rows = results.map((r) => {
    const rate = r.events / r.rebuild;
    const cpu = (r.pgCpu ?? 0) + r.nodeCpu;
    return [
      r.engine,
      int(r.events),
      seconds(r.rebuild),
      int(rate),
      r.pgCpu === null ? '-' : seconds(r.pgCpu / 1000),
      seconds(r.nodeCpu / 1000),
      int((1000 * cpu) / r.events),
      `>= ${int(TARGET)} (${rate >= TARGET ? 'met' : 'MISSED'}, ${Math.round((100 * rate) / TARGET)}%)`,
    ];
  });
  return formatTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']);
}

async function main(): Promise<void> {
  const s = scale();
  const confirm = ['1', 'true', 'yes'].includes((process.env.BENCH_CONFIRM ?? '').toLowerCase());
  const serverUrl = postgresServerUrl();
  const engines = selectedEngines().filter((e) => e !== 'postgres' || serverUrl);
  if (!serverUrl)
    console.log(
      'PostgreSQL part SKIPPED: set BENCH_DATABASE_URL or DATABASE_URL (a user that may CREATE DATABASE).',
    );
  if (engines.length === 0) throw new Error('no engine to bench');
  console.log(
    `Rebuild bench: scale ${s} (${describeSizes(nationalSizes(s))})${confirm ? ', confirmed' : ''}; ` +
      `node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()}`,
  );
  const started = performance.now();
  const results: Result[] = [];
  for (const engine of engines) {
    const db = engine === 'postgres' ? await openBenchPostgres(serverUrl!) : await openBenchPGlite();
    try {
      results.push(await benchEngine(db, s, confirm));
    } finally {
      await db.close();
    }
  }
  console.log('');
  console.log(report(results));
  console.log('');
  console.log(
    `Target: ${int(TARGET)} events/s wall (5 million events in under 3 minutes). ` +
      `Whole bench: ${seconds((performance.now() - started) / 1000)} s; load average at the end ${loadAverage()}.`,
  );
}

main().catch((e: unknown) => {
  console.error('bench:rebuild failed:', e);
  process.exitCode = 1;
});
