// Over 300 lines on purpose: one benchmark, read top to bottom (the scenario, the load generator's
// bounded loops, the report); its server half lives in support/deadline-server.ts.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { citizenIdCheckDigit } from '../src/modules/pupils/rules/citizen-id';
import { typicalAge, type SchoolGrade } from '../src/modules/pupils/rules/grades';
import { academicYearOf, beToCe, todayInBangkok } from '../src/shared/thai-calendar';
import { postgresServerUrl, type Engine } from './support/databases';
import type { BenchMessage, DeadlineTree, ServerMessage } from './support/deadline-server';
import { formatTable, int } from './support/table';

/**
 * `npm run bench:deadline`: deadline day over HTTP. The server runs in its own process on a fresh
 * database (bench/support/deadline-server.ts); this process is the load generator: 50 users work
 * through 80 schools (each: open the register, enrol 40 pupils, correct 8, remove 2 as
 * non-existent, look at the register and the status again, confirm), then every LAO looks at its
 * status and confirms, then the province. Loops are bounded (a fixed list of requests), loopback
 * only. Prints req/s, p50/p95/p99 per operation, errors, and the server's CPU ms per request
 * (process.cpuUsage of the server process over the phase).
 *
 * Environment: BENCH_ENGINES=postgres,pglite; BENCH_DATABASE_URL or DATABASE_URL (PostgreSQL);
 * BENCH_INSTITUTIONS=80, BENCH_PUPILS=40, BENCH_USERS=50; BENCH_CPU_PROF=dir runs the server
 * under `node --cpu-prof` and writes its profile there.
 */

const INSTITUTIONS = positive('BENCH_INSTITUTIONS', 80);
const PUPILS = positive('BENCH_PUPILS', 40);
const USERS = positive('BENCH_USERS', 50);
const CORRECTIONS = Math.max(1, Math.round(PUPILS / 5));
const REMOVALS = Math.max(1, Math.round(PUPILS / 20));

const TARGETS: Record<Engine, { p95: number; writesPerSecond: number | null }> = {
  postgres: { p95: 100, writesPerSecond: 500 },
  pglite: { p95: 300, writesPerSecond: null },
};

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

function selectedEngines(): Engine[] {
  const names = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim());
  for (const n of names)
    if (n !== 'pglite' && n !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${n}"`);
  return [...new Set(names)] as Engine[];
}

