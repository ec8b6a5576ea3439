import { randomUUID } from 'node:crypto';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { createUnit } from '../../../test/support/factories';
import { pupilInput } from '../../../test/support/pupils';
import { countTables } from '../../../test/support/figures';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { rebuildProjections } from '../../event-store/rebuild';
import { systemMetadata } from '../../event-store/event';
import { confirmDataset } from '../confirmation/confirm-dataset';
import { revokeConfirmation } from '../confirmation/revoke-confirmation';
import type { Dataset } from '../chain/dataset';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import { recordOtherSchoolCounts } from '../other-schools/record-other-school-counts';
import type { PupilInputData } from '../pupils/pupil.decider';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { enrolmentCounts } from './enrolment-counts.reads';
import type { EnrolmentCountsView } from './figures.view';

const year = new Date().getUTCFullYear();
const department = viewerFor({ code: 'DLA', kind: 'DEPARTMENT' });

describe('confirmed figures of a round (enrolmentCounts with roundId + confirmedOnly)', () => {
  let sys: TestSystem;
  let roundId: string;
  let laoA: OrgUnitRow,
    laoB: OrgUnitRow,
    schoolA: OrgUnitRow,
    cdcA: OrgUnitRow,
    otherA: OrgUnitRow,
    schoolB: OrgUnitRow;
  const enrol = (unit: OrgUnitRow, over: Record<string, unknown> = {}) =>
    runPupilCommand(
      sys.store,
      unit.code,
      { type: 'EnrolPupil', pupilId: randomUUID(), input: pupilInput(over) as PupilInputData },
      systemMetadata('test'),
    );
  const confirm = (unit: OrgUnitRow, dataset: Dataset) => {
    const v = viewerFor(unit);
    return confirmDataset(sys.store, v, unit.code, dataset, metadataFor(v));
  };
  const confirmed = (orgUnitCode: string, district?: string) =>
    enrolmentCounts(sys.dataSource.manager, department, {
      orgUnitCode,
      roundId,
      confirmedOnly: true,
      district,
    });
  const live = (orgUnitCode: string) => enrolmentCounts(sys.dataSource.manager, department, { orgUnitCode });

  beforeAll(async () => {
    sys = await openTestSystem();
    roundId = await openRoundDirect(sys.store);
    laoA = await createUnit(sys.store, 'LAO', '54', { district: 'เด่นชัย' });
    laoB = await createUnit(sys.store, 'LAO', '54', { district: 'ลอง' });
    schoolA = await createUnit(sys.store, 'SCHOOL', laoA.code);
    cdcA = await createUnit(sys.store, 'CDC', laoA.code);
    otherA = await createUnit(sys.store, 'OTHER_SCHOOL', laoA.code);
    schoolB = await createUnit(sys.store, 'SCHOOL', laoB.code);
    await enrol(schoolA);
    await enrol(schoolA, { sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'กานดา' });
    await enrol(cdcA, { grade: 'CDC', birthDate: `${year - 3}-01-10` });
    await enrol(schoolB);
    await recordOtherSchoolCounts(
      sys.store,
      laoA.code,
      {
        schoolCode: otherA.code,
        status: 'OPEN',
        note: null,
        counts: otherSchoolGrades.map((grade) => ({ grade, male: grade === 'K3' ? 3 : 0, female: 0 })),
      },
      systemMetadata('test'),
    );
    await confirm(schoolA, 'PUPILS');
    await confirm(cdcA, 'CHILDREN');
    await confirm(laoA, 'OTHER_SCHOOL_COUNTS');
  });
  afterAll(() => sys.close());

  /** What is confirmed below the level asked, apart from the official figures. */
  const provisional = (v: EnrolmentCountsView, section: 'enrolled' | 'otherSchools' = 'enrolled') =>
    v.provisional.reduce((n, p) => n + p[section].total, 0);

  it('official figures are confirmed up to the level asked; what is confirmed only lower down is apart', async () => {
    const lao = await confirmed(laoA.code);
    expect(lao).toMatchObject({ mode: 'CONFIRMED', roundId, byNationality: null, cdcAgeGroups: null });
    // The LAO confirmed its funded schools' counts, not yet its school's pupils or its CDC's children.
    expect(lao.confirmedUpTo).toBe('LAO');
    expect(lao.otherSchools).toMatchObject({ total: 3, rows: [{ grade: 'K3', sex: 'MALE', count: 3 }] });
    expect(lao.enrolled.total).toBe(0);
    expect(lao.total).toBe(3);
    expect(lao.provisional.map((p) => p.level)).toEqual(['INSTITUTION']);
    expect(lao.provisional[0].enrolled.rows.map((r) => `${r.grade} ${r.sex} ${r.count}`)).toEqual([
      'P1 MALE 1',
      'P1 FEMALE 1',
      'CDC MALE 1',
    ]);
    expect((await confirmed(schoolA.code)).total).toBe(2);
    expect((await confirmed(otherA.code)).otherSchools.total).toBe(3);
    // School B has not confirmed: no confirmed figures anywhere, its live figures count.
    expect((await confirmed(schoolB.code)).total).toBe(0);
    const province = await confirmed('54');
    expect(province).toMatchObject({ total: 0, confirmedUpTo: 'PROVINCE' });
    expect(province.provisional.map((p) => [p.level, p.total])).toEqual([
      ['LAO', 3],
      ['INSTITUTION', 3],
    ]);
    expect((await live('54')).enrolled.total).toBeGreaterThanOrEqual(4);
    const denchai = await confirmed('54', 'เด่นชัย');
    expect(denchai.total + denchai.provisional.reduce((n, p) => n + p.total, 0)).toBe(6);
    expect((await confirmed('54', 'ลอง')).provisional).toEqual([]);
  });

  it('drops an institution whose confirmation is revoked, and keeps what was confirmed when data change after', async () => {
    await enrol(schoolB);
    const lao = viewerFor(laoA);
    await revokeConfirmation(sys.store, lao, schoolA.code, 'PUPILS', 'แก้ไขชั้นเรียน', metadataFor(lao));
    const after = await confirmed(laoA.code);
    expect(provisional(after)).toBe(1);
    expect(after.otherSchools.total).toBe(3);
    // School B's later pupil is on its register, not in any confirmed figure.
    expect(provisional(await confirmed('54'))).toBe(1);
    expect((await live(laoA.code)).enrolled.total).toBe(3);
    // Corrected (a pupil added) and confirmed again: the new figures count.
    await enrol(schoolA, { firstName: 'ภูมิ' });
    await confirm(schoolA, 'PUPILS');
    expect(provisional(await confirmed(laoA.code))).toBe(4);
    expect(provisional(await confirmed('DLA'))).toBe(4);
    const tables = await countTables(sys);
    await rebuildProjections(sys.store);
    expect(await countTables(sys)).toEqual(tables);
  });

  it('refuses a round that does not exist', async () => {
    await expect(
      enrolmentCounts(sys.dataSource.manager, department, {
        orgUnitCode: 'DLA',
        roundId: 'nope',
        confirmedOnly: true,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
