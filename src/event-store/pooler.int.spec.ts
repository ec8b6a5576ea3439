import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestSystem, type TestSystem } from '../../test/support/test-system';
import { isBehindTransactionPooler } from '../db/pooler';
import { systemMetadata, type Event } from './event';
import { appendToStream } from './event-store';

/**
 * The event store behind Debian's pgbouncer (1.18) in transaction mode (.ci/pgbouncer starts one;
 * LEC_TEST_POOLER_URL points at it): concurrent appends with LEC_POOLER=transaction, the version
 * check under a race, advisory transaction locks, and the reason for the setting: the named
 * prepared append breaks there without it.
 */
const ready = Boolean(process.env.DATABASE_URL && process.env.LEC_TEST_POOLER_URL);
if (!ready) {
  process.stdout.write(
    'pooler.int: skipped (needs DATABASE_URL and LEC_TEST_POOLER_URL: pgbouncer, see .ci/pgbouncer)\n',
  );
}
const describePooler = ready ? describe : describe.skip;

type Pinged = Event<'Pinged', { n: number }>;
const pinged = (n: number): Pinged => ({ type: 'Pinged', data: { n } });

describePooler('event store behind pgbouncer in transaction mode', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys?.close());

  /** 200 transactions over the 20-connection pool, pgbouncer lending them 10 server connections. */
  const appendMany = (ds: DataSource) =>
    Promise.allSettled(
      Array.from({ length: 200 }, (_, n) =>
        ds.transaction(async (tx) => {
          await tx.query('SELECT 1');
          return appendToStream(
            tx,
            `Ping-${randomUUID()}`,
            'Ping',
            0,
            [pinged(n), pinged(n + 1)],
            systemMetadata('p'),
          );
        }),
      ),
    );

  it('goes through the pooler, marked as behind a transaction pooler', async () => {
    expect(sys.target.kind === 'postgres' && sys.target.url).toContain(
      new URL(process.env.LEC_TEST_POOLER_URL!).port,
    );
    expect(isBehindTransactionPooler(sys.dataSource)).toBe(true);
  });

  it('appends 200 concurrent transactions without an error', async () => {
    const results = await appendMany(sys.dataSource);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [{ n }]: { n: number }[] = await sys.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'Ping-%'`,
    );
    expect(n).toBe(400);
  });

  it('lets one of ten racing writers create a stream and refuses the others with CONFLICT', async () => {
    const stream = `Race-${randomUUID()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        sys.dataSource.transaction((tx) =>
          appendToStream(tx, stream, 'Race', 0, [pinged(n)], systemMetadata('r')),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('holds an advisory transaction lock until the holder commits, across pooled connections', async () => {
    const order: string[] = [];
    let locked!: () => void;
    const held = new Promise<void>((r) => (locked = r));
    const first = sys.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lec:pooler-test'))`);
      locked();
      await tx.query('SELECT pg_sleep(0.3)');
      order.push('first done');
    });
    await held;
    const second = sys.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lec:pooler-test'))`);
      order.push('second locked');
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first done', 'second locked']);
  });

  it('breaks without LEC_POOLER=transaction: the named append statement is not on the next server connection', async () => {
    const target = sys.target as { url: string };
    const plain = new DataSource({ type: 'postgres', url: target.url, poolSize: 20, parseInt8: true });
    await plain.initialize();
    try {
      const results = await appendMany(plain);
      const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(failures.length).toBeGreaterThan(0);
      expect(String(failures[0].reason?.message)).toMatch(/prepared statement "lec_append_v1"/);
    } finally {
      await plain.destroy();
    }
  });
});
