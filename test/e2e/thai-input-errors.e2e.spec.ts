import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { systemMetadata } from '../../src/event-store/event';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { createLaoTree, login, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { codeOf, startTestServer, type GqlResponse, type TestServer } from '../support/test-server';

const THAI = /\p{Script=Thai}/u;
const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const COUNTS = `mutation($s: String!, $c: [GradeCountInput!]!) { recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total } }`;

function fieldsOf(res: GqlResponse): Record<string, string> {
  expect(codeOf(res)).toBe('BAD_USER_INPUT');
  for (const e of res.errors ?? []) {
    expect(e.message).toMatch(THAI);
    expect(e.message).not.toMatch(/Variable|cannot represent|must be/);
  }
  return Object.assign({}, ...(res.errors ?? []).map((e) => e.extensions?.fields ?? {}));
}

describe('every common mistake is answered in Thai at its field (issue 12, item 2)', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string;
  let lao: string;
  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store);
    school = await signInAs(server, tree.school.code);
    lao = await signInAs(server, tree.lao.code);
  });
  afterAll(() => server.close());

  it('sex not chosen, and a sex not in the list', async () => {
    const blank = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ sex: '' }) },
      { token: school },
    );
    expect(fieldsOf(blank)).toEqual({ 'input.sex': 'กรุณาเลือกเพศ' });
    const missing = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ sex: undefined }) },
      { token: school },
    );
    expect(fieldsOf(missing)).toEqual({ 'input.sex': 'กรุณาเลือกเพศ' });
  });

  it('a blank, a word and null in the counts grid name the row and column', async () => {
    const counts = otherSchoolGrades.map((grade) => ({ grade, male: 1, female: 1 }));
    const res = await server.gql(
      COUNTS,
      {
        s: tree.otherSchool.code,
        c: counts.map((c, i) =>
          i === 2
            ? { ...c, male: null }
            : i === 3
              ? { ...c, female: 'สิบ' }
              : i === 4
                ? { ...c, male: '' }
                : c,
        ),
      },
      { token: lao },
    );
    const fields = fieldsOf(res);
    expect(fields['counts.2.male']).toMatch(/กรุณากรอกจำนวนนักเรียนชายเป็นตัวเลข/);
    expect(fields['counts.3.female']).toMatch(/ตัวเลขเท่านั้น/);
    expect(fields['counts.4.male']).toMatch(/กรุณากรอก/);
  });

  it('a word in an Int argument', async () => {
    const res = await server.gql(
      `query($c: String!, $f: Int) { pupils(institutionCode: $c, first: $f) { totalCount } }`,
      { c: tree.school.code, f: 'ห้าสิบ' },
      { token: school },
    );
    expect(fieldsOf(res)).toEqual({ first: 'จำนวนรายการต่อหน้าต้องเป็นตัวเลขเท่านั้น' });
  });

  it('class-validator limits come back in Thai ("birthDate must be longer than…")', async () => {
    const res = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ birthDate: '' }) },
      { token: school },
    );
    expect(fieldsOf(res)).toEqual({ birthDate: 'กรุณากรอกวันเกิด' });
    const long = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ firstName: 'ก'.repeat(101) }) },
      { token: school },
    );
    expect(fieldsOf(long).firstName).toBe('ชื่อต้องยาวไม่เกิน 100 ตัวอักษร (กรอกมา 101 ตัวอักษร)');
  });

  it('a Christian-era year typed in the Buddhist-era box is refused, saying which era', async () => {
    const res = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ birthDate: '1475-03-15' }) },
      { token: school },
    );
    expect(fieldsOf(res).birthDate).toMatch(/2018 น่าจะเป็นปี ค\.ศ\..*พ\.ศ\. คือ 2561/);
  });

  it('a query without its note: one Thai message, no field names in brackets', async () => {
    const res = await server.gql(
      ENROL,
      { c: tree.school.code, i: pupilInput({ citizenId: 'G644200000001' }) },
      { token: school },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].message).not.toMatch(/\(\w+\)/);
    expect(res.errors?.[0].extensions?.fields?.queryNote).toBe('กรุณาระบุเหตุผล');
  });

  it('a phone number of 5 digits says the length is wrong', async () => {
    const issued = await issueCredentials(
      server.sys.store,
      { orgUnitCode: tree.cdc.code },
      systemMetadata('t'),
      {
        ip: null,
        userAgent: null,
        requestId: 't',
      },
    );
    const token = await login(server, issued.username, issued.initialPassword);
    const res = await server.gql(
      `mutation($p: ProfileInput!, $n: String!) { completeFirstLogin(profile: $p, newPassword: $n) { username } }`,
      { p: { firstName: 'สมใจ', lastName: 'ดีมาก', position: 'ครู', phone: '08123' }, n: 'Phone-test-2568' },
      { token },
    );
    expect(fieldsOf(res).phone).toMatch(/10 หลัก \(มือถือ\) แต่กรอกมา 5 หลัก/);
  });
});
