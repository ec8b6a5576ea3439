import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A table for a spreadsheet or CSV download: Thai headers, then rows of text. */
export interface ExportTable {
  headers: string[];
  rows: string[][];
}

/** Every cell is written as text, so an ID keeps its leading 0 and nothing becomes a formula. */
export async function writeXlsx(table: ExportTable, sheetName: string, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((h, i) => ({
    key: String(i),
    width: i === 0 ? 20 : Math.max(10, h.length + 4),
  }));
  const head = sheet.addRow(table.headers);
  head.font = { bold: true };
  head.commit();
  for (const r of table.rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** A cell Excel would read as a formula gets a leading apostrophe (the import takes it off again). */
const FORMULA_START = /^[=+\-@]/;

function csvCell(v: string): string {
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so that Excel opens the Thai text as Thai. */
export function csvOf(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
