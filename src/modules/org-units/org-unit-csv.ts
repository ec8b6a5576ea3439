import { kindLabels, laoTypeLabels, laoTypes, orgUnitKinds } from '../chain/org-unit-kind';

export const MAX_ROWS = 200_000;

export type CsvField = 'code' | 'name' | 'kind' | 'parentCode' | 'district' | 'laoType' | 'ministryCode';

/** The columns of the file, under their English or Thai header; only ministry_code may be left out. */
export const csvColumns: Record<CsvField, { en: string; th: string; required: boolean }> = {
  code: { en: 'code', th: 'รหัสหน่วยงาน', required: true },
  name: { en: 'name', th: 'ชื่อหน่วยงาน', required: true },
  kind: { en: 'kind', th: 'ประเภทหน่วยงาน', required: true },
  parentCode: { en: 'parent_code', th: 'รหัสหน่วยงานต้นสังกัด', required: true },
  district: { en: 'district', th: 'อำเภอ', required: true },
  laoType: { en: 'lao_type', th: 'ประเภท อปท.', required: true },
  ministryCode: { en: 'ministry_code', th: 'รหัสสถานศึกษา (กระทรวงศึกษาธิการ)', required: false },
};
const fields = Object.keys(csvColumns) as CsvField[];

/** One data record, cells trimmed, Thai kinds and LAO types mapped to their codes. */
export interface OrgUnitCsvRow {
  /** The file line the record starts on; the header is line 1. */
  line: number;
  code: string;
  name: string;
  /** An OrgUnitKind when recognised, else the cell as written (the importer reports it). */
  kind: string;
  parentCode: string | null;
  district: string | null;
  /** A LaoType when recognised, else the cell as written. */
  laoType: string | null;
  /** Undefined when the file has no such column: the codes already recorded are kept. */
  ministryCode?: string | null;
  /** What the parser itself found wrong with the record, by field ('row' for the whole record). */
  problems: Record<string, string>;
}

export type CsvParseResult = { ok: true; rows: OrgUnitCsvRow[] } | { ok: false; fileErrors: string[] };

// Headers and values are matched loosely (case, spaces, dots, "_", "ำ" typed as "ํ"+"า"), since
// people retype them in Excel; NFKC folds the two spellings of sara am together.
const key = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-*()]/g, '');
const aliases = (entries: [string, string[]][]) =>
  new Map(entries.flatMap(([code, names]) => [code, ...names].map((n) => [key(n), code] as const)));

const headerFields = aliases(fields.map((f) => [f, [csvColumns[f].en, csvColumns[f].th]]));
const kindAliases = aliases([
  ...orgUnitKinds.map((k): [string, string[]] => [k, [kindLabels[k]]]),
  ['LAO', ['อปท.', 'องค์กรปกครองส่วนท้องถิ่น']],
  ['CDC', ['ศพด.']],
]);
const laoTypeAliases = aliases([
  ...laoTypes.map((t): [string, string[]] => [t, [laoTypeLabels[t]]]),
  ['PAO', ['องค์การบริหารส่วนจังหวัด']],
  ['SAO', ['องค์การบริหารส่วนตำบล']],
]);

export interface CsvRecord {
  line: number;
  cells: string[];
  /** Index of a cell with text after its closing quote, if any. */
  badQuote: number | null;
}

/** RFC 4180 records; blank records are skipped. Returns an error string on an unclosed quote. */
export function parseCsv(input: string, maxRecords = Infinity): CsvRecord[] | string {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let closed = false; // just past a closing quote
  let badQuote: number | null = null;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells, badQuote });
    [cells, cell, closed, badQuote, start] = [[], '', false, null, line + 1];
  };
  for (let i = 0; i < text.length && records.length <= maxRecords; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') cell += text[i++];
      else if (ch === '"') [quoted, closed] = [false, true];
      else cell += ch;
      if (ch === '\n') line++;
    } else if (ch === ',') {
      cells.push(cell);
      [cell, closed] = ['', false];
    } else if (ch === '\n') {
      endRecord();
      line++;
    } else if (ch === '"' && !closed && cell.trim() === '') {
      [quoted, cell] = [true, ''];
    } else if (closed && ch.trim() === '') {
      // spaces between a closing quote and the comma are harmless
    } else {
      if (closed) badQuote ??= cells.length;
      cell += ch;
    }
  }
  if (quoted) return `เครื่องหมายคำพูด (") ไม่ครบคู่ เริ่มที่บรรทัด ${start} ของไฟล์`;
  if (cell !== '' || cells.length) endRecord();
  return records;
}

