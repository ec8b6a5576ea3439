import { randomUUID } from 'node:crypto';
import { openTestSystem, type TestSystem } from '../../test/support/test-system';
import { systemMetadata, type Event } from './event';
import { appendToStream, readAll, readStream, streamVersion } from './event-store';
import { LecError } from '../shared/errors';

type Noted = Event<'Noted', { n: number }>;
const noted = (n: number): Noted => ({ type: 'Noted', data: { n } });

describe('event store', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  const append = (stream: string, expected: number, events: Noted[]) =>
    sys.dataSource.transaction((tx) =>
      appendToStream(tx, stream, 'Test', expected, events, systemMetadata('t')),
    );

  it('appends a batch with consecutive stream versions and increasing global positions', async () => {
    const s = `Test-${randomUUID()}`;
    const r = await append(s, 0, [noted(1), noted(2), noted(3)]);
    expect(r.nextExpectedVersion).toBe(3);
    expect(r.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    const positions = r.events.map((e) => e.globalPosition);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await append(s, 3, [noted(4)]);
    const read = await readStream<Noted>(sys.dataSource.manager, s);
    expect(read.map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
    expect(read[0].metadata.requestId).toBe('t');
    expect(await streamVersion(sys.dataSource.manager, s)).toBe(4);
  });

  it('refuses a stale expected version with CONFLICT and writes nothing', async () => {
    const s = `Test-${randomUUID()}`;
    await append(s, 0, [noted(1)]);
    await expect(append(s, 0, [noted(2)])).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(append(s, 5, [noted(2)])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await streamVersion(sys.dataSource.manager, s)).toBe(1);
    // A stream that does not exist cannot be appended to at a version other than 0.
    await expect(append(`Test-${randomUUID()}`, 2, [noted(1)])).rejects.toBeInstanceOf(LecError);
  });

  it('lets exactly one of two concurrent writers at the same version win; the loser leaves no trace', async () => {
    const s = `Test-${randomUUID()}`;
    await append(s, 0, [noted(0)]);
    const results = await Promise.allSettled([
      append(s, 1, [noted(10), noted(11)]),
      append(s, 1, [noted(20), noted(21), noted(22)]),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT' });
    const read = await readStream<Noted>(sys.dataSource.manager, s);
    const ns = read.map((e) => e.data.n);
    expect([
      [0, 10, 11],
      [0, 20, 21, 22],
    ]).toContainEqual(ns);
    expect(await streamVersion(sys.dataSource.manager, s)).toBe(ns.length);
  });

  it('lets exactly one of two concurrent creators of a new stream win', async () => {
    const s = `Test-${randomUUID()}`;
    const results = await Promise.allSettled([append(s, 0, [noted(1)]), append(s, 0, [noted(2)])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await readStream(sys.dataSource.manager, s)).toHaveLength(1);
  });

  it('rolls the append back with the rest of the transaction', async () => {
    const s = `Test-${randomUUID()}`;
    await expect(
      sys.dataSource.transaction(async (tx) => {
        await appendToStream(tx, s, 'Test', 0, [noted(1)], systemMetadata());
        throw new Error('projection failed');
      }),
    ).rejects.toThrow('projection failed');
    expect(await readStream(sys.dataSource.manager, s)).toHaveLength(0);
    expect(await streamVersion(sys.dataSource.manager, s)).toBe(0);
  });

  it('keeps events immutable: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const s = `Test-${randomUUID()}`;
    await append(s, 0, [noted(1)]);
    const m = sys.dataSource.manager;
    await expect(m.query(`UPDATE events SET data = '{"n":99}' WHERE stream_id = $1`, [s])).rejects.toThrow(
      /append-only/,
    );
    await expect(m.query(`DELETE FROM events WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    await expect(m.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
    await expect(m.query(`DELETE FROM streams WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    expect((await readStream<Noted>(m, s))[0].data).toEqual({ n: 1 });
  });

  it('reads the whole log in global order from a position', async () => {
    const s = `Test-${randomUUID()}`;
    const { events } = await append(s, 0, [noted(1), noted(2)]);
    const after = await readAll(sys.dataSource.manager, events[0].globalPosition - 1, 10);
    expect(after.slice(0, 2).map((e) => [e.streamId, e.streamVersion])).toEqual([
      [s, 1],
      [s, 2],
    ]);
  });
});
