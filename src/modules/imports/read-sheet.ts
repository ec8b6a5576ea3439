import { cellText, isBlank, type CellValue, type RawRow } from './cells';
import type { SheetFile } from './file-kind';
import { columnLetter, fieldOfHeader } from './import-columns';
import { ACCEPTED_FILES, FileRefused } from './import-errors';
import { cleanText } from '../../shared/text-input';
import { readCsvRows } from './read-csv';
import { openXlsx } from './read-xlsx';

export const MAX_DATA_ROWS = 100_000;
const READ_YIELD_EVERY = 2_000;
/** A title or a note may stand above the header row: it is looked for among the first non-blank rows. */
const HEADER_SEARCH_ROWS = 10;
const HEADER_MIN_MATCHES = 3;
const LISTED_CELLS = 5;

/** The header row and the data rows under it (blank rows skipped), as read from the first sheet. */
export interface Sheet {
  headerRow: number;
  headers: string[];
  rows: RawRow[];
}

function isHeader(cells: CellValue[]): boolean {
  let n = 0;
  for (const c of cells) if (typeof c === 'string' && fieldOfHeader(c)) n++;
  return n >= HEADER_MIN_MATCHES;
}

/** Text cells pass the one text rule (NFC, trimmed); a NUL or a broken character refuses the file, naming the cell. */
function cleanCells(r: RawRow): void {
  const cells = r.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c !== 'string') continue;
    const t = cleanText(c);
    if (!t.ok)
      throw new FileRefused(`เซลล์ ${columnLetter(i)}${r.row} ${t.problem}`, 400, {
        cells: [`${columnLetter(i)}${r.row}`],
      });
    cells[i] = t.value;
  }
}

/** The last row a range such as `A3:C4` covers. */
const lastRowOf = (range: string) => Number(/(\d+)$/.exec(range)?.[1] ?? 0);

/**
 * Reads the first sheet of an .xlsx, or a CSV. Refuses, naming the cells, a formula or a merged
 * cell in the header row or below (above it, a title may be merged or computed), and a sheet
 * with more than `maxRows` data rows.
 */
export async function readSheet(
  file: SheetFile,
  maxRows = MAX_DATA_ROWS,
  onRows?: (read: number) => void,
): Promise<Sheet> {
  const xlsx = file.kind === 'xlsx' ? await openXlsx(file.bytes) : null;
  const source: AsyncIterable<RawRow> | RawRow[] =
    file.kind === 'xlsx' ? xlsx!.rows : await readCsvRows(file.text);
  let header: RawRow | null = null;
  let first: RawRow | null = null;
  let searched = 0;
  const rows: RawRow[] = [];
  const formulas: string[] = [];
  for await (const r of source) {
    cleanCells(r);
    const f = (r as { formulas?: number[] }).formulas ?? [];
    if (!f.length && r.cells.every(isBlank)) continue;
    if (!header) {
      first ??= r;
      if (isHeader(r.cells)) header = r;
      else if (++searched >= HEADER_SEARCH_ROWS) break;
      else continue;
    } else {
      if (rows.length >= maxRows)
        throw new FileRefused(
          `ไฟล์มีข้อมูลเกิน ${maxRows.toLocaleString('en-US')} แถว กรุณาแบ่งเป็นหลายไฟล์ แล้วนำเข้าทีละไฟล์`,
        );
      rows.push(r);
      // A large file takes seconds: tell how far it has come, and let other requests in between.
      if (rows.length % READ_YIELD_EVERY === 0) {
        onRows?.(rows.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const col of f) formulas.push(`${columnLetter(col)}${r.row}`);
    if (formulas.length >= LISTED_CELLS) break;
  }
  if (formulas.length)
    throw new FileRefused(
      `พบสูตรคำนวณ (formula) ในเซลล์ ${formulas.join(', ')} ระบบไม่คำนวณสูตร กรุณาเลือกข้อมูลทั้งหมด คัดลอก ` +
        'แล้ววางแบบค่า (วางแบบพิเศษ > ค่า หรือ Paste Values) ให้เหลือแต่ค่า แล้วบันทึกและอัปโหลดใหม่',
      400,
      { cells: formulas },
    );
  if (!first) throw new FileRefused(`ไม่พบข้อมูลในไฟล์ (แผ่นงานแรกว่างเปล่า) ${ACCEPTED_FILES}`);
  const head = header ?? first;
  const merged = ((await xlsx?.mergedRanges()) ?? []).filter(
    (m) => m.includes(':') && lastRowOf(m) >= head.row,
  );
  if (merged.length)
    throw new FileRefused(
      `พบเซลล์ที่ผสานไว้ (merged cells) ที่ ${merged.slice(0, LISTED_CELLS).join(', ')} ` +
        'กรุณายกเลิกการผสานเซลล์ (Unmerge Cells) และกรอกข้อมูลให้ครบทุกแถวทุกคอลัมน์ แล้วอัปโหลดใหม่',
      400,
      { cells: merged.slice(0, LISTED_CELLS) },
    );
  return { headerRow: head.row, headers: head.cells.map(cellText), rows };
}
