// Over 300 lines on purpose: one capability's scenarios against one server and unit tree set up once;
// split, every file would start and seed them again (each start costs seconds on 2 shared cores).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import express from 'express';
import { Imports1763780000005 } from '../../migrations/1763780000005-imports';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { SESSION_COOKIE } from '../../src/modules/accounts/sessions';
import { COMMIT_BATCH } from '../../src/modules/imports/commit-import';
import { mountPupilExports } from '../../src/modules/imports/exports.route';
import { mountPupilImports } from '../../src/modules/imports/imports.route';
import { institutionStreamId } from '../../src/modules/pupils/pupil.events';
import { createLogger } from '../../src/shared/logger';
import { createLaoTree, login, signInAs } from '../support/factories';
import { pupilInput, validCitizenId } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { systemMetadata } from '../../src/event-store/event';

const LIST = `query($c: String!) { pupils(institutionCode: $c, first: 200) { totalCount nodes { id citizenId prefix firstName lastName sex birthDate grade nationality } } }`;
const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const REMOVE = `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: NEVER_ATTENDED) { reason } }`;

const HEADERS = ['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด', 'ระดับชั้น', 'สัญชาติ', 'ชื่อบิดา'];
type Cell = string | number | Date | null | { formula: string };

/** A P1 pupil's birth year (Christian era), as pupilInput makes it. */
const P1_YEAR = new Date().getUTCFullYear() - 7;
const BE = (y: number) => y + 543;

function pupilRow(
  over: Partial<Record<'id' | 'prefix' | 'first' | 'last' | 'birth' | 'grade', Cell>> = {},
): Cell[] {
  return [
    over.id ?? validCitizenId(),
    over.prefix ?? 'ด.ช.',
    over.first ?? 'สมชาย',
    over.last ?? 'ใจดี',
    over.birth ?? `15/03/${BE(P1_YEAR)}`,
    over.grade ?? 'ป.1',
    'ไทย',
    'นายสมศักดิ์ ใจดี',
  ];
}

async function xlsx(
  rows: Cell[][],
  opts: { headers?: string[]; merge?: string; above?: Cell[][] } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('นักเรียน');
  for (const r of opts.above ?? []) ws.addRow(r);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  if (opts.merge) ws.mergeCells(opts.merge);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: Cell[][], headers = HEADERS): string {
  return [headers, ...rows]
    .map((r) => r.map((c) => (c instanceof Date ? '' : String(c ?? ''))).join(','))
    .join('\r\n');
}

/** Thai text in the Windows Thai code page (windows-874), as Thai Excel saves "CSV (Comma delimited)". */
function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => (ch >= '\u0e01' && ch <= '\u0e5b' ? ch.charCodeAt(0) - 0x0d60 : ch.charCodeAt(0))),
  );
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Preview {
  importId: string;
  status: string;
  totalRows: number;
  validRows: number;
  errorRowCount: number;
  queryRowCount: number;
  errorRows: { row: number; field: string; column: string; message: string }[];
  queryRows: { row: number; field: string; column: string; message: string }[];
  canCommit: boolean;
}

