import ExcelJS from 'exceljs';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { CONFIRM, openCurrentRound } from '../support/confirmation';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const CORRECT = `mutation($id: ID!, $p: PupilPatch!) { correctPupil(pupilId: $id, input: $p) { id } }`;
const RECORD = `mutation($s: String!, $c: [GradeCountInput!]!) { recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total } }`;
const COUNTS = `query($c: String!, $d: String, $r: ID, $co: Boolean) {
  enrolmentCounts(orgUnitCode: $c, district: $d, roundId: $r, confirmedOnly: $co) {
    orgUnit { code kind } mode district referenceDate total male female
    rows { grade label sex count }
    enrolled { total rows { grade sex count } }
    otherSchools { total rows { grade sex count } }
    combined { total }
    byNationality { nationality male female total }
    cdcAgeGroups { ageGroup total }
    confirmedUpTo provisional { level label total enrolled { total } }
  }
}`;
const AS_OF = `query($c: String!, $at: String!) {
  enrolmentCountsAsOf(orgUnitCode: $c, at: $at) { mode at total enrolled { total } byNationality { nationality total } }
}`;

interface Counts {
  orgUnit: { code: string; kind: string };
  mode: string;
  total: number;
  rows: { grade: string; label: string; sex: string; count: number }[];
  enrolled: { total: number; rows: { grade: string; sex: string; count: number }[] };
  otherSchools: { total: number };
  combined: { total: number };
  byNationality: { nationality: string; total: number }[] | null;
  cdcAgeGroups: { ageGroup: string; total: number }[] | null;
  confirmedUpTo: string | null;
  provisional: { level: string; label: string; total: number; enrolled: { total: number } }[];
}

