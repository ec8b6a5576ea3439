import { randomUUID } from 'node:crypto';
import { systemMetadata, type EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { Viewer } from '../access/viewer';
import { recordCdcBasicData } from '../cdc-basic-data/record-cdc-basic-data';
import { confirmDataset } from '../confirmation/confirm-dataset';
import { revokeConfirmation } from '../confirmation/revoke-confirmation';
import { datasets, type Dataset } from '../chain/dataset';
import { demoPupils } from './demo-pupils';
import { seedDemo } from './seed-demo';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { levelOf } from '../chain/levels';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import { recordOtherSchoolCounts } from '../other-schools/record-other-school-counts';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { isLecError } from '../../shared/errors';

function actor(unit: Pick<OrgUnitRow, 'code' | 'kind' | 'laoCode' | 'provinceCode'>): {
  viewer: Viewer;
  metadata: EventMetadata;
} {
  const viewer: Viewer = {
    accountId: `audit-seed-${unit.code}`,
    username: unit.code,
    sessionId: 'audit-seed',
    orgUnit: { code: unit.code, kind: unit.kind, provinceCode: unit.provinceCode, laoCode: unit.laoCode },
    profileId: null,
    mustCompleteFirstLogin: false,
  };
  return {
    viewer,
    metadata: { ...systemMetadata('audit-seed'), accountId: viewer.accountId, orgUnitCode: unit.code },
  };
}

/**
 * A round for the figures audit in CI (`npm run seed:audited-round` into an empty database): the
 * demo province with every CDC's basic data and every funded school's counts recorded (one closed,
 * 0), the whole chain confirmed bottom up (institutions, LAOs, province), then revisions — pupils
 * revoked top down, corrected and confirmed again; funded-school counts revoked, re-recorded and
 * confirmed again; one LAO's children left revoked (provisional for the province).
 */
export async function seedAuditedRound(
  store: EventStore,
): Promise<{ confirmations: number; revocations: number }> {
  await seedDemo(store);
  const m = store.dataSource.manager;
  const units = await m.find(OrgUnitRow, { where: { provinceCode: '54' }, order: { code: 'ASC' } });
  const of = (kind: OrgUnitRow['kind']) => units.filter((u) => u.kind === kind);
  const province = units.find((u) => u.kind === 'PROVINCE')!;
  const department = { code: 'DLA', kind: 'DEPARTMENT' as const, laoCode: null, provinceCode: null };
  let confirmations = 0;
  let revocations = 0;
  const confirm = async (unit: OrgUnitRow, only?: Dataset) => {
    for (const d of only ? [only] : datasets) {
      const { viewer, metadata } = actor(unit);
      try {
        await confirmDataset(store, viewer, unit.code, d, metadata);
        confirmations += 1;
      } catch (e) {
        // A dataset the unit does not hold is refused, and is nothing to seed.
        if (!isLecError(e) || (e.code !== 'BAD_USER_INPUT' && e.code !== 'DATA_CONFIRMED')) throw e;
      }
    }
  };
  const revoke = async (by: Parameters<typeof actor>[0], unit: OrgUnitRow, d: Dataset) => {
    const { viewer, metadata } = actor(by);
    await revokeConfirmation(store, viewer, unit.code, d, 'ตรวจสอบแล้วพบข้อมูลต้องแก้ไข', metadata);
    revocations += 1;
  };
  const record = (school: OrgUnitRow, p1: number, closed = false) =>
    recordOtherSchoolCounts(
      store,
      school.laoCode!,
      {
        schoolCode: school.code,
        status: closed ? 'CLOSED' : 'OPEN',
        note: closed ? 'ยุบรวมกับโรงเรียนอื่น' : null,
        counts: otherSchoolGrades.map((grade) => ({
          grade,
          male: closed ? 0 : grade === 'P1' ? p1 : 2,
          female: closed ? 0 : 3,
        })),
      },
      actor(units.find((u) => u.code === school.laoCode)!).metadata,
    );

  for (const cdc of of('CDC'))
    await recordCdcBasicData(
      store,
      cdc.code,
      {
        teachers: 2,
        caregivers: 3,
        classrooms: 2,
        capacity: 40,
        buildingType: 'OWN_BUILDING',
        lunchProvision: 'BUYS',
      },
      actor(cdc).metadata,
    );
  for (const [i, school] of of('OTHER_SCHOOL').entries()) await record(school, 10 + i, i === 0);
  for (const level of ['INSTITUTION', 'LAO', 'PROVINCE'] as const)
    for (const u of units.filter((x) => levelOf(x.kind) === level && x.kind !== 'OTHER_SCHOOL'))
      await confirm(u);

  // Pupils: revoked top down, a pupil added at the school, confirmed again bottom up.
  const school = of('SCHOOL')[0];
  const lao = units.find((u) => u.code === school.laoCode)!;
  await revoke(department, province, 'PUPILS');
  await revoke(province, lao, 'PUPILS');
  await revoke(lao, school, 'PUPILS');
  // Pupil 37 of the demo's generator: the demo enrolled 36 (same academic year as seedDemo's).
  const demoYear = academicYearOf(todayInBangkok(new Date())) - 543;
  const added = demoPupils(school.code, 'SCHOOL', demoYear, 37)[36];
  await runPupilCommand(
    store,
    school.code,
    { type: 'EnrolPupil', pupilId: randomUUID(), input: added },
    actor(school).metadata,
  );
  await confirm(school, 'PUPILS');
  await confirm(lao, 'PUPILS');
  await confirm(province, 'PUPILS');

  // Funded-school counts: revoked, re-recorded, confirmed again.
  const funded = of('OTHER_SCHOOL').find((s) => s.laoCode);
  if (funded) {
    const fundingLao = units.find((u) => u.code === funded.laoCode)!;
    await revoke(department, province, 'OTHER_SCHOOL_COUNTS');
    await revoke(province, fundingLao, 'OTHER_SCHOOL_COUNTS');
    await record(funded, 33);
    await confirm(fundingLao, 'OTHER_SCHOOL_COUNTS');
    await confirm(province, 'OTHER_SCHOOL_COUNTS');
  }

  // Children of one LAO left revoked: the province's confirmation goes too (top down).
  const cdcLao = units.find((u) => u.code === of('CDC')[0]?.laoCode);
  if (cdcLao) {
    await revoke(department, province, 'CHILDREN');
    await revoke(province, cdcLao, 'CHILDREN');
  }
  return { confirmations, revocations };
}