describe('pupil import and export: POST /imports, GET /exports/pupils.xlsx', () => {
  let server: TestServer;
  let http: Server;
  let base: string;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string;
  let lao: string;

  beforeAll(async () => {
    server = await startTestServer();
    // migrations/index.ts and src/app.ts are the lead's to wire: the table is made here if missing,
    // and the routes are mounted on their own app over the same database.
    const qr = server.sys.dataSource.createQueryRunner();
    if (!(await qr.hasTable('imports'))) await new Imports1763780000005().up(qr);
    await qr.release();
    const app = express();
    const deps = {
      dataSource: server.sys.dataSource,
      store: server.sys.store,
      authenticate: createAuthenticator(server.sys.dataSource),
      logger: createLogger('silent'),
    };
    mountPupilImports(app, deps);
    mountPupilExports(app, deps);
    http = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    http.keepAliveTimeout = 60_000;
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    tree = await createLaoTree(server.sys.store);
    [school, lao] = await Promise.all([signInAs(server, tree.school.code), signInAs(server, tree.lao.code)]);
  });
  afterAll(async () => {
    await new Promise((r) => http.close(r));
    await server.close();
  });

  const auth = (token: string | null) => (token ? { authorization: `Bearer ${token}` } : undefined);

  async function upload(file: Buffer | string, token: string | null = school, name = 'pupils.xlsx') {
    const form = new FormData();
    form.append('file', new Blob([typeof file === 'string' ? Buffer.from(file) : file]), name);
    const res = await fetch(`${base}/imports`, { method: 'POST', body: form, headers: auth(token) });
    return {
      status: res.status,
      body: (await res.json()) as Preview & {
        code: string;
        message: string;
        missingHeaders?: string[];
        cells?: string[];
      },
    };
  }

  const post = async (path: string, token: string | null = school) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: auth(token) });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { code?: string; message?: string },
    };
  };

  const eventCount = async (code: string) =>
    Number(
      (
        await server.sys.dataSource.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [
          institutionStreamId(code),
        ])
      )[0].n,
    );

  async function pupilsOf(code: string, token = school) {
    const res = await server.gql<{
      pupils: { totalCount: number; nodes: Record<string, string>[] };
    }>(LIST, { c: code }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.pupils;
  }

  it('previews a good .xlsx (Thai headers, Buddhist-era dates, Thai grades), commits it, and the pupils are on the register', async () => {
    const t = await createLaoTree(server.sys.store);
    const token = await signInAs(server, t.school.code);
    const ids = [validCitizenId(), validCitizenId(), validCitizenId()];
    const file = await xlsx([
      pupilRow({ id: ids[0], first: 'กมล' }),
      // A date cell (Excel keeps the Christian-era day, whatever year the sheet shows) and an ID typed as a number.
      pupilRow({ id: Number(ids[1]), first: 'ขจร', birth: new Date(Date.UTC(P1_YEAR, 5, 1)) }),
      pupilRow({
        id: ids[2],
        prefix: 'เด็กหญิง',
        first: 'จันทร์เพ็ญ',
        birth: `1 ม.ค. ${BE(P1_YEAR)}`,
        grade: 'ประถมศึกษาปีที่ 1',
      }),
    ]);
    const before = await eventCount(t.school.code);
    const { status, body } = await upload(file, token);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'PREVIEW',
      totalRows: 3,
      validRows: 3,
      errorRowCount: 0,
      canCommit: true,
    });
    expect(body.errorRows).toEqual([]);
    const again = await fetch(`${base}/imports/${body.importId}`, { headers: auth(token) });
    expect(((await again.json()) as Preview).validRows).toBe(3);
    expect(await eventCount(t.school.code)).toBe(before);

    const commit = await post(`/imports/${body.importId}/commit`, token);
    expect(commit).toEqual({ status: 200, body: { importId: body.importId, committed: 3 } });
    expect(await eventCount(t.school.code)).toBe(before + 3);
    const register = await pupilsOf(t.school.code, token);
    expect(register.totalCount).toBe(3);
    const byId = new Map(register.nodes.map((n) => [n.citizenId, n]));
    expect(byId.get(ids[0])).toMatchObject({
      firstName: 'กมล',
      sex: 'MALE',
      birthDate: `${P1_YEAR}-03-15`,
      grade: 'P1',
    });
    expect(byId.get(ids[1])).toMatchObject({ firstName: 'ขจร', birthDate: `${P1_YEAR}-06-01` });
    expect(byId.get(ids[2])).toMatchObject({
      prefix: 'เด็กหญิง',
      sex: 'FEMALE',
      birthDate: `${P1_YEAR}-01-01`,
    });
    const [extra] = await server.sys.dataSource.query(`SELECT extra FROM pupils WHERE citizen_id = $1`, [
      ids[0],
    ]);
    expect(extra.extra).toEqual({ ชื่อบิดา: 'นายสมศักดิ์ ใจดี' });
    expect((await post(`/imports/${body.importId}/commit`, token)).status).toBe(409);
  });

  it('commits a file of several batches in one transaction', async () => {
    const t = await createLaoTree(server.sys.store);
    const token = await signInAs(server, t.school.code);
    const rows = 2 * COMMIT_BATCH + 500;
    const { body } = await upload(await xlsx(Array.from({ length: rows }, () => pupilRow())), token);
    expect(body).toMatchObject({ totalRows: rows, validRows: rows, errorRowCount: 0 });
    expect((await post(`/imports/${body.importId}/commit`, token)).body.committed).toBe(rows);
    expect(await eventCount(t.school.code)).toBe(rows);
    const [stream] = await server.sys.dataSource.query('SELECT version FROM streams WHERE stream_id = $1', [
      institutionStreamId(t.school.code),
    ]);
    expect(Number(stream.version)).toBe(rows);
    expect((await pupilsOf(t.school.code, token)).totalCount).toBe(rows);
  });

  /** A request that asks for its progress: the lines of JSON it answers with, in order. */
  async function withProgress(path: string, token: string, body?: FormData) {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      body,
      headers: { ...auth(token), accept: 'application/x-ndjson' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    return {
      progress: lines.filter((l) => l.progress).map((l) => l.progress),
      last: lines[lines.length - 1],
    };
  }

  it('tells the rows read, checked and committed as it goes, when asked (Accept: application/x-ndjson)', async () => {
    const t = await createLaoTree(server.sys.store);
    const token = await signInAs(server, t.school.code);
    const rows = COMMIT_BATCH + 1_000;
    const form = new FormData();
    form.append('file', new Blob([csv(Array.from({ length: rows }, () => pupilRow()))]), 'pupils.csv');
    const preview = await withProgress('/imports', token, form);
    const phases = [...new Set(preview.progress.map((p) => p.phase))];
    expect(phases).toEqual(['read', 'validate', 'duplicates', 'store']);
    // Rows read so far while reading (the total is not known until the end), then every row checked.
    expect(preview.progress.find((p) => p.phase === 'read' && p.total === null)).toBeDefined();
    expect(preview.progress).toContainEqual({ phase: 'validate', done: rows, total: rows });
    expect(preview.last.result).toMatchObject({ totalRows: rows, validRows: rows, canCommit: true });

    const importId = preview.last.result.importId as string;
    const commit = await withProgress(`/imports/${importId}/commit`, token);
    expect(commit.progress).toEqual([
      { phase: 'commit', done: 0, total: rows },
      { phase: 'commit', done: COMMIT_BATCH, total: rows },
      { phase: 'commit', done: rows, total: rows },
    ]);
    expect(commit.last).toEqual({ result: { importId, committed: rows } });
    expect(await eventCount(t.school.code)).toBe(rows);

    // A refusal before the first line keeps its HTTP status and JSON body.
    const again = await fetch(`${base}/imports/${importId}/commit`, {
      method: 'POST',
      headers: { ...auth(token), accept: 'application/x-ndjson' },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await again.json()) as { message: string }).message).toMatch(/[\u0E00-\u0E7F]/);
    expect(await eventCount(t.school.code)).toBe(rows);

    // One after the lines have begun (a formula found once the rows are read) is the last line.
    const withFormula = Array.from({ length: 4_100 }, (_, i) =>
      i === 4_050 ? pupilRow({ first: { formula: 'C2' } }) : pupilRow(),
    );
    const sheet = new FormData();
    sheet.append('file', new Blob([await xlsx(withFormula)]), 'pupils.xlsx');
    const refused = await withProgress('/imports', token, sheet);
    expect(refused.progress.some((p) => p.phase === 'read')).toBe(true);
    expect(refused.last.error).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    expect(refused.last.error.message).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('reads a CSV too, in UTF-8 or in the Windows Thai code page Thai Excel saves', async () => {
    const t = await createLaoTree(server.sys.store);
    const token = await signInAs(server, t.school.code);
    const utf8 = await upload(
      `\uFEFF${csv([pupilRow({ first: 'ปิติ' }), pupilRow({ first: 'มานะ' })])}`,
      token,
      'a.csv',
    );
    expect(utf8.body).toMatchObject({ totalRows: 2, validRows: 2, errorRowCount: 0 });
    const thai = await upload(windows874(csv([pupilRow({ first: 'ชูใจ' })])), token, 'b.csv');
    expect(thai.body).toMatchObject({ totalRows: 1, validRows: 1, errorRowCount: 0 });
    expect((await post(`/imports/${utf8.body.importId}/commit`, token)).body.committed).toBe(2);
    expect((await post(`/imports/${thai.body.importId}/commit`, token)).body.committed).toBe(1);
    expect((await pupilsOf(t.school.code, token)).nodes.map((n) => n.firstName).sort()).toEqual([
      'ชูใจ',
      'ปิติ',
      'มานะ',
    ]);
  });

  it('reports every bad row by its spreadsheet row number, and refuses the whole file at commit: nothing is written', async () => {
    const dup = validCitizenId();
    const file = await xlsx(
      [
        pupilRow(),
        pupilRow({ id: '1234567890123' }),
        pupilRow({ id: dup, birth: '31/02/2561' }),
        pupilRow(),
        pupilRow({ id: dup, first: 'ด.ช.สมชาย', grade: 'ป.9' }),
        pupilRow({ birth: `15/03/${BE(P1_YEAR - 4)}` }),
      ],
      { above: [['รายชื่อนักเรียน ปีการศึกษา 2568']] },
    );
    const { status, body } = await upload(file);
    expect(status).toBe(201);
    expect(body).toMatchObject({ totalRows: 6, validRows: 2, errorRowCount: 4, canCommit: false });
    // The title is row 1, the header row 2: the data start on row 3.
    const problems = body.errorRows.map((e) => [e.row, e.field]);
    expect(problems).toEqual([
      [4, 'citizenId'],
      [5, 'birthDate'],
      [7, 'citizenId'],
      [7, 'firstName'],
      [7, 'grade'],
      [8, 'birthDate'],
    ]);
    for (const e of body.errorRows) expect(e.message).toMatch(/[ก-๙]/);
    expect(body.errorRows.find((e) => e.row === 7 && e.field === 'citizenId')?.message).toContain('แถวที่ 5');
    // Far older than the grade: only with a note in หมายเหตุ, which this sheet lacks.
    expect(body.errorRows.find((e) => e.row === 8)?.message).toContain('หมายเหตุ');
    expect(body.errorRows[0].column).toBe('เลขประจำตัวประชาชน');

    const before = await eventCount(tree.school.code);
    const refused = await post(`/imports/${body.importId}/commit`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('BAD_USER_INPUT');
    expect(refused.body.message).toContain('4 แถว');
    expect(await eventCount(tree.school.code)).toBe(before);
  });

  it('accepts an unusual entry with its note in the sheet, listed as a query', async () => {
    const row = pupilRow({ birth: `15/03/${BE(P1_YEAR - 4)}` });
    const file = await xlsx([[...row, 'ย้ายมาจากต่างประเทศ ไม่เคยเข้าเรียนมาก่อน']], {
      headers: [...HEADERS, 'หมายเหตุ'],
    });
    const { body } = await upload(file);
    expect(body).toMatchObject({ validRows: 1, errorRowCount: 0, queryRowCount: 1 });
    expect(body.queryRows).toEqual([expect.objectContaining({ row: 2, field: 'birthDate' })]);
    expect((await post(`/imports/${body.importId}/commit`)).body.committed).toBe(1);
    const [p] = await server.sys.dataSource.query(
      `SELECT queries, query_note FROM pupils WHERE citizen_id = $1`,
      [row[0]],
    );
    expect(Object.keys(p.queries)).toEqual(['birthDate']);
    expect(p.query_note).toMatch(/ต่างประเทศ/);
  });

  it('refuses files it cannot read, each with a clear Thai message', async () => {
    const refused = async (file: Buffer | string, pattern: RegExp, status = 400, name?: string) => {
      const res = await upload(file, school, name);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code: 'BAD_USER_INPUT' });
      expect(res.body.message).toMatch(pattern);
      return res.body;
    };
    await refused(PNG, /รูปภาพ/, 400, 'pupils.png');
    await refused(PDF, /PDF/, 400, 'pupils.xlsx');
    await refused(randomBytes(64 * 1024), /ไม่ใช่ไฟล์ตารางข้อมูล/);
    await refused(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096)]), /เสียหาย/);
    await refused(Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(512), 'hex'), /\.xls/);
    await refused('<html><body><table><tr><td>1</td></tr></table></body></html>', /HTML/);
    const missing = await refused(
      await xlsx([pupilRow()], { headers: ['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'วันเกิด', 'ระดับชั้น'] }),
      /ไม่พบหัวคอลัมน์ที่จำเป็น: นามสกุล, สัญชาติ/,
    );
    expect(missing.missingHeaders).toEqual(['นามสกุล', 'สัญชาติ']);
    const formula = await refused(
      await xlsx([pupilRow(), [...pupilRow().slice(0, 4), { formula: 'TODAY()' }, 'ป.1', 'ไทย']]),
      /สูตร.*E3.*วางแบบค่า/,
    );
    expect(formula.cells).toEqual(['E3']);
    await refused(await xlsx([pupilRow(), pupilRow()], { merge: 'F2:F3' }), /ผสาน.*F2:F3/);
    await refused(await xlsx([]), /มีแต่หัวตาราง/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('ว่าง');
    await refused(Buffer.from(await empty.xlsx.writeBuffer()), /ว่างเปล่า/);
    await refused(Buffer.alloc(0), /ว่างเปล่า/);
    await refused('a,b,"c\n1,2,3', /CSV/);
  });

  it('refuses a file over 20 MB with 413, and 50 MB of junk the same way', async () => {
    // Just over the limit (the body is read and the file cut off), and far over it (refused by its length).
    for (const size of [20 * 1024 * 1024 + 10_000, 21 * 1024 * 1024, 50 * 1024 * 1024]) {
      const res = await upload(randomBytes(size));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      expect(res.body.message).toMatch(/20 MB/);
    }
  });

  it('only the institution itself imports, sees and decides its imports', async () => {
    const { body } = await upload(await xlsx([pupilRow()]));
    const other = await createLaoTree(server.sys.store);
    const otherSchool = await signInAs(server, other.school.code);
    expect((await post(`/imports/${body.importId}/commit`, otherSchool)).status).toBe(403);
    expect((await post(`/imports/${body.importId}/discard`, otherSchool)).status).toBe(403);
    expect((await fetch(`${base}/imports/${body.importId}`, { headers: auth(otherSchool) })).status).toBe(
      403,
    );
    expect((await post(`/imports/${body.importId}/commit`, lao)).body.code).toBe('FORBIDDEN');
    expect((await post(`/imports/${body.importId}/commit`, null)).status).toBe(401);
    expect((await post(`/imports/00000000-0000-4000-8000-000000000000/commit`)).status).toBe(404);

    const file = await xlsx([pupilRow()]);
    expect((await upload(file, lao)).body.code).toBe('FORBIDDEN');
    expect((await upload(file, null)).status).toBe(401);
    const fresh = await issueCredentials(
      server.sys.store,
      { orgUnitCode: other.cdc.code },
      systemMetadata('test'),
      {
        ip: null,
        userAgent: null,
        requestId: 'test',
      },
    );
    const freshToken = await login(server, fresh.username, fresh.initialPassword);
    expect((await upload(file, freshToken)).body).toMatchObject({ code: 'FIRST_LOGIN_REQUIRED' });
    const elsewhere = await fetch(`${base}/imports?institutionCode=${other.school.code}`, {
      method: 'POST',
      body: new FormData(),
      headers: auth(school),
    });
    expect(elsewhere.status).toBe(403);

    // The session cookie works as the bearer token does; a change from another site is refused.
    const cookie = { cookie: `${SESSION_COOKIE}=${school}` };
    expect((await fetch(`${base}/imports/${body.importId}`, { headers: cookie })).status).toBe(200);
    const crossSite = await fetch(`${base}/imports/${body.importId}/commit`, {
      method: 'POST',
      headers: { ...cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);

    const discarded = await post(`/imports/${body.importId}/discard`);
    expect(discarded.body.status).toBe('DISCARDED');
    expect((await post(`/imports/${body.importId}/commit`)).body.code).toBe('CONFLICT');
  });

  it('IDs on a register are row errors naming the institution; a commit checks them again', async () => {
    const other = await createLaoTree(server.sys.store);
    const otherSchool = await signInAs(server, other.school.code);
    const elsewhere = pupilInput();
    expect(
      (await server.gql(ENROL, { c: other.school.code, i: elsewhere }, { token: otherSchool })).errors,
    ).toBeUndefined();
    const { body } = await upload(await xlsx([pupilRow(), pupilRow({ id: elsewhere.citizenId })]));
    expect(body.errorRows).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'citizenId',
        message: expect.stringContaining(other.school.name),
      }),
    ]);

    const here = pupilInput();
    expect(
      (await server.gql(ENROL, { c: tree.school.code, i: here }, { token: school })).errors,
    ).toBeUndefined();
    const again = await upload(await xlsx([pupilRow({ id: here.citizenId })]));
    expect(again.body.errorRows[0].message).toContain('มีอยู่ในทะเบียนแล้ว');

    const later = validCitizenId();
    const preview = await upload(await xlsx([pupilRow(), pupilRow({ id: later })]));
    expect(preview.body.canCommit).toBe(true);
    const enrolled = await server.gql(
      ENROL,
      { c: other.school.code, i: pupilInput({ citizenId: later }) },
      { token: otherSchool },
    );
    expect(enrolled.errors).toBeUndefined();
    const before = await eventCount(tree.school.code);
    const refused = await post(`/imports/${preview.body.importId}/commit`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DUPLICATE_PUPIL');
    expect(refused.body.errorRows).toEqual([expect.objectContaining({ row: 3 })]);
    expect(await eventCount(tree.school.code)).toBe(before);
  });

  it('a CDC imports children without a grade column', async () => {
    const token = await signInAs(server, tree.cdc.code);
    const year = new Date().getUTCFullYear() - 3;
    const headers = HEADERS.filter((h) => h !== 'ระดับชั้น');
    const row = pupilRow({ birth: `10/01/${BE(year)}` }).filter((_, i) => i !== 5);
    const { body } = await upload(await xlsx([row], { headers }), token);
    expect(body).toMatchObject({ validRows: 1, errorRowCount: 0 });
    expect((await post(`/imports/${body.importId}/commit`, token)).body.committed).toBe(1);
    expect((await pupilsOf(tree.cdc.code, token)).nodes[0].grade).toBe('CDC');
  });

  it('exports the register in the same columns; masked for the LAO; the export imports back as it was', async () => {
    const a = await createLaoTree(server.sys.store);
    const b = await createLaoTree(server.sys.store);
    const [tokenA, tokenB, laoA] = await Promise.all([
      signInAs(server, a.school.code),
      signInAs(server, b.school.code),
      signInAs(server, a.lao.code),
    ]);
    const { body } = await upload(
      await xlsx([
        pupilRow({ first: 'กานดา', prefix: 'ด.ญ.' }),
        pupilRow({ first: 'บุญมี', grade: 'ป.2', birth: `2/11/${BE(P1_YEAR - 1)}` }),
      ]),
      tokenA,
    );
    expect((await post(`/imports/${body.importId}/commit`, tokenA)).body.committed).toBe(2);
    const original = await pupilsOf(a.school.code, tokenA);

    const download = async (path: string, token: string) => {
      const res = await fetch(`${base}${path}`, { headers: auth(token) });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };
    const readXlsx = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.worksheets[0]
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1));
    };
    const own = await download(`/exports/pupils.xlsx`, tokenA);
    expect(own.status).toBe(200);
    expect(own.type).toContain('spreadsheetml');
    const ownRows = await readXlsx(own.bytes);
    expect(ownRows[0]).toEqual([
      'เลขประจำตัวประชาชน',
      'คำนำหน้า',
      'ชื่อ',
      'นามสกุล',
      'เพศ',
      'วันเดือนปีเกิด',
      'ระดับชั้น',
      'สัญชาติ',
      'ศาสนา',
      'วันที่เข้าเรียน',
      'ด้อยโอกาส',
      'หมายเหตุ',
      'ชื่อบิดา',
    ]);
    expect(ownRows.slice(1).map((r) => r.slice(0, 7))).toEqual(
      expect.arrayContaining([
        [
          original.nodes.find((n) => n.firstName === 'กานดา')!.citizenId,
          'ด.ญ.',
          'กานดา',
          'ใจดี',
          'หญิง',
          `15/03/${BE(P1_YEAR)}`,
          'ป.1',
        ],
        [
          original.nodes.find((n) => n.firstName === 'บุญมี')!.citizenId,
          'ด.ช.',
          'บุญมี',
          'ใจดี',
          'ชาย',
          `02/11/${BE(P1_YEAR - 1)}`,
          'ป.2',
        ],
      ]),
    );

    const masked = await download(`/exports/pupils.xlsx?institutionCode=${a.school.code}`, laoA);
    expect(masked.status).toBe(200);
    const maskedRows = await readXlsx(masked.bytes);
    expect(maskedRows).toHaveLength(3);
    expect(maskedRows[0]).not.toContain('ชื่อบิดา');
    for (const r of maskedRows.slice(1)) expect(String(r[0])).toMatch(/^\d-xxxx-xxxx\d-\d\d-\d$/);
    expect((await download(`/exports/pupils.xlsx?institutionCode=${a.school.code}`, lao)).status).toBe(403);
    expect((await download(`/exports/pupils.xlsx?institutionCode=${a.school.code}`, tokenB)).status).toBe(
      403,
    );
    const csvExport = await download(`/exports/pupils.csv`, tokenA);
    expect(csvExport.type).toContain('text/csv');
    expect(csvExport.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csvExport.bytes.toString('utf8')).toContain('กานดา');

    // The round trip: the pupils leave A, and A's export is imported into B as it is.
    for (const n of original.nodes)
      expect((await server.gql(REMOVE, { id: n.id }, { token: tokenA })).errors).toBeUndefined();
    const back = await upload(own.bytes, tokenB);
    expect(back.body).toMatchObject({ validRows: 2, errorRowCount: 0 });
    expect((await post(`/imports/${back.body.importId}/commit`, tokenB)).body.committed).toBe(2);
    const strip = (nodes: Record<string, string>[]) =>
      nodes.map(({ id: _id, ...rest }) => rest).sort((x, y) => x.firstName.localeCompare(y.firstName));
    expect(strip((await pupilsOf(b.school.code, tokenB)).nodes)).toEqual(strip(original.nodes));
    const csvBack = await upload(csvExport.bytes, tokenB, 'back.csv');
    expect(csvBack.body.errorRows.every((e) => e.message.includes('มีอยู่ในทะเบียนแล้ว'))).toBe(true);
    expect(csvBack.body.errorRowCount).toBe(2);
  });
});
