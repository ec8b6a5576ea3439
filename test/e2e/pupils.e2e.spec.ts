import { rebuildProjections } from '../../src/event-store/rebuild';
import { encodeCursor } from '../../src/modules/pupils/pupils.reads';
import { snapshotReadModels } from '../support/snapshot';
import { createLaoTree, signInAs } from '../support/factories';
import { pupilInput, validCitizenId } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id citizenId firstName grade status queries { field message } queryNote } }`;
const CORRECT = `mutation($id: ID!, $i: PupilPatch!) { correctPupil(pupilId: $id, input: $i) { id firstName grade } }`;
const REMOVE = `mutation($id: ID!, $r: NonExistenceReason!, $n: String) { removePupilAsNonExistent(pupilId: $id, reason: $r, note: $n) { reason reasonText note removedBy { username profile { firstName } } pupil { id status } } }`;
const LIST = `query($c: String!, $s: String, $g: Grade, $f: Int, $a: String) { pupils(institutionCode: $c, search: $s, grade: $g, first: $f, after: $a) { totalCount nodes { id citizenId firstName lastName grade } pageInfo { endCursor hasNextPage } } }`;

type Enrolled = {
  enrolPupil: { id: string; citizenId: string; queries: { field: string }[]; queryNote: string | null };
};

describe('pupils and children', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string;
  let cdc: string;
  let lao: string;
  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store);
    [school, cdc, lao] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, tree.cdc.code),
      signInAs(server, tree.lao.code),
    ]);
  });
  afterAll(() => server.close());

  const enrol = (input: Record<string, unknown>, token = school, code = tree.school.code) =>
    server.gql<Enrolled>(ENROL, { c: code, i: input }, { token });

  it('a school enrols a pupil; the school sees the whole ID, its LAO a masked one', async () => {
    const input = pupilInput({ citizenId: validCitizenId(), firstName: 'ปิยะ' });
    const res = await enrol({
      ...input,
      citizenId: `${input.citizenId.slice(0, 1)}-${input.citizenId.slice(1, 5)}-${input.citizenId.slice(5)}`,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.enrolPupil.citizenId).toBe(input.citizenId);
    const own = await server.gql<{ pupils: { nodes: { citizenId: string }[] } }>(
      LIST,
      { c: tree.school.code, s: 'ปิยะ' },
      { token: school },
    );
    expect(own.data?.pupils.nodes[0].citizenId).toBe(input.citizenId);
    const byLao = await server.gql<{ pupils: { nodes: { citizenId: string }[] } }>(
      LIST,
      { c: tree.school.code, s: 'ปิยะ' },
      { token: lao },
    );
    expect(byLao.data?.pupils.nodes[0].citizenId).not.toBe(input.citizenId);
    expect(byLao.data?.pupils.nodes[0].citizenId).toMatch(/x/);
  });

  it('refuses an invalid citizen ID with INVALID_CITIZEN_ID and bad fields with BAD_USER_INPUT', async () => {
    const bad = await enrol(pupilInput({ citizenId: '1234567890123' }));
    expect(codeOf(bad)).toBe('INVALID_CITIZEN_ID');
    expect(bad.errors?.[0].message).toMatch(/[ก-๙]/);
    const prefix = await enrol(pupilInput({ prefix: 'ด.ญ.' }));
    expect(codeOf(prefix)).toBe('BAD_USER_INPUT');
    expect(prefix.errors?.[0].extensions?.fields).toHaveProperty('prefix');
    const future = await enrol(pupilInput({ birthDate: '2099-01-01' }));
    expect(future.errors?.[0].extensions?.fields).toHaveProperty('birthDate');
    const cdcGrade = await enrol(pupilInput({ grade: 'P1' }), cdc, tree.cdc.code);
    expect(cdcGrade.errors?.[0].extensions?.fields).toHaveProperty('grade');
  });

  it('accepts a child at a CDC and a G-Code pupil', async () => {
    const year = new Date().getUTCFullYear() - 3;
    const child = await enrol(
      pupilInput({ grade: 'CDC', prefix: 'ด.ญ.', sex: 'FEMALE', birthDate: `${year}-01-10` }),
      cdc,
      tree.cdc.code,
    );
    expect(child.errors).toBeUndefined();
    const gcode = await enrol(
      pupilInput({
        citizenId: `G${String(new Date().getUTCFullYear() + 543 - 1).slice(2)}54${String(Date.now()).slice(-8)}`,
        nationality: 'เมียนมา',
      }),
    );
    expect(gcode.errors).toBeUndefined();
  });

  it('takes an unusual entry (far older than the grade) only with an explanation, and keeps it listed', async () => {
    const input = pupilInput({ birthDate: `${new Date().getUTCFullYear() - 11}-03-15` });
    const without = await enrol(input);
    expect(codeOf(without)).toBe('BAD_USER_INPUT');
    expect(without.errors?.[0].extensions?.fields).toHaveProperty('queryNote');
    const withNote = await enrol({ ...input, queryNote: 'ย้ายมาจากต่างประเทศ ไม่เคยเข้าเรียนมาก่อน' });
    expect(withNote.data?.enrolPupil.queries.map((q) => q.field)).toEqual(['birthDate']);
    expect(withNote.data?.enrolPupil.queryNote).toMatch(/ต่างประเทศ/);
  });

  it('refuses a citizen ID active at another institution, naming it', async () => {
    const other = await createLaoTree(server.sys.store);
    const otherSchool = await signInAs(server, other.school.code);
    const input = pupilInput();
    expect((await enrol(input)).errors).toBeUndefined();
    const dup = await enrol(input, otherSchool, other.school.code);
    expect(codeOf(dup)).toBe('DUPLICATE_PUPIL');
    expect(dup.errors?.[0].message).toContain(tree.school.name);
  });

  it('lets exactly one of two schools enrolling the same ID at the same moment succeed', async () => {
    const other = await createLaoTree(server.sys.store);
    const otherSchool = await signInAs(server, other.school.code);
    const input = pupilInput();
    const results = await Promise.all([enrol(input), enrol(input, otherSchool, other.school.code)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['DUPLICATE_PUPIL']);
  });

  it('corrects, removes as non-existent (kept in the register), and only the institution itself may', async () => {
    const { data } = await enrol(pupilInput());
    const id = data!.enrolPupil.id;
    expect(codeOf(await server.gql(CORRECT, { id, i: { firstName: 'ภูผา' } }, { token: lao }))).toBe(
      'FORBIDDEN',
    );
    const corrected = await server.gql<{ correctPupil: { firstName: string } }>(
      CORRECT,
      { id, i: { firstName: 'ภูผา', grade: 'P2' } },
      { token: school },
    );
    expect(corrected.data?.correctPupil.firstName).toBe('ภูผา');
    expect(codeOf(await server.gql(REMOVE, { id, r: 'NEVER_ATTENDED' }, { token: lao }))).toBe('FORBIDDEN');
    const removed = await server.gql<{
      removePupilAsNonExistent: { reasonText: string; removedBy: { username: string } };
    }>(REMOVE, { id, r: 'NEVER_ATTENDED', n: 'ไม่มาเรียนตั้งแต่เปิดภาค' }, { token: school });
    expect(removed.data?.removePupilAsNonExistent.reasonText).toBe('มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง');
    expect(removed.data?.removePupilAsNonExistent.removedBy.username).toBe(tree.school.code);
    expect(codeOf(await server.gql(REMOVE, { id, r: 'NEVER_ATTENDED' }, { token: school }))).toBe(
      'BAD_USER_INPUT',
    );
    const register = await server.gql<{ removedPupils: { pupil: { id: string } }[] }>(
      `{ removedPupils(institutionCode: "${tree.school.code}") { pupil { id } reason } }`,
      {},
      { token: lao },
    );
    expect(register.data?.removedPupils.map((r) => r.pupil.id)).toContain(id);
    const history = await server.gql<{ pupil: { history: { type: string; by: { username: string } }[] } }>(
      `{ pupil(id: "${id}") { history { type by { username } } } }`,
      {},
      { token: school },
    );
    expect(history.data?.pupil.history.map((h) => h.type)).toEqual([
      'PupilEnrolled',
      'PupilDetailsCorrected',
      'PupilRemovedAsNonExistent',
    ]);
    // The history is told in Thai by the server, for the LAO as for the school: no event data.
    const told = await server.gql<{
      pupil: { history: { label: string; detail: string; note: string | null }[] };
    }>(`{ pupil(id: "${id}") { history { label detail note } } }`, {}, { token: lao });
    expect(told.data?.pupil.history).toEqual([
      { label: 'เพิ่มข้อมูล', detail: expect.stringMatching(/^ชั้น /), note: null },
      { label: 'แก้ไขข้อมูล', detail: 'ชื่อ: ภูผา · ระดับชั้น: ป.2', note: null },
      {
        label: 'นำข้อมูลออกจากระบบ (ไม่มีตัวตน)',
        detail: 'มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง',
        note: 'ไม่มาเรียนตั้งแต่เปิดภาค',
      },
    ]);
  });

  it('pages through the register by grade and name, and filters by grade', async () => {
    const t = await createLaoTree(server.sys.store);
    const token = await signInAs(server, t.school.code);
    for (const name of ['ก้อง', 'ขวัญ', 'คณิน', 'งามตา', 'จิรา'])
      expect((await enrol(pupilInput({ firstName: name }), token, t.school.code)).errors).toBeUndefined();
    const page1 = await server.gql<{
      pupils: {
        totalCount: number;
        nodes: { firstName: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(LIST, { c: t.school.code, f: 2 }, { token });
    expect(page1.data?.pupils.totalCount).toBe(5);
    expect(page1.data?.pupils.pageInfo.hasNextPage).toBe(true);
    const all: string[] = [...page1.data!.pupils.nodes.map((n) => n.firstName)];
    let after = page1.data!.pupils.pageInfo.endCursor;
    for (;;) {
      const p = await server.gql<{
        pupils: { nodes: { firstName: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      }>(LIST, { c: t.school.code, f: 2, a: after }, { token });
      all.push(...p.data!.pupils.nodes.map((n) => n.firstName));
      if (!p.data!.pupils.pageInfo.hasNextPage) break;
      after = p.data!.pupils.pageInfo.endCursor;
    }
    expect(all.sort()).toEqual(['ก้อง', 'ขวัญ', 'คณิน', 'งามตา', 'จิรา']);
    // A page past the end (the list shrank since the cursor was given) still says how many there are.
    const past = await server.gql<{
      pupils: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean } };
    }>(LIST, { c: t.school.code, f: 2, a: encodeCursor(10) }, { token });
    expect(past.data?.pupils).toEqual({
      totalCount: 5,
      nodes: [],
      pageInfo: { endCursor: null, hasNextPage: false },
    });
    const p2 = await server.gql<{ pupils: { totalCount: number } }>(
      LIST,
      { c: t.school.code, g: 'P2' },
      { token },
    );
    expect(p2.data?.pupils.totalCount).toBe(0);
    expect(codeOf(await server.gql(LIST, { c: t.school.code, f: 500 }, { token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(LIST, { c: t.school.code }, { token: school }))).toBe('FORBIDDEN');
  });

  it('the register is reproduced exactly by replaying the events', async () => {
    const live = await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections);
    expect(live.pupils.length).toBeGreaterThan(5);
    await rebuildProjections(server.sys.store);
    expect(await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections)).toEqual(
      live,
    );
  });
});
