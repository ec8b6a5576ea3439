import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { countTables } from '../../test/support/figures';
import { withDatabase } from '../../test/support/template';
import { systemMetadata } from './event';
import { login } from '../modules/accounts/login';
import { confirmNational } from '../modules/demo/confirm-national';
import { nationalSizes } from '../modules/demo/national-dataset';
import { seedDemo } from '../modules/demo/seed-demo';
import { seedNational } from '../modules/demo/seed-national';
import { projections } from '../composition/projections';
import { openSystem, type LecSystem } from '../system';
import { openDatabase, openPGlite } from '../db/data-source';
import { moveDatabase } from './move-database';
import { entities } from '../composition/entities';

/**
 * `npm run db:move`: a seeded embedded folder moved to an empty PostgreSQL database ends up with
 * the same log, the same kept tables and, rebuilt there, the same figures. Needs a PostgreSQL
 * server to move to (DATABASE_URL); on the PGlite run it is skipped.
 */
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  process.stdout.write('move-database.int: skipped (needs DATABASE_URL: a PostgreSQL server to move to)\n');
const describePg = serverUrl ? describe : describe.skip;

const admin = async <T>(sql: string): Promise<T> => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return (await c.query(sql)) as T;
  } finally {
    await c.end();
  }
};

describePg('db:move from an embedded folder to PostgreSQL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lec-move-'));
  const folder = path.join(dir, 'pglite');
  const name = `lec_move_${randomBytes(5).toString('hex')}`;
  const targetUrl = withDatabase(serverUrl ?? 'postgres://x@localhost/x', name);
  const sizes = nationalSizes(0.01, { laos: 12, pupilsPerSchool: 6, childrenPerCdc: 3 });

  beforeAll(async () => {
    // A pilot province's folder: the demo, a small seeded country that confirmed, a session.
    const db = openPGlite({ dataDir: folder });
    const sys = await openSystem({ kind: 'pglite', db });
    const accounts = await seedDemo(sys.store);
    await seedNational(sys.store, sizes, { seed: 3 });
    await confirmNational(sys.store, sizes);
    const school = accounts.find((a) => a.username === '1054100001')!;
    await login(sys.dataSource, school.username, school.initialPassword, {
      ip: '127.0.0.1',
      userAgent: 't',
      requestId: 'm',
    });
    await sys.close();
    await admin(`CREATE DATABASE ${name}`);
  }, 300_000);
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const openSource = async () => {
    const db = openPGlite({ dataDir: folder });
    const ds = await openDatabase({ kind: 'pglite', db }, entities);
    return {
      ds,
      close: async () => {
        await ds.destroy();
        await db.close();
      },
    };
  };

  it('copies the log and the kept tables, rebuilds the figures and finds every table identical', async () => {
    const source = await openSource();
    let target: LecSystem | undefined;
    try {
      const report = await moveDatabase(source.ds, targetUrl, projections);
      const byName = new Map(report.tables.map((t) => [t.table, t]));
      expect(report.tables.every((t) => t.same)).toBe(true);
      expect(byName.get('events')?.rows).toBe(report.events);
      expect(report.events).toBeGreaterThan(1000);
      for (const t of ['auth_audit', 'sessions', 'imports']) expect(byName.get(t)?.kind).toBe('kept');
      expect(byName.get('sessions')?.rows).toBe(1);
      for (const t of ['enrolment_counts', 'confirmations', 'other_school_totals'])
        expect(byName.get(t)).toMatchObject({ kind: 'projection', same: true });
      expect(byName.get('confirmations')!.rows).toBeGreaterThan(0);

      // Read independently of the move's own check: the same figures on both sides.
      target = await openSystem({ kind: 'postgres', url: targetUrl });
      const on = (ds: typeof source.ds) => countTables({ dataSource: ds } as never);
      expect(await on(target.dataSource)).toEqual(await on(source.ds));
      const confirmed = `SELECT round_id, org_unit_code, dataset, total FROM confirmations ORDER BY 1, 2, 3`;
      expect(await target.dataSource.query(confirmed)).toEqual(await source.ds.query(confirmed));

      // The target goes on from there: positions continue after the copied log.
      const [{ max }] = await target.dataSource.query(`SELECT max(global_position)::int AS max FROM events`);
      await target.store.transaction((tx) =>
        target!.store.append(
          tx,
          `Moved-${name}`,
          'Moved',
          0,
          [{ type: 'Noted', data: {} }],
          systemMetadata('t'),
        ),
      );
      const [{ next }] = await target.dataSource.query(
        `SELECT max(global_position)::int AS next FROM events`,
      );
      expect(next).toBe(max + 1);
    } finally {
      await target?.close();
      await source.close();
    }
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const source = await openSource();
    try {
      await expect(moveDatabase(source.ds, targetUrl, projections)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/ฐานข้อมูลปลายทางไม่ว่าง/),
      });
      const c = new pg.Client({ connectionString: targetUrl });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [
        `Moved-${name}`,
      ]);
      await c.end();
      expect(rows[0].n).toBe(1);
    } finally {
      await source.close();
    }
  });
});
