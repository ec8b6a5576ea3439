import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { systemMetadata } from '../src/event-store/event';
import { EventStore } from '../src/event-store/event-store.service';
import { createAuthenticator } from '../src/modules/accounts/authenticate';
import type { Viewer } from '../src/modules/access/viewer';
import { confirmDataset } from '../src/modules/confirmation/confirm-dataset';
import type { Dataset } from '../src/modules/chain/dataset';
import { confirmNational } from '../src/modules/demo/confirm-national';
import { laoUnits } from '../src/modules/demo/national-dataset';
import { describeSizes, nationalOptions } from '../src/modules/demo/national-options';
import { seedNational } from '../src/modules/demo/seed-national';
import { bootstrapOrgUnits } from '../src/modules/org-units/bootstrap-org-units';
import { provinces } from '../src/modules/chain/provinces';
import { projections } from '../src/composition/projections';
import { roundsDecider } from '../src/modules/rounds/round.decider';
import { ROUNDS_STREAM } from '../src/modules/rounds/round.events';
import { createLogger } from '../src/shared/logger';
import {
  openBenchPGlite,
  openBenchPostgres,
  postgresServerUrl,
  type BenchDatabase,
  type Engine,
} from './support/databases';
import { formatTable, int, seconds } from './support/table';

/**
 * `npm run bench:open-data [-- --scale 0.2 | --full …]`: seeds a synthetic country (seed:national),
 * confirms it at every level (institutions, LAOs, provinces), closes the round (which builds the
 * release: suppression included, timed), then times the public routes over HTTP on a live app:
 * `/open-data/counts.json` and `.csv` (full body, and 304 with the ETag) and `publicCounts` of the
 * country and of a province. Each request also counts against the rate limit in the database.
 * Environment as bench:figures (BENCH_DATABASE_URL / DATABASE_URL, BENCH_ENGINES, BENCH_ITERATIONS).
 * Target: p95 < 20 ms.
 */

const TARGET_MS = 20;

function actor(code: string, kind: 'LAO' | 'PROVINCE', provinceCode: string | null): Viewer {
  return {
    accountId: `bench-${code}`,
    username: code,
    sessionId: 'bench',
    orgUnit: { code, kind, provinceCode, laoCode: kind === 'LAO' ? code : null },
    profileId: null,
    mustCompleteFirstLogin: false,
  };
}

