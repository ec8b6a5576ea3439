import type { PupilInputData } from '../pupils/pupil.decider';
import { parseGrade } from '../pupils/rules/grades';
import { parsePrefix } from '../pupils/rules/name-prefixes';
import { parseThaiDate } from '../../shared/thai-calendar';
import { cellText, isBlank, type CellValue } from './cells';
import type { ColumnMap, ImportField } from './import-columns';

/** A sheet row as the pupil rules take it, and what could not even be read (by field). */
export interface RowInput {
  input: PupilInputData;
  problems: Partial<Record<ImportField, string>>;
}

const SEX: Record<string, 'MALE' | 'FEMALE'> = {
  ชาย: 'MALE',
  ช: 'MALE',
  เพศชาย: 'MALE',
  male: 'MALE',
  m: 'MALE',
  หญิง: 'FEMALE',
  ญ: 'FEMALE',
  เพศหญิง: 'FEMALE',
  female: 'FEMALE',
  f: 'FEMALE',
};

const YES = new Set(['ใช่', 'ด้อยโอกาส', 'เป็น', 'มี', 'y', 'yes', 'true', '1', '✓', '/']);
const NO = new Set(['', 'ไม่ใช่', 'ไม่', 'ไม่เป็น', 'ไม่มี', '-', 'n', 'no', 'false', '0']);

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A date cell (Excel stores the Christian-era day even when it shows a Buddhist-era year), a bare
 * serial number (a column formatted with Thai date codes such as ว/ด/ปปปป reads as one), or text as
 * Thai sheets write it (15/03/2561, 15 มี.ค. 2561). A date typed with a Buddhist-era year into a
 * Christian-era cell (year 2561) is taken back by 543 years, like text.
 */
export function cellDate(v: CellValue | undefined, what: string): { date: string | null; problem?: string } {
  if (isBlank(v)) return { date: null };
  let text: string;
  if (v instanceof Date) text = iso(v);
  else if (typeof v === 'number' && v >= 1 && v < 2958466)
    text = iso(new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000));
  else text = cellText(v);
  const date = parseThaiDate(text);
  if (date) return { date };
  return {
    date: null,
    problem: `${what} "${cellText(v)}" อ่านไม่ได้ กรุณากรอกเป็น วัน/เดือน/ปี พ.ศ. 4 หลัก เช่น 15/03/2561 หรือ 15 มี.ค. 2561`,
  };
}

function citizenIdOf(v: CellValue | undefined): { id: string; problem?: string } {
  if (typeof v === 'number') {
    const digits = cellText(v);
    // A number cell drops the leading 0 of an ID given to a person without registration status.
    return { id: digits.length === 12 ? `0${digits}` : digits };
  }
  const id = cellText(v);
  if (/^\d(\.\d+)?e\+?\d+$/i.test(id))
    return {
      id,
      problem: `เลขประจำตัวประชาชนถูกโปรแกรมตารางคำนวณแปลงเป็นเลขยกกำลัง (${id}) ทำให้ตัวเลขสูญหาย กรุณาจัดรูปแบบคอลัมน์เป็นข้อความ (Text) แล้วกรอกเลขใหม่`,
    };
  return { id };
}

export function rowInput(cells: CellValue[], map: ColumnMap, kind: 'SCHOOL' | 'CDC'): RowInput {
  const problems: RowInput['problems'] = {};
  const at = (f: ImportField) => (map.fields[f] === undefined ? null : cells[map.fields[f]!]);
  const text = (f: ImportField) => cellText(at(f));

  const { id, problem: idProblem } = citizenIdOf(at('citizenId'));
  if (idProblem) problems.citizenId = idProblem;
  const prefix = text('prefix');
  const sexText = text('sex').replace(/\s/g, '').toLowerCase();
  let sex: string = SEX[sexText] ?? '';
  if (!sexText) sex = parsePrefix(prefix)?.sex ?? '';
  else if (!sex) problems.sex = `เพศ "${text('sex')}" ไม่ถูกต้อง กรุณากรอก ชาย หรือ หญิง`;

  const birth = cellDate(at('birthDate'), 'วันเดือนปีเกิด');
  if (birth.problem) problems.birthDate = birth.problem;
  else if (!birth.date) problems.birthDate = 'กรุณากรอกวันเดือนปีเกิด เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2561';
  const enrolled = cellDate(at('enrolmentDate'), 'วันที่เข้าเรียน');
  if (enrolled.problem) problems.enrolmentDate = enrolled.problem;

  const gradeText = text('grade');
  const grade = gradeText ? (parseGrade(gradeText) ?? gradeText) : kind === 'CDC' ? 'CDC' : '';

  const religion = text('religion') || null;
  if (religion && religion.length > 50) problems.religion = 'ศาสนายาวได้ไม่เกิน 50 ตัวอักษร';
  const queryNote = text('queryNote') || null;
  if (queryNote && queryNote.length > 500) problems.queryNote = 'หมายเหตุยาวได้ไม่เกิน 500 ตัวอักษร';
  const flag = text('disadvantaged').replace(/\s/g, '').toLowerCase();
  const disadvantaged = YES.has(flag) ? true : NO.has(flag) ? false : null;
  if (disadvantaged === null)
    problems.disadvantaged = `ช่องด้อยโอกาส "${text('disadvantaged')}" ไม่ถูกต้อง กรุณากรอก ใช่ หรือ ไม่ใช่ (หรือเว้นว่าง)`;

  const extra: Record<string, string> = {};
  for (const { index, key } of map.extra) {
    const v = cells[index];
    if (!isBlank(v)) extra[key] = cellText(v).slice(0, 500);
  }
  return {
    input: {
      citizenId: id,
      prefix,
      firstName: text('firstName'),
      lastName: text('lastName'),
      sex,
      birthDate: birth.date ?? '',
      nationality: text('nationality'),
      grade,
      enrolmentDate: enrolled.date,
      religion,
      disadvantaged: disadvantaged ?? false,
      queryNote,
      extra,
    },
    problems,
  };
}
