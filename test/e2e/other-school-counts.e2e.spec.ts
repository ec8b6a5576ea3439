import { readStream } from '../../src/event-store/event-store';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { otherSchoolStreamId } from '../../src/modules/other-schools/other-school.events';
import { createLaoTree, createUnit, PROFILE, signInAdmin, signInAs } from '../support/factories';
import { codeOf, startTestServer, type GqlResponse, type TestServer } from '../support/test-server';

const RECORD = `mutation($s: String!, $c: [GradeCountInput!]!, $st: OtherSchoolStatus, $n: String) {
  recordOtherSchoolCounts(schoolCode: $s, counts: $c, status: $st, note: $n) {
    school { code kind } recorded status note male female total recordedAt
    counts { grade label male female total }
    recordedBy { username profile { firstName lastName position } }
  }
}`;
const READ = `query($s: String!) { otherSchoolCounts(schoolCode: $s) { school { code } recorded status total } }`;
const LIST = `query($l: String!) { otherSchools(laoCode: $l) { school { code } recorded status total counts { grade } } }`;

interface Recorded {
  school: { code: string; kind: string };
  recorded: boolean;
  status: string | null;
  note: string | null;
  male: number | null;
  female: number | null;
  total: number | null;
  counts: { grade: string; label: string; male: number; female: number; total: number }[] | null;
  recordedBy: { username: string; profile: { firstName: string; lastName: string; position: string } } | null;
}

/** One row per grade K1–P6; `male`/`female` may depend on the grade's position. */
const counts = (male: (i: number) => number, female: (i: number) => number = male) =>
  otherSchoolGrades.map((grade, i) => ({ grade, male: male(i), female: female(i) }));
const zeros = counts(() => 0);

