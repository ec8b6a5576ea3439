import { randomUUID } from 'node:crypto';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { createUnit } from '../../../test/support/factories';
import { pupilInput } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { systemMetadata } from '../../event-store/event';
import { rebuildProjections } from '../../event-store/rebuild';
import { confirmedCounts } from '../budget/confirmed-counts';
import { recordCdcBasicData } from '../cdc-basic-data/record-cdc-basic-data';
import { confirmDataset } from '../confirmation/confirm-dataset';
import { revokeConfirmation } from '../confirmation/revoke-confirmation';
import { datasets, type Dataset } from '../chain/dataset';
import { enrolmentCounts } from '../figures/enrolment-counts.reads';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import { recordOtherSchoolCounts } from '../other-schools/record-other-school-counts';
import type { PupilInputData } from '../pupils/pupil.decider';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { auditFigures } from './audit-figures';

const year = new Date().getUTCFullYear();
const dla = { code: 'DLA', kind: 'DEPARTMENT' as const };
const department = viewerFor(dla);

/**
 * Issue #11, "Done when": a province with two LAOs (schools, a CDC, funded schools including a
 * closed one) confirms; every level's frozen figures equal the sums below; revoking an LAO takes it
 * out of the province's official figure and budget (the provisional part shows it); the audit
 * passes on the clean run and names the unit when a read model row is tampered with.
 */
