import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Imports1763780000005 } from '../migrations/1763780000005-imports';
import { systemMetadata, type EventMetadata } from '../src/event-store/event';
import { EventStore } from '../src/event-store/event-store.service';
import type { Projection } from '../src/event-store/projection';
import type { Viewer } from '../src/modules/access/viewer';
import { commitImport, COMMIT_BATCH } from '../src/modules/imports/commit-import';
import type { Timings } from '../src/modules/imports/phase-timer';
import { previewImport } from '../src/modules/imports/preview-import';
import { bootstrapOrgUnits } from '../src/modules/org-units/bootstrap-org-units';
import { registerOrgUnit } from '../src/modules/org-units/register-org-unit';
import { projections } from '../src/composition/projections';
import { institutionStreamId } from '../src/modules/pupils/pupil.events';
import {
  openBenchPGlite,
  openBenchPostgres,
  postgresServerUrl,
  type BenchDatabase,
  type Engine,
} from './support/databases';
import { pupilSheet } from './support/pupil-sheet';
import { setBasedEnrolments } from './support/set-based-enrolments';
import { formatTable, int, seconds } from './support/table';

/**
 * `npm run bench:import`: a school imports a 100,000-row pupil sheet (.xlsx, LEC's columns, every
 * row valid) through the real paths: previewImport (read with exceljs's streaming reader, every
 * row through the pupil rules, one duplicate query, the preview stored) and commitImport (one
 * transaction: duplicate re-check, PupilEnrolled appended in batches, the pupils projection inline).
 *
 * Each engine runs twice, on a fresh database each time: with the pupils projection as it is, and
 * with the set-based insert of bench/support/set-based-enrolments.ts in its place (a measurement of
 * what the pupils module would gain; the app does not use it).
 *
 * Environment: BENCH_DATABASE_URL or DATABASE_URL (PostgreSQL; a fresh database is created and
 * dropped), BENCH_ENGINES=pglite,postgres, BENCH_ROWS=100000, BENCH_BATCH=2000 (events per append),
 * BENCH_PROPOSED=0 to skip the second run.
 */

type Variant = 'as is' | 'set-based insert';

/** Issue 13: a 100,000-row sheet at 20,000 rows/s end to end (preview + commit) on PostgreSQL. */
const TARGET = 20_000;

interface Result {
  engine: Engine;
  variant: Variant;
  rows: number;
  preview: number;
  commit: number;
  phases: Timings;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

function selectedEngines(): Engine[] {
  const names = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim().toLowerCase());
  for (const n of names)
    if (n !== 'pglite' && n !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${n}"`);
  return [...new Set(names)] as Engine[];
}

/** Each projection's apply timed, so the report can tell the read model's share of the commit. */
function timed(list: readonly Projection[], into: Timings, variant: Variant): Projection[] {
  return list
    .map((p) => (variant === 'set-based insert' && p.name === 'pupils' ? setBasedEnrolments(p) : p))
    .map((p) => ({
      ...p,
      async apply(tx, events) {
        const started = performance.now();
        await p.apply(tx, events);
        into[`projection ${p.name}`] = Math.round(
          (into[`projection ${p.name}`] ?? 0) + performance.now() - started,
        );
      },
    }));
}

async function schoolOf(store: EventStore): Promise<{ code: string; viewer: Viewer }> {
  const meta = systemMetadata('bench');
  const lao = await registerOrgUnit(
    store,
    {
      code: '5401001',
      kind: 'LAO',
      parentCode: '54',
      name: 'เทศบาลเมืองทดสอบ',
      laoType: 'TOWN_MUNICIPALITY',
      district: 'เมือง',
    },
    meta,
  );
  const school = await registerOrgUnit(
    store,
    { code: '1054010001', kind: 'SCHOOL', parentCode: lao.code, name: 'โรงเรียนเทศบาลทดสอบ' },
    meta,
  );
  return {
    code: school.code,
    viewer: {
      accountId: randomUUID(),
      username: school.code,
      sessionId: 'bench',
      orgUnit: { code: school.code, kind: 'SCHOOL', provinceCode: '54', laoCode: lao.code },
      profileId: null,
      mustCompleteFirstLogin: false,
    },
  };
}

async function verify(ds: DataSource, code: string, rows: number): Promise<void> {
  const [p] = await ds.query(
    `SELECT count(*)::int AS n FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE'`,
    [code],
  );
  const [e] = await ds.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [
    institutionStreamId(code),
  ]);
  if (Number(p.n) !== rows || Number(e.n) !== rows)
    throw new Error(`${code}: ${p.n} pupils and ${e.n} events, expected ${rows} of each`);
}

