import { systemMetadata } from '../../event-store/event';
import { isLecError } from '../../shared/errors';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { closeRound } from './close-round';
import { openRound } from './open-round';
import { holdRoundOpen } from './rounds-lock';

/**
 * Opening a round against other writers. PostgreSQL only: PGlite has one connection, so two
 * transactions never overlap there and a held lock would only block the test itself.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) process.stdout.write('open-round.int: skipped on PGlite (needs DATABASE_URL: PostgreSQL)\n');
const describePg = onPostgres ? describe : describe.skip;

const input = (academicYear: number, roundNo: 1 | 2) => ({
  academicYear,
  roundNo,
  institutionDeadline: `${academicYear - 543}-${roundNo === 1 ? '06' : '11'}-20`,
  laoDeadline: `${academicYear - 543}-${roundNo === 1 ? '06' : '11'}-25`,
  provinceDeadline: `${academicYear - 543}-${roundNo === 1 ? '06' : '11'}-26`,
});
const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'OK' : isLecError(r.reason) ? r.reason.code : String(r.reason);

describePg('opening a round (PostgreSQL: concurrent writers)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('two rounds opened at once: one opens, the other is refused (at most one open round)', async () => {
    for (let year = 2570; year < 2575; year++) {
      const results = await Promise.allSettled([
        openRound(sys.store, input(year, 1), systemMetadata('test')),
        openRound(sys.store, input(year, 2), systemMetadata('test')),
      ]);
      expect(results.map(outcome).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
      const open: { id: string }[] = await sys.dataSource.query(
        `SELECT id FROM rounds WHERE status = 'OPEN'`,
      );
      expect(open).toHaveLength(1);
      await closeRound(sys.store, open[0].id, systemMetadata('test'));
    }
  });

  it('opening waits for a confirmation in flight: it takes the rounds lock the confirmation holds shared', async () => {
    const confirmation = sys.dataSource.createQueryRunner();
    await confirmation.connect();
    await confirmation.startTransaction();
    try {
      await holdRoundOpen(confirmation.manager);
      let settled = false;
      const opening = openRound(sys.store, input(2580, 1), systemMetadata('test')).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(settled).toBe(false);
      await confirmation.commitTransaction();
      expect((await opening).status).toBe('OPEN');
    } finally {
      if (confirmation.isTransactionActive) await confirmation.rollbackTransaction();
      await confirmation.release();
    }
  });
});
