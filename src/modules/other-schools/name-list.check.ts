import { LecError } from '../../shared/errors';
import { checkPupilId, citizenIdFor } from '../pupils/rules/citizen-id';
import { gradeLabels, parseGrade } from '../pupils/rules/grades';
import { parsePrefix, sexLabels, type Sex } from '../pupils/rules/name-prefixes';
import {
  isOtherSchoolGrade,
  otherSchoolGrades,
  type GradeCountData,
  type OtherSchoolGrade,
} from './other-school-counts.rules';

/**
 * The certified name list (แบบรับรองรายชื่อนักเรียน) an LAO sends to a school of another affiliation
 * and reads back (DOMAIN.md, Records; source 004, item 2): its columns, and the pure helpers that read
 * a filled list and compare it with the counts the LAO recorded. Nothing here writes anything.
 */

export const NAME_LIST_TITLE = 'แบบรับรองรายชื่อนักเรียน';

/** The table's columns, in order, as both forms print them and the check finds them. */
export const NAME_LIST_COLUMNS = [
  { key: 'no', header: 'ลำดับ' },
  { key: 'citizenId', header: 'เลขประจำตัวประชาชน' },
  { key: 'prefix', header: 'คำนำหน้า' },
  { key: 'firstName', header: 'ชื่อ' },
  { key: 'lastName', header: 'นามสกุล' },
  { key: 'sex', header: 'เพศ' },
  { key: 'grade', header: 'ระดับชั้น' },
] as const;
export type NameListField = (typeof NAME_LIST_COLUMNS)[number]['key'];

/** The words the sex column takes (the xlsx form offers them as a drop-down list). */
export const SEX_WORDS = [sexLabels.MALE, sexLabels.FEMALE] as const;

/** The grades the grade column takes: อ.1 to ป.6 (the xlsx form's drop-down list). */
export const GRADE_WORDS = otherSchoolGrades.map((g) => gradeLabels[g].short);

/** The first cell of the certification block under the table; reading stops there. */
export const CERTIFICATION_TEXT = 'ขอรับรองว่ารายชื่อข้างต้นถูกต้อง';

/** A cell as a sheet reader gives it. */
export type SheetCell = string | number | boolean | Date | null;
/** One row of the sheet: its 1-based number in the sheet and its cells, column A first. */
export interface SheetRow {
  row: number;
  cells: readonly SheetCell[];
}

/** The refusal of a file that is not a filled name list: 400 with a Thai message. */
export function notANameList(message: string): LecError {
  return new LecError('BAD_USER_INPUT', message, { fields: { file: message } });
}

/** Other spellings of a header people type when they rebuild the table (compared without spaces). */
const HEADER_ALIASES: Record<NameListField, readonly string[]> = {
  no: ['ลำดับ', 'ลำดับที่', 'ที่'],
  citizenId: ['เลขประจำตัวประชาชน', 'เลขประจำตัวประชาชน13หลัก', 'เลขบัตรประชาชน', 'เลขประจำตัวประชาชน/รหัสG'],
  prefix: ['คำนำหน้า', 'คำนำหน้าชื่อ'],
  firstName: ['ชื่อ'],
  lastName: ['นามสกุล', 'สกุล'],
  sex: ['เพศ'],
  grade: ['ระดับชั้น', 'ชั้น'],
};
/** The columns a list cannot be read without. */
const REQUIRED: readonly NameListField[] = ['citizenId', 'firstName', 'lastName', 'sex', 'grade'];

export function cellText(c: SheetCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}
const squeeze = (s: string) => s.replace(/[\s\u200b]/g, '');

/** Where each column of the table is: 0-based indexes by field. */
export type NameListColumns = Partial<Record<NameListField, number>>;

/**
 * The table's header row, found by its Thai headers wherever it is (the header block above it, with
 * the school's name and instructions, is ignored): the first row holding every required header as a
 * whole cell. Null if there is none.
 */
export function findHeaderRow(rows: readonly SheetRow[]): { index: number; columns: NameListColumns } | null {
  for (const [index, r] of rows.entries()) {
    const columns: NameListColumns = {};
    r.cells.forEach((c, col) => {
      const text = squeeze(cellText(c));
      const field = NAME_LIST_COLUMNS.find((f) => HEADER_ALIASES[f.key].includes(text))?.key;
      if (field && columns[field] === undefined) columns[field] = col;
    });
    if (REQUIRED.every((f) => columns[f] !== undefined)) return { index, columns };
  }
  return null;
}

export interface ListedPupil {
  row: number;
  citizenId: string;
  sex: Sex;
  grade: OtherSchoolGrade;
}
export interface InvalidRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number;
  field: NameListField;
  message: string;
}
export interface ParsedNameList {
  /** Rows with anything filled in (a bare ลำดับ does not count). */
  rows: number;
  pupils: ListedPupil[];
  invalidRows: InvalidRow[];
}