describe('figures of record at every level, and the figures audit', () => {
  let sys: TestSystem;
  let roundId: string;
  let laoA: OrgUnitRow, laoB: OrgUnitRow, schoolA: OrgUnitRow, cdcA: OrgUnitRow, schoolB: OrgUnitRow;
  let fundedA: OrgUnitRow, closedA: OrgUnitRow, fundedB: OrgUnitRow;
  const enrol = (unit: OrgUnitRow, over: Record<string, unknown> = {}) =>
    runPupilCommand(
      sys.store,
      unit.code,
      { type: 'EnrolPupil', pupilId: randomUUID(), input: pupilInput(over) as PupilInputData },
      systemMetadata('test'),
    );
  const record = (lao: OrgUnitRow, school: OrgUnitRow, p1: number, status: 'OPEN' | 'CLOSED' = 'OPEN') =>
    recordOtherSchoolCounts(
      sys.store,
      lao.code,
      {
        schoolCode: school.code,
        status,
        note: status === 'CLOSED' ? 'ยุบรวมกับโรงเรียนอื่น' : null,
        counts: otherSchoolGrades.map((grade) => ({ grade, male: grade === 'P1' ? p1 : 0, female: 0 })),
      },
      systemMetadata('test'),
    );
  const confirm = (unit: OrgUnitRow | { code: string; kind: 'PROVINCE' }, dataset: Dataset) => {
    const v = viewerFor(unit);
    return confirmDataset(sys.store, v, unit.code, dataset, metadataFor(v));
  };
  const revoke = (by: { code: string; kind: OrgUnitRow['kind'] }, unit: string, dataset: Dataset) => {
    const v = viewerFor(by);
    return revokeConfirmation(sys.store, v, unit, dataset, 'ตรวจสอบใหม่', metadataFor(v));
  };
  const confirmed = (orgUnitCode: string) =>
    enrolmentCounts(sys.dataSource.manager, department, { orgUnitCode, roundId, confirmedOnly: true });
  const frozen = async (code: string, dataset: Dataset) =>
    (
      await sys.dataSource.query(
        `SELECT total FROM confirmations WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3 AND confirmed`,
        [roundId, code, dataset],
      )
    )[0]?.total ?? null;
  const province = { code: '54', kind: 'PROVINCE' as const };

  beforeAll(async () => {
    sys = await openTestSystem();
    roundId = await openRoundDirect(sys.store);
    laoA = await createUnit(sys.store, 'LAO', '54', { district: 'เด่นชัย' });
    laoB = await createUnit(sys.store, 'LAO', '54', { district: 'ลอง' });
    schoolA = await createUnit(sys.store, 'SCHOOL', laoA.code);
    cdcA = await createUnit(sys.store, 'CDC', laoA.code);
    fundedA = await createUnit(sys.store, 'OTHER_SCHOOL', laoA.code);
    closedA = await createUnit(sys.store, 'OTHER_SCHOOL', laoA.code);
    schoolB = await createUnit(sys.store, 'SCHOOL', laoB.code);
    fundedB = await createUnit(sys.store, 'OTHER_SCHOOL', laoB.code);
    await enrol(schoolA);
    await enrol(schoolA, { sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'กานดา' });
    await enrol(cdcA, { grade: 'CDC', birthDate: `${year - 3}-01-10` });
    await enrol(schoolB);
    await recordCdcBasicData(
      sys.store,
      cdcA.code,
      {
        teachers: 2,
        caregivers: 3,
        classrooms: 2,
        capacity: 40,
        buildingType: 'OWN_BUILDING',
        lunchProvision: 'BUYS',
      },
      systemMetadata('test'),
    );
    await record(laoA, fundedA, 40);
    await record(laoA, closedA, 0, 'CLOSED');
    await record(laoB, fundedB, 25);
    await confirm(schoolA, 'PUPILS');
    await confirm(cdcA, 'CHILDREN');
    await confirm(cdcA, 'CDC_BASIC_DATA');
    await confirm(schoolB, 'PUPILS');
    for (const d of datasets) await confirm(laoA, d);
    for (const d of ['PUPILS', 'OTHER_SCHOOL_COUNTS'] as const) await confirm(laoB, d);
    for (const d of datasets) await confirm(province, d);
  });
  afterAll(() => sys.close());

  it("freezes at every level the sum of the level below's confirmations in force", async () => {
    expect(await frozen(laoA.code, 'PUPILS')).toBe(2);
    expect(await frozen(laoA.code, 'CHILDREN')).toBe(1);
    expect(await frozen(laoA.code, 'OTHER_SCHOOL_COUNTS')).toBe(40);
    expect(await frozen(laoB.code, 'OTHER_SCHOOL_COUNTS')).toBe(25);
    expect(await frozen('54', 'PUPILS')).toBe(3);
    expect(await frozen('54', 'CHILDREN')).toBe(1);
    // The province's other-affiliation figure is its LAOs' (it froze 0 before issue #11).
    expect(await frozen('54', 'OTHER_SCHOOL_COUNTS')).toBe(65);
    const [parts] = await sys.dataSource.query(
      `SELECT parts FROM confirmations WHERE round_id = $1 AND org_unit_code = '54' AND dataset = 'OTHER_SCHOOL_COUNTS'`,
      [roundId],
    );
    expect(parts.parts.map((p: { code: string }) => p.code).sort()).toEqual([laoA.code, laoB.code].sort());
    const figures = await confirmed('54');
    expect(figures).toMatchObject({ confirmedUpTo: 'PROVINCE', total: 69, provisional: [] });
    expect(figures.otherSchools.total).toBe(65);
    expect((await confirmed('DLA')).total).toBe(69);
    const budget = await confirmedCounts(sys.dataSource.manager, roundId, province);
    expect([...budget.official.keys()].sort()).toEqual(
      [schoolA.code, cdcA.code, schoolB.code, fundedA.code, closedA.code, fundedB.code].sort(),
    );
    expect(budget.provisional.size).toBe(0);
  });

  it('the audit passes on a clean run', async () => {
    const audit = await auditFigures(sys.dataSource.manager, roundId);
    expect(audit.discrepancies).toEqual([]);
    expect(audit).toMatchObject({ ok: true, confirmationsInForce: 14 });
    expect(audit.confirmationsChecked).toBe(14);
  });

  it("revoking an LAO takes it out of the province's official figure and budget; the provisional part shows it", async () => {
    await revoke(dla, '54', 'PUPILS');
    await revoke(province, laoA.code, 'PUPILS');
    const figures = await confirmed('54');
    // Children and funded schools are still confirmed by the province; pupils are not.
    expect(figures.enrolled.total).toBe(1);
    expect(figures.otherSchools.total).toBe(65);
    expect(figures.provisional.map((p) => [p.level, p.enrolled.total])).toEqual([
      ['LAO', 1],
      ['INSTITUTION', 2],
    ]);
    const budget = await confirmedCounts(sys.dataSource.manager, roundId, province);
    expect(budget.official.has(schoolA.code)).toBe(false);
    expect(budget.official.has(schoolB.code)).toBe(false);
    expect([...budget.provisional.keys()].sort()).toEqual([schoolA.code, schoolB.code].sort());
    // The LAO B still confirmed its pupils: its own figures stay official for it.
    expect((await confirmed(laoB.code)).enrolled.total).toBe(1);
    // Confirmed again up the chain: official once more, and the audit still passes.
    await confirm(laoA, 'PUPILS');
    await confirm(province, 'PUPILS');
    expect((await confirmed('54')).total).toBe(69);
    expect((await auditFigures(sys.dataSource.manager, roundId)).ok).toBe(true);
  });

  it('the audit names the unit when a read model row is tampered with, and passes again after a rebuild', async () => {
    await sys.dataSource.query(
      `UPDATE confirmations SET total = total + 5 WHERE round_id = $1 AND org_unit_code = $2 AND dataset = 'PUPILS'`,
      [roundId, laoB.code],
    );
    await sys.dataSource.query(
      `UPDATE enrolment_counts SET p1_male = p1_male + 1 WHERE institution_code = $1`,
      [schoolA.code],
    );
    const audit = await auditFigures(sys.dataSource.manager, roundId);
    expect(audit.ok).toBe(false);
    expect(audit.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'READ_MODEL_MISMATCH',
          orgUnitCode: laoB.code,
          dataset: 'PUPILS',
          expected: 1,
          actual: 6,
        }),
        expect.objectContaining({
          kind: 'READ_MODEL_MISMATCH',
          orgUnitCode: schoolA.code,
          expected: 2,
          actual: 3,
        }),
      ]),
    );
    expect(audit.discrepancies[0].message).toMatch(/ตามเหตุการณ์/);
    await rebuildProjections(sys.store);
    expect((await auditFigures(sys.dataSource.manager, roundId)).ok).toBe(true);
  });

  it('flags a confirmation whose frozen figures the events do not bear out', async () => {
    // Written past the command (as a bug or a hand-made event would): the province's children 999.
    await sys.store.transaction(async (tx) => {
      const [s] = await tx.query(`SELECT version FROM streams WHERE stream_id = 'Confirmations-54'`);
      await sys.store.append(
        tx,
        'Confirmations-54',
        'Confirmations',
        Number(s.version),
        [
          {
            type: 'ConfirmationRevoked',
            data: { roundId, orgUnitCode: '54', dataset: 'CHILDREN', reason: 'x', revokedByUnitCode: 'DLA' },
          },
          {
            type: 'DatasetConfirmed',
            data: {
              roundId,
              orgUnitCode: '54',
              dataset: 'CHILDREN',
              total: 999,
              counts: [],
              parts: [],
              deadline: '2099-01-01',
              late: false,
            },
          },
        ],
        systemMetadata('test'),
      );
    });
    const audit = await auditFigures(sys.dataSource.manager, roundId);
    expect(audit.discrepancies).toEqual([
      expect.objectContaining({
        kind: 'FROZEN_MISMATCH',
        orgUnitCode: '54',
        dataset: 'CHILDREN',
        expected: 1,
        actual: 999,
      }),
    ]);
  });
});
