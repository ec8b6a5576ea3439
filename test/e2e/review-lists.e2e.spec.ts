import { systemMetadata } from '../../src/event-store/event';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { requestPupilTransfer } from '../../src/modules/pupils/request-pupil-transfer';
import { openCurrentRound } from '../support/confirmation';
import { createLaoTree, createUnit, signInAdmin, signInAs } from '../support/factories';
import { pupilInput, seedPupil } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const REVIEW = `query($c: String!, $i: String) { reviewLists(orgUnitCode: $c, institutionCode: $i) {
  queryNoteCount gCodeCount recentRemovalCount overdueTransferCount
  institutions { orgUnit { code } queryNoteCount gCodeCount recentRemovalCount overdueTransferCount
    items { kind pupilId citizenId name note } } } }`;
const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;

interface Review {
  queryNoteCount: number;
  gCodeCount: number;
  recentRemovalCount: number;
  overdueTransferCount: number;
  institutions: {
    orgUnit: { code: string };
    queryNoteCount: number;
    gCodeCount: number;
    recentRemovalCount: number;
    overdueTransferCount: number;
    items: { kind: string; pupilId: string; citizenId: string; name: string; note: string | null }[];
  }[];
}

describe('review lists for the LAO and the province (issue 12, item 5)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('lists, per institution, query-noted and G-Code pupils, recent removals and overdue transfer requests, IDs masked, with counts on the status rows', async () => {
    const tree = await createLaoTree(server.sys.store, '62');
    const school = await signInAs(server, tree.school.code);
    // A G-Code pupil recorded as Thai is accepted only with a note: both lists.
    const gCode = await server.gql<{ enrolPupil: { id: string } }>(
      ENROL,
      {
        c: tree.school.code,
        i: pupilInput({ citizenId: 'G644200000001', queryNote: 'มีสูติบัตรไทย รอเลขประจำตัว' }),
      },
      { token: school },
    );
    expect(gCode.errors).toBeUndefined();
    const removedId = await seedPupil(server.sys.store, tree.school);
    await server.gql(
      `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: NEVER_ATTENDED) { reason } }`,
      { id: removedId },
      { token: school },
    );
    const heldId = await seedPupil(server.sys.store, tree.school);
    const held = await server.sys.dataSource.manager.findOneByOrFail(PupilRow, { id: heldId });
    const receiver = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    const request = await requestPupilTransfer(
      server.sys.store,
      receiver.code,
      held,
      null,
      systemMetadata('test'),
    );
    // Fifteen days unanswered: past the 14 days an institution has to answer.
    await server.sys.dataSource.query(
      `UPDATE pupil_transfer_requests SET requested_at = now() - interval '15 days' WHERE id = $1`,
      [request.id],
    );

    const lao = await signInAs(server, tree.lao.code);
    const res = await server.gql<{ reviewLists: Review }>(REVIEW, { c: tree.lao.code }, { token: lao });
    const r = res.data!.reviewLists;
    expect([r.queryNoteCount, r.gCodeCount, r.recentRemovalCount, r.overdueTransferCount]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(r.institutions).toHaveLength(1);
    const items = r.institutions[0].items;
    expect(r.institutions[0].orgUnit.code).toBe(tree.school.code);
    expect(items.map((i) => i.kind).sort()).toEqual([
      'G_CODE',
      'OVERDUE_TRANSFER',
      'QUERY_NOTE',
      'RECENT_REMOVAL',
    ]);
    expect(items.find((i) => i.kind === 'QUERY_NOTE')).toMatchObject({
      pupilId: gCode.data!.enrolPupil.id,
      note: 'มีสูติบัตรไทย รอเลขประจำตัว',
    });
    expect(items.find((i) => i.kind === 'G_CODE')?.citizenId).toBe('Gxxxxxxxx0001');
    expect(items.find((i) => i.kind === 'RECENT_REMOVAL')).toMatchObject({
      pupilId: removedId,
      note: expect.stringMatching(/\p{Script=Thai}/u),
    });
    expect(items.find((i) => i.kind === 'OVERDUE_TRANSFER')).toMatchObject({
      pupilId: heldId,
      note: `ขอย้ายไปสถานศึกษารหัส ${receiver.code}`,
    });
    for (const i of items) expect(i.citizenId).not.toMatch(/^\d{13}$/);

    const province = await signInAs(server, '62');
    const byProvince = await server.gql<{ reviewLists: Review }>(REVIEW, { c: '62' }, { token: province });
    expect(byProvince.data!.reviewLists.gCodeCount).toBe(1);
    await openCurrentRound(server, await signInAdmin(server));
    const status = await server.gql<{
      confirmationStatus: {
        reviewCounts: { gCodeCount: number; overdueTransferCount: number };
        children: {
          orgUnit: { code: string };
          reviewCounts: { queryNoteCount: number; recentRemovalCount: number };
        }[];
      };
    }>(
      `query($c: String!) { confirmationStatus(orgUnitCode: $c) { reviewCounts { gCodeCount overdueTransferCount } children { orgUnit { code } reviewCounts { queryNoteCount recentRemovalCount } } } }`,
      { c: tree.lao.code },
      { token: province },
    );
    const s = status.data!.confirmationStatus;
    expect(s.reviewCounts).toEqual({ gCodeCount: 1, overdueTransferCount: 1 });
    expect(s.children.find((c) => c.orgUnit.code === tree.school.code)?.reviewCounts).toEqual({
      queryNoteCount: 1,
      recentRemovalCount: 1,
    });
    expect(s.children.find((c) => c.orgUnit.code === tree.cdc.code)?.reviewCounts).toEqual({
      queryNoteCount: 0,
      recentRemovalCount: 0,
    });

    const outsider = await signInAs(server, (await createLaoTree(server.sys.store, '62')).lao.code);
    expect(
      (await server.gql(REVIEW, { c: tree.lao.code }, { token: outsider })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