describe('figures over HTTP: enrolmentCounts, enrolmentCountsAsOf, GET /exports/counts/<unit>.xlsx', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string, cdc: string, lao: string, admin: string;
  const counts = async (token: string, vars: Record<string, unknown>) => {
    const res = await server.gql<{ enrolmentCounts: Counts }>(COUNTS, vars, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.enrolmentCounts;
  };

  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store, '54');
    [school, cdc, lao, admin] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, tree.cdc.code),
      signInAs(server, tree.lao.code),
      signInAdmin(server),
    ]);
    const year = new Date().getUTCFullYear();
    for (const i of [
      pupilInput(),
      pupilInput({ sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'กานดา' }),
      pupilInput({ nationality: 'เมียนมา' }),
    ])
      expect((await server.gql(ENROL, { c: tree.school.code, i }, { token: school })).errors).toBeUndefined();
    const child = pupilInput({ grade: 'CDC', birthDate: `${year - 3}-01-10` });
    expect((await server.gql(ENROL, { c: tree.cdc.code, i: child }, { token: cdc })).errors).toBeUndefined();
    const rec = await server.gql(
      RECORD,
      {
        s: tree.otherSchool.code,
        c: otherSchoolGrades.map((grade) => ({ grade, male: grade === 'P1' ? 5 : 0, female: 0 })),
      },
      { token: lao },
    );
    expect(rec.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('gives an LAO its register, its funded schools, both together, nationality and CDC ages', async () => {
    const c = await counts(lao, { c: tree.lao.code });
    expect(c).toMatchObject({ orgUnit: { code: tree.lao.code, kind: 'LAO' }, mode: 'LIVE', total: 9 });
    expect(c.enrolled.total).toBe(4);
    expect(c.otherSchools.total).toBe(5);
    expect(c.combined.total).toBe(9);
    expect(c.rows).toEqual(
      expect.arrayContaining([
        { grade: 'P1', label: 'ป.1', sex: 'MALE', count: 7 },
        { grade: 'P1', label: 'ป.1', sex: 'FEMALE', count: 1 },
        { grade: 'CDC', label: 'เด็กเล็ก', sex: 'MALE', count: 1 },
      ]),
    );
    expect(c.byNationality).toEqual([
      { nationality: 'THAI', male: 2, female: 1, total: 3 },
      { nationality: 'OTHER', male: 1, female: 0, total: 1 },
    ]);
    expect(c.cdcAgeGroups?.reduce((n, g) => n + g.total, 0)).toBe(1);
    const district = await counts(admin, { c: '54', d: 'เมือง' });
    expect(district.enrolled.total).toBeGreaterThanOrEqual(4);
  });

  it('lets a school read its own counts but not its LAO, and explains a confirmed read without a round', async () => {
    expect((await counts(school, { c: tree.school.code })).enrolled.total).toBe(3);
    const lao = await server.gql(COUNTS, { c: tree.lao.code }, { token: school });
    expect(codeOf(lao)).toBe('FORBIDDEN');
    expect(lao.errors?.[0]?.message).toMatch(/สิทธิ์/);
    const none = await server.gql(COUNTS, { c: tree.school.code, co: true }, { token: school });
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(COUNTS, { c: tree.school.code }))).toBe('UNAUTHENTICATED');
  });

  it('replays the counts as they stood before a correction', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const list = await server.gql<{ pupils: { nodes: { id: string; nationality: string }[] } }>(
      `query($c: String!) { pupils(institutionCode: $c) { nodes { id nationality } } }`,
      { c: tree.school.code },
      { token: school },
    );
    const other = list.data!.pupils.nodes.find((p) => p.nationality === 'เมียนมา')!;
    expect(
      (await server.gql(CORRECT, { id: other.id, p: { nationality: 'ไทย' } }, { token: school })).errors,
    ).toBeUndefined();
    const then = await server.gql<{
      enrolmentCountsAsOf: { mode: string; byNationality: { total: number }[] };
    }>(AS_OF, { c: tree.school.code, at: before }, { token: school });
    expect(then.data?.enrolmentCountsAsOf).toMatchObject({
      mode: 'AS_OF',
      byNationality: [{ total: 2 }, { total: 1 }],
    });
    const now = await counts(school, { c: tree.school.code });
    expect(now.byNationality?.map((n) => n.total)).toEqual([3, 0]);
  });

  it('exports any unit it may read as xlsx with Thai headers, and refuses one outside its scope', async () => {
    const res = await fetch(`${server.url}/exports/counts/${tree.lao.code}.xlsx`, {
      headers: { authorization: `Bearer ${lao}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['จำนวนนักเรียน', 'สัญชาติ', 'ช่วงอายุเด็กเล็ก', 'รายหน่วยงาน']);
    const rows = wb
      .getWorksheet('จำนวนนักเรียน')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(String(rows[0][0])).toContain(tree.lao.code);
    const header = rows.find((r) => r[0] === 'ระดับชั้น')!;
    expect(header.slice(1, 4)).toEqual(['นักเรียนในระบบ ชาย', 'นักเรียนในระบบ หญิง', 'นักเรียนในระบบ รวม']);
    expect(rows.find((r) => r[0] === 'ป.1')).toEqual(['ป.1', 2, 1, 3, 5, 0, 5, 7, 1, 8]);
    expect(rows.find((r) => r[0] === 'รวม')).toEqual(['รวม', 3, 1, 4, 5, 0, 5, 8, 1, 9]);
    const units = wb
      .getWorksheet('รายหน่วยงาน')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(units.map((u) => u[0])).toEqual(
      expect.arrayContaining([tree.school.code, tree.cdc.code, tree.otherSchool.code]),
    );

    const refused = await fetch(`${server.url}/exports/counts/${tree.lao.code}.xlsx`, {
      headers: { authorization: `Bearer ${school}` },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fetch(`${server.url}/exports/counts/54.xlsx`)).status).toBe(401);
  });

  it('gives the confirmed figures of a round up to the level asked, in GraphQL and in the export', async () => {
    const roundId = await openCurrentRound(server, admin);
    const res = await server.gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, { token: school });
    expect(res.errors).toBeUndefined();
    // The school's confirmation is official for the school, provisional for its LAO until the LAO confirms.
    expect(await counts(school, { c: tree.school.code, r: roundId, co: true })).toMatchObject({
      total: 3,
      confirmedUpTo: 'INSTITUTION',
      provisional: [],
    });
    const before = await counts(lao, { c: tree.lao.code, r: roundId, co: true });
    expect(before).toMatchObject({ total: 0, confirmedUpTo: 'LAO' });
    expect(before.provisional).toEqual([
      expect.objectContaining({ level: 'INSTITUTION', total: 3, enrolled: { total: 3 } }),
    ]);
    expect(before.provisional[0].label).toMatch(/ยืนยันแล้วถึงระดับสถานศึกษา แต่อปท\.ยังไม่ยืนยัน/);
    expect(
      (await server.gql(CONFIRM, { c: tree.lao.code, d: 'PUPILS' }, { token: lao })).errors,
    ).toBeUndefined();
    const c = await counts(lao, { c: tree.lao.code, r: roundId, co: true });
    expect(c.provisional).toEqual([]);
    expect(c).toMatchObject({ mode: 'CONFIRMED', total: 3, byNationality: null, cdcAgeGroups: null });
    expect(c.enrolled.total).toBe(3);
    const live = await counts(lao, { c: tree.lao.code, r: roundId });
    expect(live).toMatchObject({ mode: 'LIVE', total: 9 });
    const xlsx = await fetch(
      `${server.url}/exports/counts/${tree.lao.code}.xlsx?roundId=${roundId}&confirmedOnly=true`,
      {
        headers: { authorization: `Bearer ${lao}` },
      },
    );
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['จำนวนนักเรียน', 'รายหน่วยงาน']);
    const rows = wb
      .getWorksheet('จำนวนนักเรียน')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(String(rows[1][0])).toContain('ข้อมูลที่ยืนยันแล้ว');
    expect(rows.find((r) => r[0] === 'รวม')).toEqual(['รวม', 2, 1, 3, 0, 0, 0, 2, 1, 3]);
  });
});
