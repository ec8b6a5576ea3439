import { randomUUID } from 'node:crypto';
import { createLaoTree } from '../../../test/support/factories';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { pupilInput, seedPupil } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { commitImport } from '../imports/commit-import';
import { previewImport } from '../imports/preview-import';
import { answerTransferRequest } from '../pupils/answer-transfer-request';
import type { PupilInputData } from '../pupils/pupil.decider';
import { PupilRow } from '../pupils/pupil.entity';
import { promotePupils } from '../pupils/promote-pupils';
import { requestPupilTransfer } from '../pupils/request-pupil-transfer';
import { runLifecycleCommand } from '../pupils/run-lifecycle-command';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { confirmDataset } from '../confirmation/confirm-dataset';
import { revokeConfirmation } from '../confirmation/revoke-confirmation';
import type { OrgUnitKind } from './org-unit-kind';

const P1_BIRTH = `15/03/${new Date().getUTCFullYear() - 7 + 543}`;

/** DOMAIN.md, Confirmation 2: every path that writes to a register refuses while it is confirmed. */
describe('the register lock covers every write', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
    await openRoundDirect(sys.store);
  });
  afterAll(() => sys.close());

  async function confirmedSchool() {
    const tree = await createLaoTree(sys.store, '44');
    const school = { ...tree.school, provinceCode: '44', laoCode: tree.lao.code };
    const pupilId = await seedPupil(sys.store, school);
    const v = viewerFor(school);
    await confirmDataset(sys.store, v, school.code, 'PUPILS', metadataFor(v));
    return { tree, school, pupilId, v, meta: metadataFor(v) };
  }
  const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'DATA_CONFIRMED' });

  it('enrolment, correction, removal, leaving, transfer in and promotion', async () => {
    const { school, pupilId, meta } = await confirmedSchool();
    const input = pupilInput() as PupilInputData;
    await refused(
      runPupilCommand(sys.store, school.code, { type: 'EnrolPupil', pupilId: randomUUID(), input }, meta),
    );
    await refused(
      runPupilCommand(
        sys.store,
        school.code,
        { type: 'CorrectPupil', pupilId, patch: { lastName: 'ใจดี' } },
        meta,
      ),
    );
    await refused(
      runPupilCommand(
        sys.store,
        school.code,
        { type: 'RemovePupilAsNonExistent', pupilId, reason: 'NEVER_ATTENDED', note: null },
        meta,
      ),
    );
    const today = todayInBangkok(new Date());
    await refused(
      runLifecycleCommand(
        sys.store,
        school.code,
        { type: 'RecordPupilLeft', pupilId, reason: 'WITHDREW', date: today, note: null },
        meta,
      ),
    );
    await refused(
      runLifecycleCommand(
        sys.store,
        school.code,
        {
          type: 'RecordPupilTransferredIn',
          pupilId: randomUUID(),
          input,
          date: today,
          fromInstitutionCode: null,
          note: null,
        },
        meta,
      ),
    );
    await refused(
      promotePupils(
        sys.store,
        school.code,
        { type: 'PromotePupils', academicYear: academicYearOf(today) },
        meta,
      ),
    );
    // A dry run of the promotion writes nothing, so it may still be previewed.
    await expect(
      promotePupils(
        sys.store,
        school.code,
        { type: 'PromotePupils', academicYear: academicYearOf(today) },
        meta,
        { dryRun: true },
      ),
    ).resolves.toMatchObject({ dryRun: true });
  });

  it('a spreadsheet import previews but does not commit', async () => {
    const { tree, school, v, meta } = await confirmedSchool();
    const csv = [
      'เลขประจำตัวประชาชน,คำนำหน้า,ชื่อ,นามสกุล,วันเดือนปีเกิด,ระดับชั้น,สัญชาติ',
      `${pupilInput().citizenId},ด.ช.,สมชาย,ใจดี,${P1_BIRTH},ป.1,ไทย`,
    ].join('\r\n');
    const preview = await previewImport(
      sys.store,
      v,
      { code: school.code, name: tree.school.name, kind: 'SCHOOL' },
      { fileName: 'pupils.csv', bytes: Buffer.from(csv) },
      'test',
    );
    expect(preview).toMatchObject({ validRows: 1, errorRowCount: 0 });
    await refused(commitImport(sys.store, v, preview.importId, meta));
    // Once the LAO revokes, the same import commits.
    const lao = viewerFor({ ...tree.lao, provinceCode: '44', laoCode: tree.lao.code });
    await revokeConfirmation(sys.store, lao, school.code, 'PUPILS', 'ขอเพิ่มนักเรียน', metadataFor(lao));
    await expect(commitImport(sys.store, v, preview.importId, meta)).resolves.toEqual({ committed: 1 });
  });

  it('a transfer is refused at either end while that end is confirmed', async () => {
    const requestFrom = async (receiverCode: string, pupilId: string) => {
      const p = await sys.dataSource.manager.findOneByOrFail(PupilRow, { id: pupilId });
      const { citizenId, prefix, firstName, lastName, sex, birthDate, nationality, grade } = p;
      const input = {
        citizenId,
        prefix,
        firstName,
        lastName,
        sex,
        birthDate,
        nationality,
        grade,
      } as PupilInputData;
      return requestPupilTransfer(
        sys.store,
        receiverCode,
        input,
        null,
        metadataFor(viewerFor({ code: receiverCode, kind: 'SCHOOL' })),
      );
    };
    const answer = (requestId: string, holder: { code: string; kind: OrgUnitKind }, accept: boolean) =>
      answerTransferRequest(
        sys.store,
        { requestId, accept, note: accept ? null : 'ยังเรียนอยู่' },
        holder,
        metadataFor(viewerFor(holder)),
      );

    // The holder is confirmed: it cannot let the pupil go, but may refuse (no register changes).
    const confirmed = await confirmedSchool();
    const open = await createLaoTree(sys.store, '44');
    const first = await requestFrom(open.school.code, confirmed.pupilId);
    await refused(answer(first.id, confirmed.school, true));
    await expect(answer(first.id, confirmed.school, false)).resolves.toMatchObject({ id: first.id });

    // The receiver is confirmed: the holder's acceptance would add to a locked register.
    const receiver = await confirmedSchool();
    const pupilId = await seedPupil(sys.store, open.school);
    const second = await requestFrom(receiver.school.code, pupilId);
    await refused(answer(second.id, open.school, true));
  });
});
