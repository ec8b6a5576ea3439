import { randomUUID } from 'node:crypto';
import { readStream } from '../../event-store/event-store';
import { createLaoTree, createUnit } from '../../../test/support/factories';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { pupilInput, seedPupil } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { isLecError } from '../../shared/errors';
import type { PupilInputData } from '../pupils/pupil.decider';
import { institutionStreamId } from '../pupils/pupil.events';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { confirmDataset } from './confirm-dataset';
import { revokeConfirmation } from './revoke-confirmation';

/** The code a settled promise failed with (or 'OK'). */
const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'OK' : isLecError(r.reason) ? r.reason.code : String(r.reason);

describe('confirmation under concurrency (no lost event, the invariants hold)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
    await openRoundDirect(sys.store);
  });
  afterAll(() => sys.close());

  const activeIds = async (code: string) =>
    (
      await sys.dataSource.query(
        `SELECT id FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE' ORDER BY id`,
        [code],
      )
    ).map((r: { id: string }) => r.id);

  it('confirm racing an enrolment: the enrolment is in the frozen figures or refused with DATA_CONFIRMED', async () => {
    for (let i = 0; i < 6; i++) {
      const tree = await createLaoTree(sys.store, '40');
      const school = { ...tree.school, provinceCode: '40', laoCode: tree.lao.code };
      for (let k = 0; k < 3; k++) await seedPupil(sys.store, school);
      const v = viewerFor(school);
      const newId = randomUUID();
      const [confirm, enrol] = await Promise.allSettled([
        confirmDataset(sys.store, v, school.code, 'PUPILS', metadataFor(v)),
        runPupilCommand(
          sys.store,
          school.code,
          { type: 'EnrolPupil', pupilId: newId, input: pupilInput() as PupilInputData },
          metadataFor(v),
        ),
      ]);
      expect(outcome(confirm)).toBe('OK');
      expect(['OK', 'DATA_CONFIRMED']).toContain(outcome(enrol));
      const [frozen] = await sys.dataSource.query(
        `SELECT e.data FROM events e WHERE e.stream_id = $1 AND e.type = 'DatasetConfirmed'`,
        [institutionStreamId(school.code)],
      );
      // Nothing slipped in after the confirmation: the register is exactly what was frozen.
      expect(frozen.data.pupilIds).toEqual(await activeIds(school.code));
      expect(frozen.data.pupilIds.includes(newId)).toBe(outcome(enrol) === 'OK');
      const enrolled = (await readStream(sys.dataSource.manager, institutionStreamId(school.code))).filter(
        (e) => e.type === 'PupilEnrolled',
      );
      expect(enrolled).toHaveLength(outcome(enrol) === 'OK' ? 4 : 3);
    }
  });

  it('an LAO confirming while it revokes one of its schools: exactly one wins, never LAO confirmed over a revoked school', async () => {
    for (let i = 0; i < 6; i++) {
      const tree = await createLaoTree(sys.store, '41');
      const school = { ...tree.school, provinceCode: '41', laoCode: tree.lao.code };
      const lao = { ...tree.lao, provinceCode: '41', laoCode: tree.lao.code };
      const cdcCode = tree.cdc.code; // the CDC does not hold PUPILS: it does not block the LAO
      await seedPupil(sys.store, school);
      await confirmDataset(
        sys.store,
        viewerFor(school),
        school.code,
        'PUPILS',
        metadataFor(viewerFor(school)),
      );
      const v = viewerFor(lao);
      const [confirm, revoke] = await Promise.allSettled([
        confirmDataset(sys.store, v, lao.code, 'PUPILS', metadataFor(v)),
        revokeConfirmation(sys.store, v, school.code, 'PUPILS', 'ตรวจพบข้อมูลซ้ำ', metadataFor(v)),
      ]);
      const pair = [outcome(confirm), outcome(revoke)].sort();
      expect([
        ['NOT_READY', 'OK'],
        ['OK', 'PARENT_CONFIRMED'],
      ]).toContainEqual(pair);
      const state: { org_unit_code: string; confirmed: boolean }[] = await sys.dataSource.query(
        `SELECT org_unit_code, confirmed FROM confirmations WHERE org_unit_code = ANY($1) AND dataset = 'PUPILS'`,
        [[school.code, lao.code, cdcCode]],
      );
      const confirmed = (code: string) => state.find((s) => s.org_unit_code === code)?.confirmed ?? false;
      expect(confirmed(lao.code) && !confirmed(school.code)).toBe(false);
    }
  });

  it("sibling schools confirming at once both succeed, and their LAO's confirm after them sees both", async () => {
    const tree = await createLaoTree(sys.store, '43');
    const lao = { ...tree.lao, provinceCode: '43', laoCode: tree.lao.code };
    const other = await createUnit(sys.store, 'SCHOOL', lao.code);
    const schools = [tree.school, other].map((s) => ({ ...s, provinceCode: '43', laoCode: lao.code }));
    for (const s of schools) await seedPupil(sys.store, s);
    const results = await Promise.allSettled(
      schools.map((s) =>
        confirmDataset(sys.store, viewerFor(s), s.code, 'PUPILS', metadataFor(viewerFor(s))),
      ),
    );
    expect(results.map(outcome)).toEqual(['OK', 'OK']);
    const v = viewerFor(lao);
    expect((await confirmDataset(sys.store, v, lao.code, 'PUPILS', metadataFor(v))).action).toBe('CONFIRMED');
  });

  it('two confirmations of the same dataset at once: one event, the other refused', async () => {
    const tree = await createLaoTree(sys.store, '42');
    const school = { ...tree.school, provinceCode: '42', laoCode: tree.lao.code };
    await seedPupil(sys.store, school);
    const v = viewerFor(school);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => confirmDataset(sys.store, v, school.code, 'PUPILS', metadataFor(v))),
    );
    expect(results.map(outcome).sort()).toEqual(['DATA_CONFIRMED', 'DATA_CONFIRMED', 'OK']);
    const events = await readStream(sys.dataSource.manager, institutionStreamId(school.code));
    expect(events.filter((e) => e.type === 'DatasetConfirmed')).toHaveLength(1);
  });
});
