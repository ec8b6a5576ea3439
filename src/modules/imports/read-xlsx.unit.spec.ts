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