describe('other-affiliation counts (recordOtherSchoolCounts, otherSchoolCounts, otherSchools)', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let otherTree: Awaited<ReturnType<typeof createLaoTree>>;
  let lao: string;
  const record = (token: string, s: string, c: unknown, extra: { st?: string; n?: string } = {}) =>
    server.gql<{ recordOtherSchoolCounts: Recorded }>(RECORD, { s, c, ...extra }, { token });
  const fields = (res: GqlResponse) => res.errors?.[0]?.extensions?.fields ?? {};

  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store, '54');
    otherTree = await createLaoTree(server.sys.store, '54');
    lao = await signInAs(server, tree.lao.code);
  });
  afterAll(() => server.close());

  it('the funding LAO records its other school per grade; re-recording changes the figures', async () => {
    const first = await record(
      lao,
      tree.otherSchool.code,
      counts(
        (i) => i + 1,
        (i) => 2 * i,
      ),
    );
    expect(first.errors).toBeUndefined();
    const r = first.data!.recordOtherSchoolCounts;
    expect(r).toMatchObject({
      school: { code: tree.otherSchool.code, kind: 'OTHER_SCHOOL' },
      recorded: true,
      status: 'OPEN',
      note: null,
      male: 45,
      female: 72,
      total: 117,
      recordedBy: {
        username: tree.lao.code,
        profile: { firstName: PROFILE.firstName, position: PROFILE.position },
      },
    });
    expect(r.counts!.map((c) => c.grade)).toEqual([...otherSchoolGrades]);
    expect(r.counts![3]).toEqual({ grade: 'P1', label: 'ป.1', male: 4, female: 6, total: 10 });

    const second = await record(
      lao,
      tree.otherSchool.code,
      counts(() => 10),
    );
    expect(second.data?.recordOtherSchoolCounts).toMatchObject({ total: 180, male: 90, female: 90 });
    const read = await server.gql(READ, { s: tree.otherSchool.code }, { token: lao });
    expect(read.data?.otherSchoolCounts).toMatchObject({ recorded: true, total: 180 });

    // The same figures again are no new record.
    await record(
      lao,
      tree.otherSchool.code,
      counts(() => 10),
    );
    const events = await readStream(
      server.sys.dataSource.manager,
      otherSchoolStreamId(tree.otherSchool.code),
    );
    expect(events.map((e) => e.type)).toEqual(['OtherSchoolCountsRecorded', 'OtherSchoolCountsRecorded']);
  });

  it('a closed school is recorded as 0 in every grade, with a note', async () => {
    const closed = await createUnit(server.sys.store, 'OTHER_SCHOOL', tree.lao.code);
    const res = await record(lao, closed.code, zeros, {
      st: 'CLOSED',
      n: 'ยุบตามประกาศ สพป. ลงวันที่ 1 พ.ค. 2568',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordOtherSchoolCounts).toMatchObject({
      status: 'CLOSED',
      note: 'ยุบตามประกาศ สพป. ลงวันที่ 1 พ.ค. 2568',
      total: 0,
    });
    expect(res.data?.recordOtherSchoolCounts.counts?.every((c) => c.total === 0)).toBe(true);
  });

  it('refuses incomplete or impossible counts, naming each field in Thai, and records nothing', async () => {
    const school = await createUnit(server.sys.store, 'OTHER_SCHOOL', tree.lao.code);
    const missing = await record(
      lao,
      school.code,
      counts(() => 3).filter((c) => c.grade !== 'P6'),
    );
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(fields(missing)['counts.P6']).toMatch(/ป\.6.*0 \(เลขศูนย์\)/);

    const negative = await record(
      lao,
      school.code,
      counts(
        (i) => (i === 0 ? -2 : 3),
        () => 3,
      ),
    );
    expect(fields(negative)).toEqual({ 'counts.K1.male': expect.stringMatching(/ไม่ติดลบ/) });

    const closedWithPupils = await record(
      lao,
      school.code,
      counts((i) => (i === 3 ? 5 : 0)),
      { st: 'MERGED' },
    );
    expect(codeOf(closedWithPupils)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(closedWithPupils)).sort()).toEqual([
      'counts.P1.female',
      'counts.P1.male',
      'note',
    ]);
    expect(closedWithPupils.errors?.[0].message).toMatch(/รวมสถานศึกษาต้องกรอกจำนวนนักเรียนเป็น 0/);

    const zerosNoNote = await record(lao, school.code, zeros);
    expect(fields(zerosNoNote)).toEqual({ note: expect.stringMatching(/ทุกชั้นเป็น 0.*เหตุผล/) });

    const secondary = await record(lao, school.code, [
      ...counts(() => 1),
      { grade: 'M1', male: 1, female: 1 },
    ]);
    expect(fields(secondary)).toEqual({ 'counts.M1': expect.stringMatching(/ม\.1 ไม่ต้องบันทึก/) });

    const ownSchool = await record(
      lao,
      tree.school.code,
      counts(() => 1),
    );
    expect(fields(ownSchool).schoolCode).toMatch(/ไม่ใช่สถานศึกษาสังกัดอื่น/);

    const read = await server.gql<{ otherSchoolCounts: Recorded }>(READ, { s: school.code }, { token: lao });
    expect(read.data?.otherSchoolCounts).toMatchObject({ recorded: false, status: null, total: null });
  });

  it('only the funding LAO records: another LAO, a school, the province and the department are refused', async () => {
    const valid = counts(() => 1);
    const otherLao = await signInAs(server, otherTree.lao.code);
    const school = await signInAs(server, tree.school.code);
    const province = await signInAs(server, '54');
    const department = await signInAdmin(server);
    for (const token of [otherLao, school, province, department])
      expect(codeOf(await record(token, tree.otherSchool.code, valid))).toBe('FORBIDDEN');
    const refused = await record(otherLao, tree.otherSchool.code, valid);
    expect(refused.errors?.[0].message).toMatch(/อปท\. ที่อุดหนุน/);
    // The LAO of the other tree cannot record this tree's school, nor the reverse.
    expect(codeOf(await record(lao, otherTree.otherSchool.code, valid))).toBe('FORBIDDEN');
  });

  it('the LAO, its province and the department read the counts; the LAO sees which schools are missing', async () => {
    const recorded = await createUnit(server.sys.store, 'OTHER_SCHOOL', tree.lao.code);
    const missing = await createUnit(server.sys.store, 'OTHER_SCHOOL', tree.lao.code);
    await record(
      lao,
      recorded.code,
      counts(() => 2),
    );
    const province = await signInAs(server, '54');
    const department = await signInAdmin(server);
    for (const token of [lao, province, department]) {
      const one = await server.gql<{ otherSchoolCounts: Recorded }>(READ, { s: recorded.code }, { token });
      expect(one.data?.otherSchoolCounts).toMatchObject({ school: { code: recorded.code }, total: 36 });
      const list = await server.gql<{ otherSchools: Recorded[] }>(LIST, { l: tree.lao.code }, { token });
      expect(list.errors).toBeUndefined();
      const byCode = new Map(list.data!.otherSchools.map((s) => [s.school.code, s]));
      expect(byCode.get(recorded.code)).toMatchObject({ recorded: true, status: 'OPEN', total: 36 });
      expect(byCode.get(missing.code)).toEqual({
        school: { code: missing.code },
        recorded: false,
        status: null,
        total: null,
        counts: null,
      });
      expect([...byCode.keys()]).not.toContain(tree.school.code);
    }
    const school = await signInAs(server, tree.school.code);
    const otherLao = await signInAs(server, otherTree.lao.code);
    for (const token of [school, otherLao]) {
      expect(codeOf(await server.gql(READ, { s: recorded.code }, { token }))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(LIST, { l: tree.lao.code }, { token }))).toBe('FORBIDDEN');
    }
  });

  it("every record is an event carrying the LAO's account and the profile in force", async () => {
    const school = await createUnit(server.sys.store, 'OTHER_SCHOOL', tree.lao.code);
    await record(
      lao,
      school.code,
      counts(() => 4),
    );
    await record(lao, school.code, zeros, { st: 'DISSOLVED', n: 'เลิกสถานศึกษา' });
    const [account]: { id: string; profile_id: string }[] = await server.sys.dataSource.query(
      `SELECT id, profile_id FROM accounts WHERE org_unit_code = $1`,
      [tree.lao.code],
    );
    const events = await readStream(server.sys.dataSource.manager, otherSchoolStreamId(school.code));
    expect(events.map((e) => [e.type, (e.data as { status: string }).status])).toEqual([
      ['OtherSchoolCountsRecorded', 'OPEN'],
      ['OtherSchoolCountsRecorded', 'DISSOLVED'],
    ]);
    for (const e of events) {
      expect(e.data).toMatchObject({ schoolCode: school.code, laoCode: tree.lao.code });
      expect(e.metadata).toMatchObject({
        accountId: account.id,
        profileId: account.profile_id,
        orgUnitCode: tree.lao.code,
      });
    }
    // Whatever else was recorded here, it was by the school's own LAO, under a named person.
    const all: { lao: string; unit: string; profile: string | null }[] = await server.sys.dataSource.query(
      `SELECT data->>'laoCode' AS lao, metadata->>'orgUnitCode' AS unit, metadata->>'profileId' AS profile
         FROM events WHERE stream_id LIKE 'OtherSchool-%'`,
    );
    for (const e of all) expect(e.unit === e.lao && e.profile !== null).toBe(true);
  });
});
