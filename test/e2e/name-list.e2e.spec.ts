import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import express from 'express';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { mountNameListCheck } from '../../src/modules/cross-checks/name-list-check.route';
import { mountNameList } from '../../src/modules/other-schools/name-list.route';
import { NAME_LIST_COLUMNS } from '../../src/modules/other-schools/name-list.check';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { createLogger } from '../../src/shared/logger';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { readPdfText } from '../support/pdf-text';
import { validCitizenId } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const RECORD = `mutation($s: String!, $c: [GradeCountInput!]!) {
  recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total }
}`;
const HEADERS = NAME_LIST_COLUMNS.map((c) => c.header);

interface CheckResponse {
  code?: string;
  message: string;
  rows: number;
  invalidRows: { row: number; field: string; message: string }[];
  duplicates: { citizenId: string; rows: number[] }[];
  countsFromList: { grade: string; male: number; female: number }[];
  recorded: { grade: string; male: number; female: number }[] | null;
  differences: { grade: string; sex: string; list: number; recorded: number }[];
}

async function loadSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

/** The row of the sheet holding the table's headers. */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.getCell(2).value === 'เลขประจำตัวประชาชน') found = n;
  });
  return found;
}

describe('certified name list: /other-schools/<code>/name-list-form.{xlsx,pdf} and name-list-check', () => {
  let server: TestServer;
  let routes: Server;
  let base: string;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let lao: string;

  beforeAll(async () => {
    server = await startTestServer();
    // The form (other-schools) and the check (cross-checks) on their own app, same database.
    const app = express();
    const deps = {
      dataSource: server.sys.dataSource,
      store: server.sys.store,
      authenticate: createAuthenticator(server.sys.dataSource),
      logger: createLogger('silent'),
    };
    mountNameList(app, deps);
    mountNameListCheck(app, deps);
    routes = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    routes.keepAliveTimeout = 60_000;
    base = `http://127.0.0.1:${(routes.address() as AddressInfo).port}`;
    tree = await createLaoTree(server.sys.store, '54');
    lao = await signInAs(server, tree.lao.code);
  });
  afterAll(async () => {
    await new Promise((r) => routes.close(r));
    await server.close();
  });

  const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : undefined);
  const get = (path: string, token?: string) => fetch(`${base}${path}`, { headers: auth(token) });
  const formPath = (code: string, ext: 'xlsx' | 'pdf') => `/other-schools/${code}/name-list-form.${ext}`;
  const post = async (code: string, file: Buffer | string, token = lao, name = 'list.xlsx') => {
    const body = new FormData();
    body.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
    const res = await fetch(`${base}/other-schools/${code}/name-list-check`, {
      method: 'POST',
      body,
      headers: auth(token),
    });
    return { status: res.status, body: (await res.json()) as CheckResponse };
  };

  async function download(ext: 'xlsx' | 'pdf', token = lao): Promise<Buffer> {
    const res = await get(formPath(tree.otherSchool.code, ext), token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return Buffer.from(await res.arrayBuffer());
  }

  it('the funding LAO downloads the xlsx form: header block, the Thai table headers, drop-down lists for grade and sex, the certification', async () => {
    const ws = await loadSheet(await download('xlsx'));
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts[0]).toBe('แบบรับรองรายชื่อนักเรียน');
    expect(texts[1]).toContain(tree.otherSchool.name);
    expect(texts[1]).toContain(tree.otherSchool.code);
    expect(texts[2]).toContain(tree.lao.name);
    expect(texts[3]).toMatch(/ปีการศึกษา 25\d\d/);
    const h = headerRowOf(ws);
    expect(h).toBeGreaterThan(4);
    expect((ws.getRow(h).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.getCell(h + 1, 7).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"อ.1,อ.2,อ.3,ป.1,ป.2,ป.3,ป.4,ป.5,ป.6"'],
    });
    expect(ws.getCell(h + 1, 6).dataValidation).toMatchObject({ type: 'list', formulae: ['"ชาย,หญิง"'] });
    expect(texts.some((t) => t.startsWith('ขอรับรองว่ารายชื่อข้างต้นถูกต้อง'))).toBe(true);
    expect(texts.some((t) => t.includes('ผู้บริหารสถานศึกษา'))).toBe(true);
  });

  it('the LAO prints the PDF form; its province and the department may download it too', async () => {
    const pdf = await download('pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await readPdfText(pdf)).flat;
    expect(text).toContain('แบบรับรองรายชื่อนักเรียน');
    expect(text).toContain(tree.otherSchool.name.replace(/\s+/g, ''));
    for (const header of ['ลำดับ', 'เลขประจำตัวประชาชน', 'คำนำหน้า', 'นามสกุล', 'ระดับชั้น', 'ผู้บริหารสถานศึกษา'])
      expect(text).toContain(header);

    const [province, admin] = await Promise.all([signInAs(server, tree.provinceCode), signInAdmin(server)]);
    expect((await get(formPath(tree.otherSchool.code, 'xlsx'), province)).status).toBe(200);
    expect((await get(formPath(tree.otherSchool.code, 'pdf'), admin)).status).toBe(200);
  });

  it('refuses a school account and another LAO (403), and anyone not signed in (401), in Thai JSON', async () => {
    const otherTree = await createLaoTree(server.sys.store, '54');
    const [school, otherLao] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, otherTree.lao.code),
    ]);
    for (const token of [school, otherLao])
      for (const ext of ['xlsx', 'pdf'] as const) {
        const res = await get(formPath(tree.otherSchool.code, ext), token);
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({
          code: 'FORBIDDEN',
          message: expect.stringMatching(/[ก-๙]/),
        });
      }
    expect((await get(formPath(tree.otherSchool.code, 'pdf'))).status).toBe(401);
    const checked = await post(tree.otherSchool.code, 'x', otherLao);
    expect(checked.status).toBe(403);
    expect(checked.body.message).toContain('อุดหนุน');
    expect((await post(tree.otherSchool.code, 'x', school)).status).toBe(403);
    expect((await get(formPath(tree.school.code, 'xlsx'), lao)).status).toBe(400);
  });

  it('checks a filled form against the recorded counts: the grade that differs and the bad row are reported; nothing is written', async () => {
    const ws = await loadSheet(await download('xlsx'));
    const h = headerRowOf(ws);
    const fill: (string | number)[][] = [
      [1, validCitizenId(), 'ด.ช.', 'ธนากร', 'ใจงาม', 'ชาย', 'อ.1'],
      [2, validCitizenId(), 'ด.ญ.', 'กานดา', 'ใจดี', 'หญิง', 'อ.1'],
      [3, validCitizenId(), 'ด.ช.', 'สมชาย', 'มีสุข', 'ชาย', 'ป.1'],
      [4, validCitizenId(), 'ด.ญ.', 'มาลี', 'ดีงาม', 'หญิง', 'ป.1'],
      [5, validCitizenId(), 'ด.ญ.', 'สุดา', 'รักเรียน', 'หญิง', 'ป.6'],
      [6, '1234567890123', 'ด.ช.', 'ผิดเลข', 'ทดสอบ', 'ชาย', 'ป.2'],
    ];
    fill.forEach((cells, i) => cells.forEach((v, c) => (ws.getCell(h + 1 + i, c + 1).value = v)));
    const filled = Buffer.from(await ws.workbook.xlsx.writeBuffer());

    // Recorded: as the list, except ป.1 boys (2 recorded, 1 listed).
    const recorded = otherSchoolGrades.map((grade) => ({
      grade,
      male: { K1: 1, P1: 2 }[grade as string] ?? 0,
      female: { K1: 1, P1: 1, P6: 1 }[grade as string] ?? 0,
    }));
    const rec = await server.gql(RECORD, { s: tree.otherSchool.code, c: recorded }, { token: lao });
    expect(rec.errors).toBeUndefined();

    const { status, body } = await post(tree.otherSchool.code, filled);
    expect(status).toBe(200);
    expect(body.rows).toBe(6);
    expect(body.invalidRows).toEqual([
      { row: h + 6, field: 'citizenId', message: expect.stringContaining('เลขตรวจสอบ') },
    ]);
    expect(body.duplicates).toEqual([]);
    expect(body.countsFromList.find((c) => c.grade === 'P1')).toEqual({ grade: 'P1', male: 1, female: 1 });
    expect(body.recorded?.find((c) => c.grade === 'P1')).toEqual({ grade: 'P1', male: 2, female: 1 });
    expect(body.differences).toEqual([{ grade: 'P1', sex: 'male', list: 1, recorded: 2 }]);
    expect(body.message).toContain('ป.1 ชาย ตามรายชื่อ 1 บันทึกไว้ 2');
    expect(body.message).toContain(`แถวที่ ${h + 6}`);

    // A check writes nothing: the recorded counts are as they were.
    const after = await server.gql<{ otherSchoolCounts: { total: number } }>(
      `query($s: String!) { otherSchoolCounts(schoolCode: $s) { total } }`,
      { s: tree.otherSchool.code },
      { token: lao },
    );
    expect(after.data?.otherSchoolCounts.total).toBe(6);
  });

  it('refuses a file that is not a filled name list with a 400 in Thai: not xlsx, a formula, no header row', async () => {
    const csv = await post(tree.otherSchool.code, 'ลำดับ,ชื่อ\n1,ก', lao, 'list.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.message).toContain('ไม่ใช่ไฟล์ Excel');

    const ws = await loadSheet(await download('xlsx'));
    const h = headerRowOf(ws);
    ws.getCell(h + 1, 1).value = { formula: '1+1', result: 2 };
    const withFormula = await post(tree.otherSchool.code, Buffer.from(await ws.workbook.xlsx.writeBuffer()));
    expect(withFormula.status).toBe(400);
    expect(withFormula.body.message).toContain(`A${h + 1} มีสูตร`);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['ชื่อ', 'คะแนน']);
    const noHeader = await post(tree.otherSchool.code, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('ไม่พบหัวตาราง'),
    });
  });
});
