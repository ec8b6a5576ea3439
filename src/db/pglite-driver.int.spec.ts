import { openPGlite } from './data-source';
import { createPGliteDriver, type PGliteClient } from './pglite-driver';
import type { PGlite } from '@electric-sql/pglite';

// The embedded engine only: the lock exists because PGlite is a single session.
describe('PGlite driver: one session lent to one client at a time', () => {
  let db: PGlite;
  let pool: InstanceType<ReturnType<typeof createPGliteDriver>['Pool']>;

  beforeAll(async () => {
    db = openPGlite();
    pool = new (createPGliteDriver(db).Pool)();
    await pool.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
  });
  afterAll(() => db.close());
  beforeEach(() => pool.query('DELETE FROM t'));

  const q = (c: PGliteClient, sql: string, params?: unknown[]) =>
    c.query(sql, params) as Promise<{ rows: Record<string, unknown>[] }>;

  it('keeps overlapping transactions apart: one rolling back does not undo the other', async () => {
    const a = pool.connect() as Promise<PGliteClient>;
    const b = pool.connect() as Promise<PGliteClient>;
    const first = (async () => {
      const c = await a;
      await q(c, 'BEGIN');
      await q(c, "INSERT INTO t VALUES (1, 'kept')");
      await new Promise((r) => setTimeout(r, 20));
      await q(c, 'COMMIT');
      c.release();
    })();
    const second = (async () => {
      const c = await b;
      await q(c, 'BEGIN');
      await q(c, "INSERT INTO t VALUES (2, 'rolled back')");
      await q(c, 'ROLLBACK');
      c.release();
    })();
    await Promise.all([first, second]);
    const rows = (await pool.query('SELECT id FROM t ORDER BY id')).rows;
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('does not hand the session to a second client until the first releases it', async () => {
    const c1 = (await pool.connect()) as PGliteClient;
    let secondGotIt = false;
    const p2 = (pool.connect() as Promise<PGliteClient>).then((c) => {
      secondGotIt = true;
      return c;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(secondGotIt).toBe(false);
    c1.release();
    const c2 = await p2;
    expect(secondGotIt).toBe(true);
    c2.release();
  });

  it('rolls back a transaction its client left open when it gave the session back', async () => {
    const c = (await pool.connect()) as PGliteClient;
    await q(c, 'BEGIN');
    await q(c, "INSERT INTO t VALUES (3, 'abandoned')");
    c.release();
    const rows = (await pool.query('SELECT id FROM t')).rows;
    expect(rows).toEqual([]);
    expect(db.isInTransaction()).toBe(false);
  });

  it('runs a multi-statement script without parameters, as pg does', async () => {
    const r = await pool.query(
      "INSERT INTO t VALUES (4, 'a'); INSERT INTO t VALUES (5, 'b'); SELECT count(*)::int AS n FROM t",
    );
    expect(r.rows).toEqual([{ n: 2 }]);
  });
});
