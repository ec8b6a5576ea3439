import { In } from 'typeorm';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { CONFIRM, openCurrentRound, REVOKE } from '../support/confirmation';
import { readPdfText } from '../support/pdf-text';
import { pupilInput, seedPupil } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const CHANGES = `query($c: String!, $d: Dataset!) { changesSinceConfirmation(orgUnitCode: $c, dataset: $d) {
  confirmationId roundId totalBefore totalAfter addedCount removedCount correctedCount
  grades { grade maleBefore femaleBefore maleAfter femaleAfter }
  added { pupilId citizenId name grade } removed { pupilId detail } corrected { pupilId detail } } }`;

interface Changes {
  confirmationId: string | null;
  totalBefore: number;
  totalAfter: number;
  addedCount: number;
  removedCount: number;
  correctedCount: number;
  grades: {
    grade: string;
    maleBefore: number;
    femaleBefore: number;
    maleAfter: number;
    femaleAfter: number;
  }[];
  added: { pupilId: string; citizenId: string; name: string; grade: string }[];
  removed: { pupilId: string; detail: string }[];
  corrected: { pupilId: string; detail: string }[];
}

describe('before confirming again: what changed, and the name list for posting (issue 12, item 6)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await openCurrentRound(server, await signInAdmin(server));
  });
  afterAll(() => server.close());

  it('lists the pupils added, removed and corrected since the last confirmation, and the counts by grade then and now', async () => {
    const tree = await createLaoTree(server.sys.store);
    const store = server.sys.store;
    const ids = [
      await seedPupil(store, tree.school),
      await seedPupil(store, tree.school),
      await seedPupil(store, tree.school),
    ];
    const school = await signInAs(server, tree.school.code);
    const lao = await signInAs(server, tree.lao.code);
    const never = await server.gql<{ changesSinceConfirmation: Changes }>(
      CHANGES,
      { c: tree.school.code, d: 'PUPILS' },
      { token: school },
    );
    expect(never.data?.changesSinceConfirmation).toMatchObject({
      confirmationId: null,
      totalBefore: 0,
      totalAfter: 3,
      addedCount: 3,
    });

    expect(
      (await server.gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, { token: school })).errors,
    ).toBeUndefined();
    const unchanged = await server.gql<{ changesSinceConfirmation: Changes }>(
      CHANGES,
      { c: tree.school.code, d: 'PUPILS' },
      { token: school },
    );
    expect(unchanged.data?.changesSinceConfirmation).toMatchObject({
      totalBefore: 3,
      totalAfter: 3,
      addedCount: 0,
      removedCount: 0,
      correctedCount: 0,
    });
    expect(
      (await server.gql(REVOKE, { c: tree.school.code, d: 'PUPILS', r: 'แก้ไขรายชื่อ' }, { token: lao })).errors,
    ).toBeUndefined();

    const enrolled = await server.gql<{ enrolPupil: { id: string } }>(
      `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
      { c: tree.school.code, i: pupilInput({ sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'มาลี' }) },
      { token: school },
    );
    const newId = enrolled.data!.enrolPupil.id;
    await server.gql(
      `mutation($id: ID!) { correctPupil(pupilId: $id, input: { firstName: "สมศักดิ์" }) { id } }`,
      { id: ids[0] },
      { token: school },
    );
    await server.gql(
      `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: NEVER_ATTENDED) { reason } }`,
      { id: ids[1] },
      { token: school },
    );

    const res = await server.gql<{ changesSinceConfirmation: Changes }>(
      CHANGES,
      { c: tree.school.code, d: 'PUPILS' },
      { token: school },
    );
    const c = res.data!.changesSinceConfirmation;
    expect(c.confirmationId).not.toBeNull();
    expect([c.totalBefore, c.totalAfter, c.addedCount, c.removedCount, c.correctedCount]).toEqual([
      3, 3, 1, 1, 1,
    ]);
    expect(c.added.map((p) => p.pupilId)).toEqual([newId]);
    expect(c.added[0].name).toBe('ด.ญ.มาลี ใจงาม');
    const full = await server.sys.dataSource.manager.findOneByOrFail(PupilRow, { id: newId });
    expect(c.added[0].citizenId).toBe(full.citizenId);
    expect(c.removed).toEqual([{ pupilId: ids[1], detail: 'นำออกเพราะไม่มีตัวตน' }]);
    expect(c.corrected).toEqual([{ pupilId: ids[0], detail: 'ชื่อ' }]);
    expect(c.grades).toEqual([{ grade: 'P1', maleBefore: 3, femaleBefore: 0, maleAfter: 2, femaleAfter: 1 }]);

    // The LAO sees the same, IDs masked; the LAO's own (never confirmed) dataset shows its live counts.
    const byLao = await server.gql<{ changesSinceConfirmation: Changes }>(
      CHANGES,
      { c: tree.school.code, d: 'PUPILS' },
      { token: lao },
    );
    expect(byLao.data!.changesSinceConfirmation.added[0].citizenId).toMatch(/x{4}/);
    const laoOwn = await server.gql<{ changesSinceConfirmation: Changes }>(
      CHANGES,
      { c: tree.lao.code, d: 'PUPILS' },
      { token: lao },
    );
    expect(laoOwn.data!.changesSinceConfirmation).toMatchObject({ totalBefore: 0, totalAfter: 3, added: [] });
    const outsider = await signInAs(server, (await createLaoTree(server.sys.store)).school.code);
    expect(
      (await server.gql(CHANGES, { c: tree.school.code, d: 'PUPILS' }, { token: outsider })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('prints the public name list for posting: names and grades, no IDs, at any time', async () => {
    const tree = await createLaoTree(server.sys.store);
    const ids = [
      await seedPupil(server.sys.store, tree.school),
      await seedPupil(server.sys.store, tree.school),
    ];
    const pupils = await server.sys.dataSource.manager.findBy(PupilRow, { id: In(ids) });
    const lao = await signInAs(server, tree.lao.code);
    const res = await fetch(`${server.url}/reports/posting-list/${tree.school.code}.pdf`, {
      headers: { authorization: `Bearer ${lao}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdfText(Buffer.from(await res.arrayBuffer()));
    expect(pdf.flat).toContain('ประกาศรายชื่อนักเรียน');
    expect(pdf.flat).toContain('จำนวน2คน');
    for (const p of pupils) {
      expect(pdf.flat).toContain(`${p.prefix}${p.firstName}${p.lastName}`);
      expect(pdf.flat).not.toContain(p.citizenId.slice(-6));
    }
    expect(pdf.flat).toContain('ป.1');
    expect(pdf.flat).not.toMatch(/\d{13}|x{4}/);

    const outsider = await signInAs(server, (await createLaoTree(server.sys.store)).lao.code);
    const refused = await fetch(`${server.url}/reports/posting-list/${tree.school.code}.pdf`, {
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(refused.status).toBe(403);
    const notInstitution = await fetch(`${server.url}/reports/posting-list/${tree.lao.code}.pdf`, {
      headers: { authorization: `Bearer ${lao}` },
    });
    expect(notInstitution.status).toBe(400);
    expect(((await notInstitution.json()) as { message: string }).message).toMatch(
      /เฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก/,
    );
  });
});