async function benchEngine(
  db: BenchDatabase,
  variant: Variant,
  file: Buffer,
  rows: number,
  batchSize: number,
): Promise<Result> {
  const ds = db.dataSource;
  const runner = ds.createQueryRunner();
  if (!(await runner.hasTable('imports'))) await new Imports1763780000005().up(runner);
  await runner.release();
  const phases: Timings = {};
  const store = new EventStore(ds, timed(projections, phases, variant));
  await bootstrapOrgUnits(store);
  const { code, viewer } = await schoolOf(store);
  for (const k of Object.keys(phases)) delete phases[k];
  await ds.query('VACUUM ANALYZE');

  let started = performance.now();
  const view = await previewImport(
    store,
    viewer,
    { code, name: 'bench', kind: 'SCHOOL' },
    { fileName: 'bench.xlsx', bytes: file },
    'bench',
    phases,
  );
  const preview = (performance.now() - started) / 1000;
  if (view.validRows !== rows || view.errorRowCount !== 0)
    throw new Error(
      `preview: ${view.validRows} valid, ${view.errorRowCount} errors: ${JSON.stringify(view.errorRows.slice(0, 3))}`,
    );
  const metadata: EventMetadata = {
    ...systemMetadata('bench'),
    accountId: viewer.accountId,
    orgUnitCode: code,
  };
  const commitPhases: Timings = {};
  started = performance.now();
  const { committed } = await commitImport(store, viewer, view.importId, metadata, {
    batchSize,
    timings: commitPhases,
  });
  const commit = (performance.now() - started) / 1000;
  if (committed !== rows) throw new Error(`committed ${committed}, expected ${rows}`);
  await verify(ds, code, rows);
  for (const [k, v] of Object.entries(commitPhases)) phases[`commit ${k}`] = v;
  return { engine: db.engine, variant, rows, preview, commit, phases };
}

function report(results: readonly Result[]): string {
  const rate = (n: number, s: number) => int(n / s);
  const rows = results.map((r) => {
    const total = r.preview + r.commit;
    const met = r.engine === 'postgres' ? (r.rows / total >= TARGET ? 'met' : 'MISSED') : '-';
    return [
      r.engine,
      r.variant,
      int(r.rows),
      seconds(r.preview),
      rate(r.rows, r.preview),
      seconds(r.commit),
      rate(r.rows, r.commit),
      seconds(total),
      rate(r.rows, total),
      r.engine === 'postgres' ? `>= ${int(TARGET)} (${met})` : '-',
    ];
  });
  const header = [
    'engine',
    'pupils projection',
    'rows',
    'preview s',
    'rows/s',
    'commit s',
    'rows/s',
    'total s',
    'rows/s',
    'target (PostgreSQL)',
  ];
  return formatTable(header, rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'left',
  ]);
}

async function main(): Promise<void> {
  const rows = positive('BENCH_ROWS', 100_000);
  const batchSize = positive('BENCH_BATCH', COMMIT_BATCH);
  const serverUrl = postgresServerUrl();
  const engines = selectedEngines().filter((e) => e !== 'postgres' || serverUrl);
  if (!serverUrl)
    console.log(
      'PostgreSQL part SKIPPED: set BENCH_DATABASE_URL or DATABASE_URL (a user that may CREATE DATABASE).',
    );
  console.log(
    `Import bench: ${int(rows)} rows, commit batches of ${int(batchSize)}; node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const started = performance.now();
  const file = await pupilSheet(rows, randomInt(10 ** 9));
  console.log(
    `  sheet written with exceljs's streaming writer: ${(file.length / 1024 / 1024).toFixed(1)} MB in ${seconds((performance.now() - started) / 1000)} s (not timed below)`,
  );
  const variants: Variant[] = process.env.BENCH_PROPOSED === '0' ? ['as is'] : ['as is', 'set-based insert'];
  const results: Result[] = [];
  for (const engine of engines)
    for (const variant of variants) {
      const db = engine === 'postgres' ? await openBenchPostgres(serverUrl!) : await openBenchPGlite();
      try {
        const r = await benchEngine(db, variant, file, rows, batchSize);
        results.push(r);
        console.log(
          `  ${engine.padEnd(8)} ${variant.padEnd(16)} preview ${seconds(r.preview)} s, commit ${seconds(r.commit)} s ` +
            `(1-min load average ${os.loadavg()[0].toFixed(2)}); phases (ms): ` +
            Object.entries(r.phases)
              .map(([k, v]) => `${k} ${int(v)}`)
              .join(', '),
        );
      } finally {
        await db.close();
      }
    }
  console.log('');
  console.log(report(results));
  console.log('');
  console.log(
    'preview = read + validate + duplicate query + store the preview; commit = one transaction of ' +
      `${Math.ceil(rows / batchSize)} appends with the pupils projection inline. Target: ${int(TARGET)} rows/s in total on PostgreSQL.`,
  );
  console.log(
    `Whole bench: ${seconds((performance.now() - started) / 1000)} s; max RSS ${int(process.resourceUsage().maxRSS / 1024)} MB; ` +
      `load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}.`,
  );
}

main().catch((e: unknown) => {
  console.error('bench:import failed:', e);
  process.exitCode = 1;
});
