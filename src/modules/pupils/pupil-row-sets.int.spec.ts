import { randomUUID } from 'node:crypto';
import { createUnit } from '../../../test/support/factories';
import { pupilInput } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import type { EventMetadata } from '../../event-store/event';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import type { PupilInputData } from './pupil.decider';
import { PupilRow } from './pupil.entity';
import { runPupilCommand } from './run-pupil-command';

/**
 * A register write answers with the pupil's row as its events make it (pupil-row-sets.ts), without
 * reading it back: the answer must be the row the database holds after the commit, every column,
 * with the database's types and its order of a jsonb object's keys.
 */
describe('a register write answers with the row the database holds', () => {
  let sys: TestSystem;
  let school: OrgUnitRow;
  const meta = (): EventMetadata => ({
    accountId: randomUUID(),
    profileId: randomUUID(),
    orgUnitCode: null,
    requestId: 'test',
    at: new Date().toISOString(),
  });

  beforeAll(async () => {
    sys = await openTestSystem();
    const lao = await createUnit(sys.store, 'LAO', '54');
    school = await createUnit(sys.store, 'SCHOOL', lao.code);
  });
  afterAll(() => sys.close());

  /** The row as stored, as a register write's read maps it (raw driver values, property names). */
  async function stored(id: string): Promise<Record<string, unknown>> {
    const cols = sys.dataSource
      .getMetadata(PupilRow)
      .columns.map((c) => `p.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
    const [row] = await sys.dataSource.query(`SELECT ${cols} FROM pupils p WHERE p.id = $1`, [id]);
    return row;
  }

  async function expectStored(answer: PupilRow) {
    const row = await stored(answer.id);
    expect(answer).toStrictEqual(row);
    // Key order too: the client lists the queries and extra columns in the order it gets them.
    expect(Object.keys(answer.extra)).toEqual(Object.keys(row.extra as object));
    expect(Object.keys(answer.queries)).toEqual(Object.keys(row.queries as object));
  }

  it('after an enrolment, corrections and a removal', async () => {
    const pupilId = randomUUID();
    const year = new Date().getUTCFullYear();
    const enrolled = await runPupilCommand(
      sys.store,
      school.code,
      {
        type: 'EnrolPupil',
        pupilId,
        input: {
          ...pupilInput({ birthDate: `${year - 12}-01-31`, enrolmentDate: `${year - 1}-05-16` }),
          // Keys whose jsonb order is not the order given: a long one first, then shorter ones.
          extra: { ชื่อบิดา: 'สมศักดิ์', zz: '1', height: '120' },
          queryNote: 'เข้าเรียนช้าเพราะย้ายตามผู้ปกครอง',
        } as PupilInputData,
      },
      meta(),
    );
    expect(Object.keys(enrolled.queries).length).toBeGreaterThan(0);
    await expectStored(enrolled);

    const renamed = await runPupilCommand(
      sys.store,
      school.code,
      { type: 'CorrectPupil', pupilId, patch: { lastName: 'แก้ไขแล้ว', extra: { b: 'x', aaa: 'y' } } },
      meta(),
    );
    expect(renamed.lastName).toBe('แก้ไขแล้ว');
    await expectStored(renamed);

    const regraded = await runPupilCommand(
      sys.store,
      school.code,
      { type: 'CorrectPupil', pupilId, patch: { grade: 'P6', birthDate: `${year - 12}-06-01` } },
      meta(),
    );
    expect(regraded.grade).toBe('P6');
    await expectStored(regraded);

    const removed = await runPupilCommand(
      sys.store,
      school.code,
      { type: 'RemovePupilAsNonExistent', pupilId, reason: 'NEVER_ATTENDED', note: 'ไม่เคยมาเรียน' },
      meta(),
    );
    expect(removed.status).toBe('REMOVED');
    await expectStored(removed);
  });
});
