import { createLaoTree, createUnit } from '../../../test/support/factories';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { systemMetadata, type EventMetadata } from '../../event-store/event';
import { streamVersion } from '../../event-store/event-store';
import { rebuildProjections } from '../../event-store/rebuild';
import { otherSchoolGrades } from './other-school-counts.rules';
import { otherSchoolStreamId } from './other-school.events';
import { recordOtherSchoolCounts } from './record-other-school-counts';

const counts = (male: number, female: number) => otherSchoolGrades.map((grade) => ({ grade, male, female }));

async function tables(sys: TestSystem) {
  const m = sys.dataSource.manager;
  return {
    records: await m.query(`SELECT * FROM other_school_records ORDER BY school_code`),
    counts: await m.query(`SELECT * FROM other_school_counts ORDER BY school_code, grade`),
  };
}

describe('other-school counts projection', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('keeps the latest record per school, and a rebuild reproduces it exactly', async () => {
    const tree = await createLaoTree(sys.store);
    const closed = await createUnit(sys.store, 'OTHER_SCHOOL', tree.lao.code);
    const as = (profileId: string): EventMetadata => ({
      ...systemMetadata('t'),
      accountId: 'account-of-the-lao',
      profileId,
      orgUnitCode: tree.lao.code,
    });
    const record = (
      schoolCode: string,
      entry: { counts: ReturnType<typeof counts>; status?: string; note?: string },
    ) =>
      recordOtherSchoolCounts(
        sys.store,
        tree.lao.code,
        { schoolCode, status: 'OPEN', note: null, ...entry },
        as(entry.note ? 'second-person' : 'first-person'),
      );

    await record(tree.otherSchool.code, { counts: counts(5, 6) });
    await record(closed.code, { counts: counts(1, 1) });
    await record(tree.otherSchool.code, { counts: counts(7, 8) });
    await record(closed.code, { counts: counts(0, 0), status: 'DISSOLVED', note: 'เลิกสถานศึกษาตามประกาศ' });
    const again = await record(closed.code, {
      counts: counts(0, 0),
      status: 'DISSOLVED',
      note: 'เลิกสถานศึกษาตามประกาศ',
    });
    expect(again).toMatchObject({ status: 'DISSOLVED', total: 0 });
    expect(await streamVersion(sys.dataSource.manager, otherSchoolStreamId(closed.code))).toBe(2);

    const live = await tables(sys);
    const recordOf = (code: string) =>
      live.records.find((r: { school_code: string }) => r.school_code === code);
    expect(live.records).toHaveLength(2);
    expect(recordOf(tree.otherSchool.code)).toMatchObject({
      status: 'OPEN',
      note: null,
      version: 2,
      profile_id: 'first-person',
    });
    expect(recordOf(closed.code)).toMatchObject({
      status: 'DISSOLVED',
      lao_code: tree.lao.code,
      profile_id: 'second-person',
    });
    expect(live.counts).toHaveLength(18);
    expect(live.counts).toContainEqual({
      school_code: tree.otherSchool.code,
      grade: 'K1',
      male: 7,
      female: 8,
    });
    expect(live.counts).toContainEqual({ school_code: closed.code, grade: 'P6', male: 0, female: 0 });

    await rebuildProjections(sys.store);
    expect(await tables(sys)).toEqual(live);
  });
});
