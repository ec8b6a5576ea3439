// Over 300 lines on purpose: every way a pupil event moves the counts (live, rebuilt, as of a day),
// checked against one database opened once.
import { randomUUID } from 'node:crypto';
import { createUnit } from '../../../test/support/factories';
import { validCitizenId } from '../../../test/support/pupils';
import { countTables } from '../../../test/support/figures';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { systemMetadata } from '../../event-store/event';
import { rebuildProjections } from '../../event-store/rebuild';
import type { Viewer } from '../access/viewer';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import { recordOtherSchoolCounts } from '../other-schools/record-other-school-counts';
import type { PupilInputData } from '../pupils/pupil.decider';
import { runLifecycleCommand } from '../pupils/run-lifecycle-command';
import { promotePupils } from '../pupils/promote-pupils';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { typicalAge, type Grade } from '../pupils/rules/grades';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { enrolmentCounts, enrolmentCountsAsOf } from './enrolment-counts.reads';
import type { EnrolmentCountsView } from './figures.view';
import { readLiveAgeGroups } from './read-live-counts';

const meta = () => systemMetadata('test');
const ceYear = academicYearOf(todayInBangkok(new Date())) - 543;

/** A pupil of the usual age for the grade; a CDC child of `age` on the first day of the year. */
function input(grade: Grade, over: Partial<PupilInputData> & { age?: number } = {}): PupilInputData {
  const { age, ...rest } = over;
  const years = grade === 'CDC' ? (age ?? 3) : typicalAge(grade);
  return {
    citizenId: validCitizenId(),
    prefix: rest.sex === 'FEMALE' ? 'ด.ญ.' : 'ด.ช.',
    firstName: 'ทดสอบ',
    lastName: 'นับจำนวน',
    sex: 'MALE',
    birthDate: `${ceYear - years}-03-15`,
    nationality: 'ไทย',
    grade,
    ...rest,
  } as PupilInputData;
}

const viewerOf = (unit: Pick<OrgUnitRow, 'code' | 'kind' | 'provinceCode' | 'laoCode'>): Viewer => ({
  accountId: randomUUID(),
  username: unit.code,
  sessionId: 's',
  orgUnit: { code: unit.code, kind: unit.kind, provinceCode: unit.provinceCode, laoCode: unit.laoCode },
  profileId: null,
  mustCompleteFirstLogin: false,
});
const department = viewerOf({ code: 'DLA', kind: 'DEPARTMENT', provinceCode: null, laoCode: null });

/** rows as `P1 MALE 2` strings, for readable expectations. */
const rowsOf = (v: { rows: { grade: string; sex: string; count: number }[] }) =>
  v.rows.map((r) => `${r.grade} ${r.sex} ${r.count}`);