// The client's documents (client/src/graphql/), as the web client sends them.
const PUPIL_FIELDS = `id citizenId prefix firstName lastName grade sex birthDate nationality religion queryNote`;
const Q = {
  pupils: `query Pupils($institutionCode: String!, $first: Int!) { pupils(institutionCode: $institutionCode, first: $first) { totalCount nodes { ${PUPIL_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
  enrolPupil: `mutation EnrolPupil($institutionCode: String!, $input: PupilInput!) { enrolPupil(institutionCode: $institutionCode, input: $input) { ${PUPIL_FIELDS} } }`,
  correctPupil: `mutation CorrectPupil($pupilId: ID!, $input: PupilPatch!) { correctPupil(pupilId: $pupilId, input: $input) { ${PUPIL_FIELDS} } }`,
  removePupilAsNonExistent: `mutation RemovePupilAsNonExistent($pupilId: ID!, $reason: NonExistenceReason!, $note: String) { removePupilAsNonExistent(pupilId: $pupilId, reason: $reason, note: $note) { reason } }`,
  confirmationStatus: `query ConfirmationStatus($orgUnitCode: String!) { confirmationStatus(orgUnitCode: $orgUnitCode) {
    round { id academicYear roundNo snapshotDate status } orgUnit { code name kind }
    datasets { dataset confirmed ready late deadline total missing { code name kind } }
    children { orgUnit { code name kind } datasets { dataset confirmed ready late deadline total missing { code name kind } } } } }`,
  confirm: `mutation Confirm($orgUnitCode: String!, $dataset: Dataset!) { confirm(orgUnitCode: $orgUnitCode, dataset: $dataset) {
    id roundId action dataset total late reason at counts { grade sex count } orgUnit { code name kind } by { username } } }`,
} as const;
type Operation = keyof typeof Q;
const WRITES: readonly Operation[] = ['enrolPupil', 'correctPupil', 'removePupilAsNonExistent', 'confirm'];

interface Sample {
  op: Operation;
  ms: number;
  error: string | null;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: USERS + 5 });

/** One GraphQL POST over a kept-alive loopback connection; errors are recorded, never thrown. */
/** What the bench reads of an answer: the new pupil's id. */
type Answer = { enrolPupil?: { id: string } } | null;

function post(url: URL, token: string, op: Operation, variables: object, into: Sample[]): Promise<Answer> {
  const body = JSON.stringify({ operationName: op[0].toUpperCase() + op.slice(1), query: Q[op], variables });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          let parsed: { data?: Answer; errors?: { extensions?: { code?: string } }[] };
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = { errors: [{ extensions: { code: `HTTP ${res.statusCode}` } }] };
          }
          const error = parsed.errors?.length ? (parsed.errors[0].extensions?.code ?? 'ERROR') : null;
          into.push({ op, ms, error });
          resolve(error ? null : (parsed.data ?? null));
        });
      },
    );
    req.on('error', (e) => {
      into.push({ op, ms: performance.now() - started, error: e.message });
      resolve(null);
    });
    req.end(body);
  });
}

const GRADES: readonly SchoolGrade[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
const FIRST = ['สมชาย', 'ธนากร', 'ภูมิ', 'กิตติ', 'ปกรณ์', 'วีระ', 'อนุชา', 'ชยพล'];
const LAST = ['ใจดี', 'ศรีสุข', 'มั่นคง', 'ทองดี', 'แก้วมณี', 'บุญมา', 'สายทอง', 'พรหมมา'];
const startYear = beToCe(academicYearOf(todayInBangkok(new Date())));

function pupilInput(institution: number, i: number) {
  const first12 = `1${String(institution * 10_000 + i).padStart(11, '0')}`;
  const grade = GRADES[i % GRADES.length];
  const sex = i % 2 ? 'FEMALE' : 'MALE';
  return {
    citizenId: first12 + citizenIdCheckDigit(first12),
    prefix: sex === 'MALE' ? 'ด.ช.' : 'ด.ญ.',
    firstName: FIRST[i % FIRST.length],
    lastName: LAST[(i * 3) % LAST.length],
    sex,
    birthDate: `${startYear - typicalAge(grade)}-0${(i % 9) + 1}-1${i % 10}`,
    nationality: 'ไทย',
    grade,
    religion: 'พุทธ',
  };
}

/** One school's deadline day, request after request as one user clicks through it. */
async function schoolDay(
  url: URL,
  school: { code: string; token: string },
  index: number,
  into: Sample[],
): Promise<void> {
  const { code, token } = school;
  await post(url, token, 'pupils', { institutionCode: code, first: 20 }, into);
  const ids: string[] = [];
  for (let i = 0; i < PUPILS; i++) {
    const d = await post(
      url,
      token,
      'enrolPupil',
      { institutionCode: code, input: pupilInput(index, i) },
      into,
    );
    if (d?.enrolPupil) ids.push(d.enrolPupil.id);
  }
  for (let i = 0; i < CORRECTIONS && i < ids.length; i++)
    await post(url, token, 'correctPupil', { pupilId: ids[i], input: { lastName: 'แก้ไขแล้ว' } }, into);
  for (let i = 0; i < REMOVALS && ids.length - 1 - i >= CORRECTIONS; i++)
    await post(
      url,
      token,
      'removePupilAsNonExistent',
      { pupilId: ids[ids.length - 1 - i], reason: 'NEVER_ATTENDED', note: null },
      into,
    );
  await post(url, token, 'pupils', { institutionCode: code, first: 20 }, into);
  await post(url, token, 'confirmationStatus', { orgUnitCode: code }, into);
  await post(url, token, 'confirm', { orgUnitCode: code, dataset: 'PUPILS' }, into);
}

async function unitConfirms(url: URL, unit: { code: string; token: string }, into: Sample[]) {
  await post(url, unit.token, 'confirmationStatus', { orgUnitCode: unit.code }, into);
  await post(url, unit.token, 'confirm', { orgUnitCode: unit.code, dataset: 'PUPILS' }, into);
}

/** `users` workers take the next job until none are left. */
async function withUsers<T>(users: number, jobs: readonly T[], work: (job: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(users, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        await work(jobs[i], i);
      }
    }),
  );
}

interface Phase {
  name: string;
  samples: Sample[];
  seconds: number;
  cpuMs: number;
  /** Statements the server sent to PostgreSQL (0 on PGlite, which is not counted). */
  statements: number;
  /** CPU of the PostgreSQL backends (null on PGlite, whose database is the server's own CPU). */
  databaseMs: number | null;
  /** CPU of this process, the load generator, which shares the machine. */
  loadMs: number;
}

class ServerProcess {
  private waiting: { resolve: (m: ServerMessage) => void; reject: (e: Error) => void }[] = [];
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ServerMessage) => this.waiting.shift()?.resolve(m));
    child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`server exited (${code})`));
    });
  }
  static async start(engine: Engine): Promise<{ server: ServerProcess; tree: DeadlineTree; where: string }> {
    const profDir = process.env.BENCH_CPU_PROF;
    const child = fork(path.join(__dirname, 'support', 'deadline-server.js'), [], {
      execArgv: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
      env: { ...process.env, BENCH_ENGINE: engine, BENCH_SERVER_URL: postgresServerUrl() ?? '' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const server = new ServerProcess(child);
    const m = await server.next();
    if (m.type !== 'ready')
      throw new Error(`server did not start: ${m.type === 'failed' ? m.error : m.type}`);
    return { server, tree: m.tree, where: m.where };
  }
  private next(): Promise<ServerMessage> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
  async usage(): Promise<{ cpuMs: number; statements: number; databaseMs: number | null }> {
    const reply = this.next();
    this.child.send({ type: 'cpu' } satisfies BenchMessage);
    const m = await reply;
    if (m.type !== 'cpu') throw new Error(`expected cpu, got ${m.type}`);
    return { cpuMs: (m.user + m.system) / 1000, statements: m.statements, databaseMs: m.databaseMs };
  }
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ type: 'stop' } satisfies BenchMessage);
    await exited;
  }
}

async function phase(
  server: ServerProcess,
  name: string,
  run: (into: Sample[]) => Promise<void>,
): Promise<Phase> {
  const samples: Sample[] = [];
  const before = await server.usage();
  const loadBefore = process.cpuUsage();
  const started = performance.now();
  await run(samples);
  const seconds = (performance.now() - started) / 1000;
  const load = process.cpuUsage(loadBefore);
  const after = await server.usage();
  return {
    name,
    samples,
    seconds,
    cpuMs: after.cpuMs - before.cpuMs,
    statements: after.statements - before.statements,
    databaseMs:
      after.databaseMs != null && before.databaseMs != null ? after.databaseMs - before.databaseMs : null,
    loadMs: (load.user + load.system) / 1000,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));

/**
 * Where a phase's CPU went, per request: the server, the PostgreSQL backends, this load generator.
 * Their sum bounds the throughput the machine can give, whatever the code waits on: on N cores at
 * most N × 1000 / (ms per request) requests a second.
 */
function cpuLine(p: Phase): string {
  const n = p.samples.length;
  const total = p.cpuMs + (p.databaseMs ?? 0) + p.loadMs;
  const cores = os.cpus().length;
  const ceiling =
    p.databaseMs != null
      ? `so ${cores} cores give at most ${int((cores * 1000 * n) / total)} req/s`
      : // The embedded database runs in the server process, mostly on its main thread (its file
        // writes and the garbage collector on others), so no ceiling is claimed for it.
        'the database inside the server process';
  return (
    `${p.name}: CPU per request: server ${ms(p.cpuMs / n)} ms` +
    (p.databaseMs != null ? `, PostgreSQL ${ms(p.databaseMs / n)} ms` : '') +
    `, load generator ${ms(p.loadMs / n)} ms; ${ms(total / n)} ms in all, ${ceiling} (measured ${int(n / p.seconds)})`
  );
}

/**
 * Users who send their next request when the last is answered wait, on average, users ÷ throughput
 * (Little's law); the p95 is above the mean, so a p95 under the target needs at least this many
 * requests a second, whatever the code does with them.
 */
function neededThroughput(targetMs: number): string {
  return `a p95 under ${targetMs} ms at ${USERS} users needs >= ${int((USERS * 1000) / targetMs)} req/s`;
}

function report(
  engine: Engine,
  where: string,
  phases: readonly Phase[],
): { lines: string[]; verdicts: string[] } {
  const rows: string[][] = [];
  for (const p of phases) {
    const ops = [...new Set(p.samples.map((s) => s.op))];
    for (const op of ops) {
      const mine = p.samples.filter((s) => s.op === op);
      const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
      const errors = mine.filter((s) => s.error);
      const codes = [...new Set(errors.map((e) => e.error))].join(',');
      rows.push([
        p.name,
        op,
        int(mine.length),
        errors.length ? `${errors.length} (${codes})` : '0',
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
      ]);
    }
    const sorted = p.samples.map((s) => s.ms).sort((a, b) => a - b);
    rows.push([
      p.name,
      `all: ${int(p.samples.length / p.seconds)} req/s, server CPU ${ms(p.cpuMs / p.samples.length)} ms/req` +
        (p.statements ? `, ${(p.statements / p.samples.length).toFixed(1)} statements/req` : ''),
      int(p.samples.length),
      String(p.samples.filter((s) => s.error).length),
      ms(percentile(sorted, 50)),
      ms(percentile(sorted, 95)),
      ms(percentile(sorted, 99)),
    ]);
  }
  const lines = [
    `\n${engine} (${where}), ${INSTITUTIONS} schools × ${PUPILS} pupils, ${USERS} users; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
    formatTable(['phase', 'operation', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
  ];
  lines.push(...phases.map(cpuLine));
  const schools = phases[0];
  const all = phases.flatMap((p) => p.samples);
  const sorted = all.map((s) => s.ms).sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const confirms = all
    .filter((s) => s.op === 'confirm')
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const writes = schools.samples.filter((s) => WRITES.includes(s.op)).length / schools.seconds;
  const enrolments = schools.samples.filter((s) => s.op === 'enrolPupil').length / schools.seconds;
  const target = TARGETS[engine];
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const verdicts = [
    `${engine}: p95 ${ms(p95)} ms (target < ${target.p95}: ${verdict(p95 < target.p95)}); confirm p95 ${ms(
      percentile(confirms, 95),
    )} ms${engine === 'postgres' ? ` (target < 100: ${verdict(percentile(confirms, 95) < 100)})` : ''}; ` +
      `writes ${int(writes)}/s, enrolments ${int(enrolments)}/s` +
      (target.writesPerSecond
        ? ` (target >= ${target.writesPerSecond} writes/s: ${verdict(writes >= target.writesPerSecond)})`
        : '') +
      `; errors ${all.filter((s) => s.error).length}; ${neededThroughput(target.p95)}, measured ${int(
        schools.samples.length / schools.seconds,
      )}; server CPU ${ms(phases.reduce((n, p) => n + p.cpuMs, 0) / all.length)} ms/req`,
  ];
  return { lines, verdicts };
}

async function benchEngine(engine: Engine) {
  const { server, tree, where } = await ServerProcess.start(engine);
  try {
    const url = new URL('/graphql', tree.url);
    const schools = tree.laos.flatMap((l) => l.institutions);
    // Warm-up outside the measurement: one request of each read, so the first-call costs are paid.
    await post(url, schools[0].token, 'pupils', { institutionCode: schools[0].code, first: 20 }, []);
    await post(url, tree.province.token, 'confirmationStatus', { orgUnitCode: tree.province.code }, []);
    const phases = [
      await phase(server, 'schools', (into) =>
        withUsers(USERS, schools, (s, i) => schoolDay(url, s, i, into)),
      ),
      await phase(server, 'LAOs', (into) => withUsers(USERS, tree.laos, (l) => unitConfirms(url, l, into))),
      await phase(server, 'province', (into) => unitConfirms(url, tree.province, into)),
    ];
    return report(engine, where, phases);
  } finally {
    await server.stop();
  }
}

async function main() {
  const engines = selectedEngines();
  if (engines.includes('postgres') && !postgresServerUrl())
    throw new Error('BENCH_DATABASE_URL or DATABASE_URL is needed for PostgreSQL (or BENCH_ENGINES=pglite)');
  process.stdout.write(
    `bench:deadline on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`,
  );
  const verdicts: string[] = [];
  for (const engine of engines) {
    const r = await benchEngine(engine);
    process.stdout.write(r.lines.join('\n') + '\n');
    verdicts.push(...r.verdicts);
  }
  process.stdout.write(`\n${verdicts.join('\n')}\n`);
  agent.destroy();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