/** Decodes the bytes of an uploaded file, refusing what is not UTF-8 text. */
export function decodeCsv(bytes: Uint8Array): string | { error: string } {
  const saveAs = 'กรุณาเปิดใน Excel แล้วบันทึกเป็น "CSV UTF-8 (Comma delimited)"';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0))
    return { error: `ไฟล์นี้เป็นไฟล์ Excel ไม่ใช่ CSV — ${saveAs}` };
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return { error: `ไฟล์นี้บันทึกเป็น Unicode (UTF-16) — ${saveAs}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 (อาจเป็น TIS-620/Windows-874) — ${saveAs}` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { error: 'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV' };
  return text;
}

function headerErrors(header: CsvRecord, index: Partial<Record<CsvField, number>>): string[] {
  const errors: string[] = [];
  const label = (f: CsvField) => `${csvColumns[f].th} (${csvColumns[f].en})`;
  const unknown = header.cells.filter((c) => key(c) && !headerFields.has(key(c))).map((c) => `"${c.trim()}"`);
  const dup = header.cells.filter((c, i) => headerFields.has(key(c)) && !Object.values(index).includes(i));
  const missing = fields.filter((f) => csvColumns[f].required && index[f] === undefined);
  if (missing.length) errors.push(`ไม่พบคอลัมน์ที่จำเป็น: ${missing.map(label).join(', ')}`);
  if (unknown.length) {
    const hint = header.cells.length === 1 && /[;\t]/.test(header.cells[0]) ? ' ต้องใช้จุลภาค (,) คั่นคอลัมน์' : '';
    errors.push(`พบคอลัมน์ที่ไม่รู้จัก: ${unknown.join(', ')} — ไฟล์นี้อาจไม่ใช่ไฟล์ข้อมูลหน่วยงาน${hint}`);
  }
  if (dup.length) errors.push(`คอลัมน์ซ้ำกัน: ${dup.map((c) => `"${c.trim()}"`).join(', ')}`);
  return errors;
}

/** Parses an org-unit file: file-level errors, or every record as a row for the importer. */
export function parseOrgUnitCsv(input: string | Uint8Array): CsvParseResult {
  const text = typeof input === 'string' ? input : decodeCsv(input);
  if (typeof text !== 'string') return { ok: false, fileErrors: [text.error] };
  const records = parseCsv(text, MAX_ROWS + 1);
  if (typeof records === 'string') return { ok: false, fileErrors: [records] };
  if (records.length === 0) return { ok: false, fileErrors: ['ไฟล์ว่าง ไม่มีข้อมูล'] };
  if (records.length > MAX_ROWS + 1)
    return {
      ok: false,
      fileErrors: [`ไฟล์มีข้อมูลเกิน ${MAX_ROWS.toLocaleString('en-US')} แถว กรุณาแบ่งเป็นหลายไฟล์`],
    };
  const [header, ...data] = records;
  const index: Partial<Record<CsvField, number>> = {};
  header.cells.forEach((c, i) => {
    const f = headerFields.get(key(c)) as CsvField | undefined;
    if (f && index[f] === undefined) index[f] = i;
  });
  const errors = headerErrors(header, index);
  if (errors.length) return { ok: false, fileErrors: errors };
  if (data.length === 0) return { ok: false, fileErrors: ['ไฟล์มีแต่หัวตาราง ไม่มีข้อมูลหน่วยงาน'] };
  return { ok: true, rows: data.map((r) => toRow(r, index, header.cells.length)) };
}

function toRow(rec: CsvRecord, index: Partial<Record<CsvField, number>>, width: number): OrgUnitCsvRow {
  // Line breaks or double spaces inside a cell are never meant in a code or a name.
  const get = (f: CsvField) =>
    index[f] === undefined ? '' : (rec.cells[index[f]] ?? '').replace(/\s+/g, ' ').trim();
  const opt = (f: CsvField) => get(f) || null;
  const problems: Record<string, string> = {};
  const used = Object.values(index);
  // More cells than the header is the mark of an unquoted comma, even if the last cell is empty.
  const extra = rec.cells.filter((c, i) => !used.includes(i) && (i >= width || c.trim() !== '')).length;
  if (extra)
    problems.row = `แถวนี้มีข้อมูลเกินคอลัมน์ของหัวตาราง ${extra} ช่อง — ข้อความที่มีจุลภาค (,) ต้องอยู่ในเครื่องหมายคำพูด ("...")`;
  const badField = fields.find((f) => index[f] === rec.badQuote);
  if (badField) problems[badField] = 'มีข้อความต่อท้ายเครื่องหมายคำพูดปิด (") — คำพูดในข้อความต้องเขียนเป็น ""';
  const kind = get('kind');
  const laoType = opt('laoType');
  return {
    line: rec.line,
    code: get('code'),
    name: get('name'),
    kind: kindAliases.get(key(kind)) ?? kind,
    parentCode: opt('parentCode'),
    district: opt('district'),
    laoType: laoType && (laoTypeAliases.get(key(laoType)) ?? laoType),
    ministryCode: index.ministryCode === undefined ? undefined : opt('ministryCode'),
    problems,
  };
}
