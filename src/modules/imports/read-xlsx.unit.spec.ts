import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from './read-xlsx';

/** The same workbook with its parts stored in the order given (the rest after them). */
async function reordered(xlsx: Buffer, first: string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
  const out = new JSZip();
  for (const name of [...first, ...names.filter((n) => !first.includes(n))])
    out.file(name, await source.files[name].async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer' });
}

describe('reading an xlsx whose sheet is stored before workbook.xml', () => {
  it('reads the rows instead of calling the file damaged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('นักเรียน');
    ws.addRow(['ชื่อ', 'นามสกุล']);
    ws.addRow(['ธนากร', 'ใจงาม']);
    const original = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(original);
    const early = [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
    ].filter((n) => zip.files[n]);
    const bytes = await reordered(original, [...early, 'xl/worksheets/sheet1.xml']);
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));

    const rows: unknown[][] = [];
    for await (const r of (await openXlsx(bytes)).rows) rows.push(r.cells);
    expect(rows).toEqual([
      ['ชื่อ', 'นามสกุล'],
      ['ธนากร', 'ใจงาม'],
    ]);
  });
});

describe('Thai text across the chunks the sheet inflates in', () => {
  it.each([
    ['shared strings', true],
    ['inline strings', false],
  ])('%s: 20,000 rows read back exactly, no U+FFFD', async (_what, useSharedStrings) => {
    const words = ['ไทย', 'ธนากร', 'ใจงาม', 'บ้านเลขที่ ๑๒ หมู่ ๓ ตำบลในเมือง', 'ศูนย์พัฒนาเด็กเล็ก'];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lec-thai-')), 'thai.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
    const ws = wb.addWorksheet('นักเรียน');
    for (let i = 0; i < 20_000; i++) ws.addRow([`${words[i % 5]}${i}`, words[(i + 1) % 5], i]).commit();
    ws.commit();
    await wb.commit();
    const bytes = fs.readFileSync(file);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    let n = 0;
    for await (const r of (await openXlsx(bytes)).rows) {
      expect(r.cells).toEqual([`${words[n % 5]}${n}`, words[(n + 1) % 5], n]);
      n++;
    }
    expect(n).toBe(20_000);
  });
});
