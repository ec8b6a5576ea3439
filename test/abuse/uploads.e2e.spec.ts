import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createLaoTree, signInAs } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Uploads a hostile client sends: a multipart body cut short inside the file (which used to end the
 * process through an unhandled 'error' event), and zip bombs whose sheet or shared strings inflate
 * to hundreds of megabytes. Each is a Thai JSON refusal; the server keeps answering.
 */
let server: TestServer;
let school: string;
let schoolToken: string;
let laoToken: string;
let otherSchool: string;

beforeAll(async () => {
  server = await startTestServer();
  const tree = await createLaoTree(server.sys.store);
  school = tree.school.code;
  otherSchool = tree.otherSchool.code;
  schoolToken = await signInAs(server, school);
  laoToken = await signInAs(server, tree.lao.code);
});
afterAll(() => server.close());

const BOUNDARY = '----lec-abuse-boundary';

function multipart(file: Buffer, name = 'pupils.xlsx'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

async function upload(path: string, body: Buffer, token: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      authorization: `Bearer ${token}`,
    },
    body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as { code: string; message: string },
  };
}

async function stillServes() {
  expect((await server.gql('{ version }')).data).toEqual({ version: expect.any(String) });
}

/** A real workbook with one part replaced by `inflated` bytes, deflated (a bomb when they are repetitive). */
async function withPart(part: string, inflated: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('นักเรียน').addRow(['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  zip.file(part, inflated, { compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('a multipart body cut short inside the file', () => {
  it.each([
    ['POST /imports', () => `/imports`, () => schoolToken],
    [
      'POST /other-schools/<school>/name-list-check',
      () => `/other-schools/${otherSchool}/name-list-check`,
      () => laoToken,
    ],
  ])('%s answers 400 in Thai and the process lives on', async (_what, path, token) => {
    const full = multipart(Buffer.alloc(200_000, 0x41));
    for (const cut of [120, 50_000, full.length - 10]) {
      const r = await upload(path(), full.subarray(0, cut), token());
      expect({ cut, status: r.status, code: r.body.code }).toEqual({
        cut,
        status: 400,
        code: 'BAD_USER_INPUT',
      });
      expect(r.body.message).toMatch(/[\u0e00-\u0e7f]/);
    }
    await stillServes();
  });
});

describe('zip bombs', () => {
  it('a sheet that inflates 1,000-fold is refused before it is inflated', async () => {
    const sheet = Buffer.alloc(60 * 1024 * 1024, 0x20); // 60 MB of spaces, ~60 KB deflated
    const bytes = await withPart('xl/worksheets/sheet1.xml', sheet);
    expect(bytes.length).toBeLessThan(200_000);
    const started = Date.now();
    const r = await upload('/imports', multipart(bytes), schoolToken);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 413, code: 'BAD_USER_INPUT' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await stillServes();
  });

  it('shared strings that inflate to hundreds of megabytes are refused the same way', async () => {
    const one = '<si><t>ก</t></si>';
    const xml = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${one.repeat(4_000_000)}</sst>`;
    const bytes = await withPart('xl/sharedStrings.xml', Buffer.from(xml));
    const r = await upload('/imports', multipart(bytes), schoolToken);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 413, code: 'BAD_USER_INPUT' });
    await stillServes();
  });
});
