import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../../src/app';
import { systemMetadata } from '../../src/event-store/event';
import { EventStore } from '../../src/event-store/event-store.service';
import { accountDecider } from '../../src/modules/accounts/account.decider';
import { accountStreamId } from '../../src/modules/accounts/account.events';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { hashPassword } from '../../src/modules/accounts/passwords';
import { createSession } from '../../src/modules/accounts/sessions';
import { bootstrapOrgUnits } from '../../src/modules/org-units/bootstrap-org-units';
import { registerOrgUnit } from '../../src/modules/org-units/register-org-unit';
import { projections } from '../../src/composition/projections';
import { openRound } from '../../src/modules/rounds/open-round';
import { academicYearOf, todayInBangkok } from '../../src/shared/thai-calendar';
import { createLogger } from '../../src/shared/logger';
import { openBenchPGlite, openBenchPostgres, type BenchDatabase } from './databases';

/**
 * The server side of bench:deadline, in its own process so its CPU time is its own: a fresh
 * database with one province, `laos` LAOs and `institutions` schools spread over them, each unit's
 * account through its first login and a live session, an open round; then the real app on
 * loopback. It answers the bench over IPC: `{ready}` with the tokens, `cpu` with process.cpuUsage,
 * `stop` to close and drop the database.
 */

export interface DeadlineTree {
  url: string;
  province: { code: string; token: string };
  laos: { code: string; token: string; institutions: { code: string; token: string }[] }[];
}

export type ServerMessage =
  | { type: 'ready'; tree: DeadlineTree; where: string }
  | { type: 'cpu'; user: number; system: number; statements: number; databaseMs: number | null }
  | { type: 'failed'; error: string };

export type BenchMessage = { type: 'cpu' } | { type: 'stop' };

const PROFILE = { firstName: 'สมหญิง', lastName: 'ใจดี', position: 'ครู', phone: '0812345678' };

async function signedIn(store: EventStore, orgUnitCode: string, passwordHash: string): Promise<string> {
  const metadata = systemMetadata('bench');
  const accountId = randomUUID();
  await store.transaction(async (tx) => {
    const streamId = accountStreamId(orgUnitCode);
    await store.decide(
      tx,
      streamId,
      accountDecider,
      { type: 'IssueCredentials', accountId, orgUnitCode, username: orgUnitCode, passwordHash },
      metadata,
    );
    const profileId = randomUUID();
    await store.decide(
      tx,
      streamId,
      accountDecider,
      { type: 'CompleteFirstLogin', profileId, profile: PROFILE, passwordHash },
      { ...metadata, accountId, profileId },
    );
  });
  const { token } = await createSession(store.dataSource.manager, accountId, {
    ip: '127.0.0.1',
    userAgent: 'bench',
    requestId: 'bench',
  });
  return token;
}

/** ISO date `days` from today in Bangkok. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every Linux LEC runs on). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU milliseconds the PostgreSQL backends of this bench's database have used so far, read from
 * /proc when the server runs on this machine (null when it does not, or /proc is not readable). The
 * pool keeps its connections through a phase, so the difference between two readings is the
 * database's share of the phase (a backend that exits in between takes its time with it).
 */
async function databaseCpuMs(db: BenchDatabase): Promise<number | null> {
  if (db.engine !== 'postgres') return null;
  const rows: { pid: number }[] = await db.dataSource.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  let ticks = 0;
  for (const { pid } of rows) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Statements sent to PostgreSQL (each one a round trip on the wire). */
let statements = 0;
let traceOn = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  if (process.env.BENCH_TRACE && traceOn) {
    const a = args[0] as string | { text: string };
    process.stderr.write(`SQL ${(typeof a === 'string' ? a : a.text).replace(/\s+/g, ' ').slice(0, 90)}\n`);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function main(): Promise<void> {
  const engine = process.env.BENCH_ENGINE;
  const institutions = Number(process.env.BENCH_INSTITUTIONS ?? 80);
  const perLao = Number(process.env.BENCH_INSTITUTIONS_PER_LAO ?? 10);
  let db: BenchDatabase;
  if (engine === 'postgres') db = await openBenchPostgres(process.env.BENCH_SERVER_URL!);
  else db = await openBenchPGlite();
  const store = new EventStore(db.dataSource, projections);
  await bootstrapOrgUnits(store);
  const passwordHash = await hashPassword('Bench-pass-2569');
  const meta = systemMetadata('bench');
  const provinceCode = '54';
  const tree: Omit<DeadlineTree, 'url'> = {
    province: { code: provinceCode, token: await signedIn(store, provinceCode, passwordHash) },
    laos: [],
  };
  for (let l = 0; l * perLao < institutions; l++) {
    const laoCode = `54${String(l + 1).padStart(5, '0')}`;
    await registerOrgUnit(
      store,
      {
        code: laoCode,
        kind: 'LAO',
        parentCode: provinceCode,
        name: `เทศบาลตำบลทดสอบ${l + 1}`,
        laoType: 'SUBDISTRICT_MUNICIPALITY',
        district: 'เมือง',
      },
      meta,
    );
    const lao = {
      code: laoCode,
      token: await signedIn(store, laoCode, passwordHash),
      institutions: [] as DeadlineTree['province'][],
    };
    for (let i = l * perLao; i < Math.min(institutions, (l + 1) * perLao); i++) {
      const code = `10540${String(i + 1).padStart(5, '0')}`;
      await registerOrgUnit(
        store,
        { code, kind: 'SCHOOL', parentCode: laoCode, name: `โรงเรียนเทศบาลทดสอบ${i + 1}` },
        meta,
      );
      lao.institutions.push({ code, token: await signedIn(store, code, passwordHash) });
    }
    tree.laos.push(lao);
  }
  await openRound(
    store,
    {
      academicYear: academicYearOf(todayInBangkok(new Date())),
      roundNo: 1,
      snapshotDate: dayFromToday(0),
      institutionDeadline: dayFromToday(7),
      laoDeadline: dayFromToday(14),
      provinceDeadline: dayFromToday(21),
    },
    meta,
  );
  await db.dataSource.query('ANALYZE');

  const { app, apollo } = await createApp({
    dataSource: db.dataSource,
    store,
    logger: createLogger(process.env.BENCH_LOG_LEVEL ?? 'info'),
    production: true,
    authenticate: createAuthenticator(db.dataSource),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = (m: ServerMessage) => process.send!(m);
  traceOn = true;
  send({ type: 'ready', tree: { ...tree, url }, where: db.where });

  process.on('message', async (m: BenchMessage) => {
    if (m.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      const counted = statements;
      send({ type: 'cpu', user, system, statements: counted, databaseMs: await databaseCpuMs(db) });
    } else if (m.type === 'stop') {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await db.close();
      process.exit(0);
    }
  });
}

main().catch((e) => {
  process.send?.({ type: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