describe('enrolment counts', () => {
  let sys: TestSystem;
  let laoA: OrgUnitRow, laoB: OrgUnitRow, laoC: OrgUnitRow;
  let schoolA: OrgUnitRow, cdcA: OrgUnitRow, schoolB: OrgUnitRow, schoolC: OrgUnitRow, otherA: OrgUnitRow;
  const ids: Record<string, string> = {};
  const counts = (code: string, over: { district?: string; viewer?: Viewer } = {}) =>
    enrolmentCounts(sys.dataSource.manager, over.viewer ?? department, {
      orgUnitCode: code,
      district: over.district,
    });
  const enrol = async (unit: OrgUnitRow, name: string, inp: PupilInputData) => {
    ids[name] = randomUUID();
    await runPupilCommand(
      sys.store,
      unit.code,
      { type: 'EnrolPupil', pupilId: ids[name], input: inp },
      meta(),
    );
  };
  let national: EnrolmentCountsView;

  beforeAll(async () => {
    sys = await openTestSystem();
    national = await counts('DLA');
    laoA = await createUnit(sys.store, 'LAO', '54', { district: 'เมืองแพร่' });
    laoB = await createUnit(sys.store, 'LAO', '54', { district: 'สูงเม่น' });
    laoC = await createUnit(sys.store, 'LAO', '55', { district: 'เมืองน่าน' });
    schoolA = await createUnit(sys.store, 'SCHOOL', laoA.code);
    cdcA = await createUnit(sys.store, 'CDC', laoA.code);
    otherA = await createUnit(sys.store, 'OTHER_SCHOOL', laoA.code);
    schoolB = await createUnit(sys.store, 'SCHOOL', laoB.code);
    schoolC = await createUnit(sys.store, 'SCHOOL', laoC.code);

    await enrol(schoolA, 'a1', input('P1'));
    await enrol(schoolA, 'a2', input('P1', { sex: 'FEMALE' }));
    await enrol(schoolA, 'a3', input('K2', { nationality: 'เมียนมา' }));
    await enrol(cdcA, 'c1', input('CDC', { age: 2 }));
    await enrol(cdcA, 'c2', input('CDC', { age: 3, sex: 'FEMALE' }));
    await enrol(cdcA, 'c3', input('CDC', { age: 4, nationality: 'ลาว' }));
    await enrol(schoolB, 'b1', input('P6', { sex: 'FEMALE' }));
    await enrol(schoolC, 'x1', input('M1'));
    await recordOtherSchoolCounts(
      sys.store,
      laoA.code,
      {
        schoolCode: otherA.code,
        status: 'OPEN',
        note: null,
        counts: otherSchoolGrades.map((grade) => ({
          grade,
          male: grade === 'P1' ? 10 : 0,
          female: grade === 'K1' ? 4 : 0,
        })),
      },
      meta(),
    );
  });
  afterAll(() => sys.close());

  it('counts an institution, its LAO, a district, a province and the country, each with everything below it', async () => {
    expect(rowsOf(await counts(schoolA.code))).toEqual(['K2 MALE 1', 'P1 MALE 1', 'P1 FEMALE 1']);
    expect((await counts(cdcA.code)).enrolled).toMatchObject({ total: 3, male: 2, female: 1 });
    const lao = await counts(laoA.code);
    expect(lao.enrolled).toMatchObject({ total: 6, male: 4, female: 2 });
    expect(rowsOf(lao.enrolled)).toEqual([
      'K2 MALE 1',
      'P1 MALE 1',
      'P1 FEMALE 1',
      'CDC MALE 2',
      'CDC FEMALE 1',
    ]);
    expect((await counts('54', { district: 'สูงเม่น' })).enrolled.total).toBe(1);
    expect((await counts('54', { district: 'เมืองแพร่' })).enrolled.total).toBe(6);
    expect((await counts('54')).enrolled.total).toBe(7);
    expect((await counts('55')).enrolled.total).toBe(1);
    const country = await counts('DLA');
    expect(country.enrolled.total - national.enrolled.total).toBe(8);
    expect(country.mode).toBe('LIVE');
  });

  it('counts nationality (Thai / other) and CDC children by age group on the reference day', async () => {
    const lao = await counts(laoA.code);
    expect(lao.byNationality).toEqual([
      { nationality: 'THAI', label: 'สัญชาติไทย', male: 2, female: 2, total: 4 },
      { nationality: 'OTHER', label: 'สัญชาติอื่น', male: 2, female: 0, total: 2 },
    ]);
    // Born 15 March: on 16 May of this academic year each child is the age it was enrolled at.
    const ages = await readLiveAgeGroups(sys.dataSource.manager, lao.scope, `${ceYear}-05-16`);
    expect(ages.sort((a, b) => a.ageGroup.localeCompare(b.ageGroup))).toEqual([
      { ageGroup: '2-3', sex: 'MALE', count: 1 },
      { ageGroup: '3-4', sex: 'FEMALE', count: 1 },
      { ageGroup: '4-5', sex: 'MALE', count: 1 },
    ]);
    // A year later every child is a year older.
    const later = await readLiveAgeGroups(sys.dataSource.manager, lao.scope, `${ceYear + 1}-05-16`);
    expect(later.map((a) => a.ageGroup).sort()).toEqual(['3-4', '4-5', '5+']);
  });

  it('reports funded schools of another affiliation apart and together with the register', async () => {
    const lao = await counts(laoA.code);
    expect(lao.otherSchools).toMatchObject({ total: 14, male: 10, female: 4 });
    expect(rowsOf(lao.otherSchools)).toEqual(['K1 FEMALE 4', 'P1 MALE 10']);
    expect(lao.combined).toMatchObject({ total: 20, male: 14, female: 6 });
    expect(rowsOf(lao.combined)).toContain('P1 MALE 11');
    expect(lao.total).toBe(20);
    expect((await counts(otherA.code)).total).toBe(14);
    expect((await counts(schoolA.code)).otherSchools.total).toBe(0);
    expect((await counts('54')).otherSchools.total).toBe(14);
    expect((await counts('54', { district: 'สูงเม่น' })).otherSchools.total).toBe(0);
  });

  it('follows corrections, removals, leaves and transfers, and a rebuild gives the same table; as-of replays the past', async () => {
    const before = await counts(laoA.code);
    const t1 = new Date();
    // Events carry the instant their transaction started, to the millisecond: step past t1.
    await new Promise((r) => setTimeout(r, 5));
    await runPupilCommand(
      sys.store,
      schoolA.code,
      {
        type: 'CorrectPupil',
        pupilId: ids.a1,
        patch: { nationality: 'กัมพูชา', grade: 'P2', birthDate: `${ceYear - 8}-03-15` },
      },
      meta(),
    );
    await runPupilCommand(
      sys.store,
      schoolA.code,
      { type: 'RemovePupilAsNonExistent', pupilId: ids.a2, reason: 'NEVER_ATTENDED', note: null },
      meta(),
    );
    const today = todayInBangkok(new Date());
    await runLifecycleCommand(
      sys.store,
      cdcA.code,
      { type: 'RecordPupilLeft', pupilId: ids.c1, reason: 'WITHDREW', date: today, note: null },
      meta(),
    );
    await runLifecycleCommand(
      sys.store,
      schoolA.code,
      {
        type: 'RecordPupilTransferredIn',
        pupilId: randomUUID(),
        input: input('P3', { sex: 'FEMALE' }),
        date: today,
        fromInstitutionCode: null,
        note: null,
      },
      meta(),
    );
    await recordOtherSchoolCounts(
      sys.store,
      laoA.code,
      {
        schoolCode: otherA.code,
        status: 'OPEN',
        note: null,
        counts: otherSchoolGrades.map((grade) => ({
          grade,
          male: grade === 'P1' ? 6 : 0,
          female: grade === 'K1' ? 4 : 0,
        })),
      },
      meta(),
    );
    const after = await counts(laoA.code);
    expect(after.otherSchools.total).toBe(10);
    expect((await counts('54')).otherSchools.total).toBe(10);
    expect(rowsOf(after.enrolled)).toEqual([
      'K2 MALE 1',
      'P2 MALE 1',
      'P3 FEMALE 1',
      'CDC MALE 1',
      'CDC FEMALE 1',
    ]);
    expect(after.byNationality?.map((n) => n.total)).toEqual([2, 3]);

    const live = await countTables(sys);
    await rebuildProjections(sys.store);
    expect(await countTables(sys)).toEqual(live);

    const then = await enrolmentCountsAsOf(sys.dataSource.manager, department, {
      orgUnitCode: laoA.code,
      at: t1.toISOString(),
    });
    expect(then.mode).toBe('AS_OF');
    expect(rowsOf(then)).toEqual(rowsOf(before));
    expect(then.otherSchools.total).toBe(14);
    expect(then.byNationality).toEqual(before.byNationality);
    const now = await enrolmentCountsAsOf(sys.dataSource.manager, department, {
      orgUnitCode: laoA.code,
      at: new Date().toISOString(),
    });
    expect(rowsOf(now)).toEqual(rowsOf(after));
    expect(now.byNationality).toEqual(after.byNationality);
    const ages = now.cdcAgeGroups!.filter((g) => g.total > 0);
    expect(ages.reduce((n, g) => n + g.total, 0)).toBe(2);
    // Before anything was recorded under the LAO: nothing.
    const dayBefore = await enrolmentCountsAsOf(sys.dataSource.manager, department, {
      orgUnitCode: laoA.code,
      at: '2020-01-01',
    });
    expect(dayBefore.total).toBe(0);
  });

  it('follows a promotion (one batch: promoted, graduated) and a hold-back, and a rebuild agrees', async () => {
    const school = await createUnit(sys.store, 'SCHOOL', laoB.code);
    // Enrolled last academic year, so this year's promotion moves them.
    const lastYear = { ...meta(), at: `${ceYear - 1}-11-01T03:00:00.000Z` };
    const p1 = randomUUID();
    const p6 = randomUUID();
    for (const [id, inp] of [
      [p1, input('P1')],
      [p6, input('P6', { sex: 'FEMALE' })],
    ] as const)
      await runPupilCommand(
        sys.store,
        school.code,
        { type: 'EnrolPupil', pupilId: id, input: inp },
        lastYear,
      );
    expect(rowsOf(await counts(school.code))).toEqual(['P1 MALE 1', 'P6 FEMALE 1']);
    await promotePupils(
      sys.store,
      school.code,
      { type: 'PromotePupils', academicYear: ceYear + 543 },
      meta(),
    );
    expect(rowsOf(await counts(school.code))).toEqual(['P2 MALE 1']);
    await runLifecycleCommand(
      sys.store,
      school.code,
      { type: 'HoldBackPupil', pupilId: p6, note: null },
      meta(),
    );
    expect(rowsOf(await counts(school.code))).toEqual(['P2 MALE 1', 'P6 FEMALE 1']);
    const live = await countTables(sys);
    await rebuildProjections(sys.store);
    expect(await countTables(sys)).toEqual(live);
  });

  it('lets a unit read itself and what is below it only, and refuses a district outside a province', async () => {
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    const asLao = viewerOf(laoA);
    const asSchool = viewerOf(schoolA);
    const asProvince = viewerOf({ code: '54', kind: 'PROVINCE', provinceCode: '54', laoCode: null });
    expect(await code(counts(schoolA.code, { viewer: asLao }))).toBe('ok');
    expect(await code(counts(laoB.code, { viewer: asLao }))).toBe('FORBIDDEN');
    expect(await code(counts(laoA.code, { viewer: asSchool }))).toBe('FORBIDDEN');
    expect(await code(counts(schoolA.code, { viewer: asSchool }))).toBe('ok');
    expect(await code(counts('54', { viewer: asProvince }))).toBe('ok');
    expect(await code(counts('55', { viewer: asProvince }))).toBe('FORBIDDEN');
    expect(await code(counts('DLA', { viewer: asProvince }))).toBe('FORBIDDEN');
    expect(await code(counts(laoA.code, { district: 'เมืองแพร่' }))).toBe('BAD_USER_INPUT');
    expect(await code(counts('nope'))).toBe('BAD_USER_INPUT');
    expect(
      await code(
        enrolmentCountsAsOf(sys.dataSource.manager, department, { orgUnitCode: 'DLA', at: 'yesterday' }),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