function sexOf(raw: string): Sex | null {
  const s = squeeze(raw).toLowerCase();
  if (['ชาย', 'ช', 'ช.', 'male', 'm'].includes(s)) return 'MALE';
  if (['หญิง', 'ญ', 'ญ.', 'female', 'f'].includes(s)) return 'FEMALE';
  return null;
}

/**
 * Reads and checks the rows under the header row, up to the certification block: citizen ID (or
 * G-Code) with its checksum, first and last name, sex (ชาย / หญิง, or stated by the prefix; a prefix
 * of the other sex is a problem), grade อ.1 to ป.6. A row with any problem is not counted.
 */
export function parseNameListRows(
  rows: readonly SheetRow[],
  header: { index: number; columns: NameListColumns },
  today?: string,
): ParsedNameList {
  const { columns } = header;
  const at = (r: SheetRow, f: NameListField) =>
    columns[f] === undefined ? '' : cellText(r.cells[columns[f]] ?? null);
  const out: ParsedNameList = { rows: 0, pupils: [], invalidRows: [] };
  for (const r of rows.slice(header.index + 1)) {
    if (r.cells.some((c) => squeeze(cellText(c)).startsWith(CERTIFICATION_TEXT))) break;
    const filled = NAME_LIST_COLUMNS.some((f) => f.key !== 'no' && at(r, f.key) !== '');
    if (!filled) continue;
    out.rows += 1;
    const problems: InvalidRow[] = [];
    const problem = (field: NameListField, message: string) => problems.push({ row: r.row, field, message });

    const id = checkPupilId(at(r, 'citizenId'), today);
    if (!id.ok) problem('citizenId', id.problem);
    if (!at(r, 'firstName')) problem('firstName', 'กรุณากรอกชื่อ');
    if (!at(r, 'lastName')) problem('lastName', 'กรุณากรอกนามสกุล');

    const prefixRaw = at(r, 'prefix');
    const prefix = prefixRaw ? parsePrefix(prefixRaw) : null;
    if (prefixRaw && !prefix)
      problem('prefix', `ไม่รู้จักคำนำหน้า "${prefixRaw}" ใช้ได้ เช่น ด.ช. ด.ญ. เด็กชาย เด็กหญิง`);
    const sexRaw = at(r, 'sex');
    let sex: Sex | null = sexRaw ? sexOf(sexRaw) : (prefix?.sex ?? null);
    if (sexRaw && !sex) problem('sex', `เพศต้องเป็น ชาย หรือ หญิง (กรอก "${sexRaw}")`);
    else if (!sex) problem('sex', 'กรุณากรอกเพศ ชาย หรือ หญิง');
    else if (prefix && prefix.sex !== sex) {
      problem('sex', `เพศ (${sexLabels[sex]}) ไม่ตรงกับคำนำหน้า (${prefix.prefix}) กรุณาตรวจสอบ`);
      sex = null;
    }

    const gradeRaw = at(r, 'grade');
    const grade = gradeRaw ? parseGrade(gradeRaw) : null;
    if (!gradeRaw) problem('grade', 'กรุณากรอกระดับชั้น อ.1 ถึง ป.6');
    else if (!grade || !isOtherSchoolGrade(grade))
      problem('grade', `ระดับชั้น "${gradeRaw}" ไม่อยู่ในช่วงที่นับ: แบบรับรองรายชื่อนับเฉพาะชั้น อ.1 ถึง ป.6`);

    if (problems.length || !id.ok || !sex || !grade || !isOtherSchoolGrade(grade)) {
      out.invalidRows.push(...problems);
      continue;
    }
    out.pupils.push({ row: r.row, citizenId: id.id.value, sex, grade });
  }
  return out;
}

export interface DuplicateId {
  /** Masked: enough to find the rows, not enough to copy the ID. */
  citizenId: string;
  rows: number[];
}

/** The same pupil listed more than once: counted once (at the first row), each reported with its rows. */
export function findDuplicates(pupils: readonly ListedPupil[]): {
  unique: ListedPupil[];
  duplicates: DuplicateId[];
} {
  const byId = new Map<string, ListedPupil[]>();
  for (const p of pupils) byId.set(p.citizenId, [...(byId.get(p.citizenId) ?? []), p]);
  const unique = [...byId.values()].map((ps) => ps[0]);
  const duplicates = [...byId.entries()]
    .filter(([, ps]) => ps.length > 1)
    // A funded school's list is on no institution's register here: masked for whoever reads the result.
    .map(([id, ps]) => ({ citizenId: citizenIdFor(null, null, id), rows: ps.map((p) => p.row) }));
  return { unique, duplicates };
}