async function confirmAbove(
  store: EventStore,
  laoCodes: { code: string; province: string }[],
): Promise<number> {
  let n = 0;
  const tryConfirm = async (v: Viewer, dataset: Dataset) => {
    try {
      await confirmDataset(store, v, v.orgUnit.code, dataset, {
        ...systemMetadata('bench'),
        accountId: v.accountId,
        orgUnitCode: v.orgUnit.code,
      });
      n++;
    } catch {
      // A dataset the unit does not hold, or already confirmed.
    }
  };
  for (const l of laoCodes)
    for (const d of ['PUPILS', 'CHILDREN', 'CDC_BASIC_DATA'] as const)
      await tryConfirm(actor(l.code, 'LAO', l.province), d);
  for (const p of provinces)
    for (const d of ['PUPILS', 'CHILDREN', 'CDC_BASIC_DATA', 'OTHER_SCHOOL_COUNTS'] as const)
      await tryConfirm(actor(p.code, 'PROVINCE', p.code), d);
  return n;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Line {
  engine: Engine;
  target: string;
  size: string;
  p50: number;
  p95: number;
}

async function benchEngine(db: BenchDatabase, iterations: number): Promise<Line[]> {
  const ds = db.dataSource;
  const store = new EventStore(ds, projections);
  await bootstrapOrgUnits(store);
  const { sizes, seed } = nationalOptions(process.argv.slice(2), process.env);
  const log = (l: string) => console.log(`  [${db.engine}]${l}`);
  await seedNational(store, sizes, { seed, log });
  const { roundId } = await confirmNational(store, sizes, log);
  const laos = laoUnits(sizes).map((u) => ({ code: u.code, province: u.parentCode! }));
  let at = performance.now();
  const above = await confirmAbove(store, laos);
  log(` ${int(above)} LAO and province confirmations in ${seconds((performance.now() - at) / 1000)} s`);
  at = performance.now();
  await store.transaction((tx) =>
    store.decide(tx, ROUNDS_STREAM, roundsDecider, { type: 'CloseRound', roundId }, systemMetadata('bench')),
  );
  const buildSeconds = (performance.now() - at) / 1000;
  const [release] = await ds.query(
    `SELECT unit_count, length(units) AS bytes FROM open_data_releases WHERE round_id = $1`,
    [roundId],
  );
  log(` closeRound with the release built: ${seconds(buildSeconds)} s, ${int(release.unit_count)} units`);
  await ds.query('VACUUM ANALYZE');

  const { app, apollo } = await createApp({
    dataSource: ds,
    store,
    logger: createLogger('silent'),
    production: true,
    authenticate: createAuthenticator(ds),
    openDataRateLimit: { limit: 1_000_000, windowSeconds: 60 },
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gql = (query: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }).then((r) => r.text());
  const head = await fetch(`${url}/open-data/counts.json`);
  const jsonBytes = (await head.arrayBuffer()).byteLength;
  const etag = head.headers.get('etag')!;
  const csvHead = await fetch(`${url}/open-data/counts.csv`);
  const csvBytes = (await csvHead.arrayBuffer()).byteLength;
  const province = laos[0].province;
  const cell = '{ shown }';
  // As the public page asks: the unit by grade and sex, the units under it by their totals.
  const unitFields = `code name total ${cell} grades { grade male ${cell} female ${cell} total ${cell} }`;
  const childFields = `code name male ${cell} female ${cell} total ${cell}`;
  const targets: { target: string; size: string; run: () => Promise<unknown> }[] = [
    {
      target: 'GET counts.json',
      size: `${int(jsonBytes)} bytes`,
      run: () => fetch(`${url}/open-data/counts.json`).then((r) => r.arrayBuffer()),
    },
    {
      target: 'GET counts.json, If-None-Match (304)',
      size: '',
      run: () =>
        fetch(`${url}/open-data/counts.json`, { headers: { 'if-none-match': etag } }).then((r) =>
          r.arrayBuffer(),
        ),
    },
    {
      target: 'GET counts.csv',
      size: `${int(csvBytes)} bytes`,
      run: () => fetch(`${url}/open-data/counts.csv`).then((r) => r.arrayBuffer()),
    },
    {
      target: 'publicCounts country + provinces',
      size: '',
      run: () => gql(`{ publicCounts { round { id } unit { ${unitFields} } children { ${childFields} } } }`),
    },
    {
      target: `publicCounts province ${province} + districts`,
      size: '',
      run: () =>
        gql(
          `{ publicCounts(orgUnitCode: "${province}") { round { id } unit { ${unitFields} } children { ${childFields} } } }`,
        ),
    },
  ];
  const lines: Line[] = [
    {
      engine: db.engine,
      target: 'closeRound + release build (once)',
      size: `${int(release.unit_count)} units`,
      p50: buildSeconds * 1000,
      p95: buildSeconds * 1000,
    },
  ];
  try {
    for (const t of targets) {
      for (let i = 0; i < 10; i++) await t.run();
      const ms: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const s = performance.now();
        await t.run();
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      const line = {
        engine: db.engine,
        target: t.target,
        size: t.size,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
      };
      log(` ${t.target}: p50 ${line.p50.toFixed(2)} ms, p95 ${line.p95.toFixed(2)} ms`);
      lines.push(line);
    }
  } finally {
    await new Promise((r) => server.close(r));
    await apollo.stop();
  }
  return lines;
}

async function main(): Promise<void> {
  const { sizes } = nationalOptions(process.argv.slice(2), process.env);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const serverUrl = postgresServerUrl();
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter((e): e is Engine => (e === 'pglite' || e === 'postgres') && (e !== 'postgres' || !!serverUrl));
  if (!serverUrl) console.log('PostgreSQL part SKIPPED: set BENCH_DATABASE_URL or DATABASE_URL.');
  console.log(
    `Open data bench: ${describeSizes(sizes)}; ${iterations} timed requests per target; node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const all: Line[] = [];
  for (const engine of engines) {
    const db = engine === 'postgres' ? await openBenchPostgres(serverUrl!) : await openBenchPGlite();
    try {
      all.push(...(await benchEngine(db, iterations)));
    } finally {
      await db.close();
    }
  }
  console.log('');
  console.log(
    formatTable(
      ['engine', 'request', 'size', 'p50 ms', 'p95 ms', `target p95 < ${TARGET_MS} ms`],
      all.map((l) => [
        l.engine,
        l.target,
        l.size,
        l.p50.toFixed(2),
        l.p95.toFixed(2),
        l.target.startsWith('closeRound') ? '' : l.p95 < TARGET_MS ? 'met' : 'MISSED',
      ]),
      ['left', 'left', 'left', 'right', 'right', 'left'],
    ),
  );
}

main().catch((e: unknown) => {
  console.error('bench:open-data failed:', e);
  process.exitCode = 1;
});
