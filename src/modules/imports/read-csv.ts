import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ACCEPTED_FILES, FileRefused } from './import-errors';
import type { RawRow } from './cells';

/** Excel in some locales separates with semicolons, and "Unicode Text" with tabs: take the commonest in the header line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** The export writes `'=…` for a cell that would otherwise start a formula when opened in Excel: undo it. */
const unescape = (v: unknown) =>
  typeof v === 'string' && /^'[=+\-@]/.test(v) ? v.slice(1) : typeof v === 'string' ? v : '';

/** Every record of a CSV, read with exceljs (fast-csv), each cell kept as text. */
export async function readCsvRows(text: string): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  try {
    sheet = await workbook.csv.read(Readable.from([text.replace(/^\uFEFF/, '')]), {
      map: (v: unknown) => v,
      parserOptions: { delimiter: delimiterOf(text) },
    });
  } catch {
    throw new FileRefused(`อ่านไฟล์ CSV ไม่ได้ (รูปแบบไม่ถูกต้อง เช่น เครื่องหมายคำพูด " ไม่ครบคู่) ${ACCEPTED_FILES}`);
  }
  const rows: RawRow[] = [];
  sheet.eachRow((row, n) => {
    const values = row.values as unknown[];
    const cells = new Array<string>(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = unescape(values[i]);
    rows.push({ row: n, cells });
  });
  return rows;
}