/** Pupils per grade and sex, every grade อ.1 to ป.6 in order (0 where none). */
export function countByGrade(pupils: readonly ListedPupil[]): GradeCountData[] {
  return otherSchoolGrades.map((grade) => ({
    grade,
    male: pupils.filter((p) => p.grade === grade && p.sex === 'MALE').length,
    female: pupils.filter((p) => p.grade === grade && p.sex === 'FEMALE').length,
  }));
}

export interface CountDifference {
  grade: OtherSchoolGrade;
  sex: 'male' | 'female';
  list: number;
  recorded: number;
}

/** Every grade and sex where the list and the recorded counts differ; none when nothing is recorded. */
export function compareCounts(
  fromList: readonly GradeCountData[],
  recorded: readonly GradeCountData[] | null,
): CountDifference[] {
  if (!recorded) return [];
  const rec = new Map(recorded.map((c) => [c.grade, c]));
  return otherSchoolGrades.flatMap((grade) => {
    const l = fromList.find((c) => c.grade === grade) ?? { male: 0, female: 0 };
    const r = rec.get(grade) ?? { male: 0, female: 0 };
    return (['male', 'female'] as const)
      .filter((sex) => l[sex] !== r[sex])
      .map((sex) => ({ grade, sex, list: l[sex], recorded: r[sex] }));
  });
}

export interface NameListCheck {
  rows: number;
  invalidRows: InvalidRow[];
  duplicates: DuplicateId[];
  countsFromList: GradeCountData[];
  recorded: GradeCountData[] | null;
  differences: CountDifference[];
  message: string;
}

const sexWord = { male: 'ชาย', female: 'หญิง' } as const;

/** One Thai sentence a person can act on: what was read, what is wrong with it, and how it compares. */
export function summarize(c: Omit<NameListCheck, 'message'>): string {
  const counted = c.countsFromList.reduce((n, g) => n + g.male + g.female, 0);
  const parts = [`อ่านรายชื่อได้ ${c.rows} แถว นับเป็นนักเรียน ${counted} คน`];
  if (c.invalidRows.length) {
    const rows = [...new Set(c.invalidRows.map((r) => r.row))];
    parts.push(`มี ${rows.length} แถวที่ข้อมูลไม่ถูกต้องและไม่ถูกนับ (แถวที่ ${rows.join(', ')})`);
  }
  if (c.duplicates.length) parts.push(`มีเลขประจำตัวประชาชนซ้ำ ${c.duplicates.length} เลข (นับเพียงครั้งเดียว)`);
  if (!c.recorded) parts.push('อปท. ยังไม่ได้บันทึกจำนวนนักเรียนของสถานศึกษานี้ จึงยังไม่มีตัวเลขให้เปรียบเทียบ');
  else if (c.differences.length === 0) parts.push('จำนวนนักเรียนตามรายชื่อตรงกับจำนวนที่บันทึกไว้ทุกชั้น');
  else
    parts.push(
      `จำนวนนักเรียนตามรายชื่อไม่ตรงกับที่บันทึกไว้ ${c.differences.length} รายการ: ` +
        c.differences
          .map(
            (d) => `${gradeLabels[d.grade].short} ${sexWord[d.sex]} ตามรายชื่อ ${d.list} บันทึกไว้ ${d.recorded}`,
          )
          .join(', '),
    );
  return parts.join(' ');
}

/**
 * The whole check of a filled list against the recorded counts (null: not recorded yet). Throws a
 * 400 when the sheet has no header row.
 */
export function checkNameList(
  rows: readonly SheetRow[],
  recorded: readonly GradeCountData[] | null,
  today?: string,
): NameListCheck {
  const header = findHeaderRow(rows);
  if (!header)
    throw notANameList(
      `ไม่พบหัวตารางของ${NAME_LIST_TITLE} (${NAME_LIST_COLUMNS.map((c) => c.header).join(' | ')}) ` +
        'ในแผ่นงานแรกของไฟล์ กรุณาใช้แบบฟอร์มที่ดาวน์โหลดจากระบบ และอย่าเปลี่ยนหัวตาราง',
    );
  const parsed = parseNameListRows(rows, header, today);
  const { unique, duplicates } = findDuplicates(parsed.pupils);
  const countsFromList = countByGrade(unique);
  const rec = recorded
    ? otherSchoolGrades.map((g) => recorded.find((c) => c.grade === g) ?? { grade: g, male: 0, female: 0 })
    : null;
  const result = {
    rows: parsed.rows,
    invalidRows: parsed.invalidRows,
    duplicates,
    countsFromList,
    recorded: rec && rec.map(({ grade, male, female }) => ({ grade, male, female })),
    differences: compareCounts(countsFromList, rec),
  };
  return { ...result, message: summarize(result) };
}
