import { badInput } from '../../shared/errors';
import { gradeLabels, isSchoolGrade, type SchoolGrade } from '../pupils/rules/grades';

/** The grades an LAO counts at a school of another affiliation: อนุบาล 1 to ป.6 (DOMAIN.md, Records). */
// prettier-ignore
export const otherSchoolGrades = [
  'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6',
] as const satisfies readonly SchoolGrade[];
export type OtherSchoolGrade = (typeof otherSchoolGrades)[number];

/** Open, or closed / merged / dissolved (ยุบ / รวม / เลิกสถานศึกษา): then every count is 0. */
export const otherSchoolStatuses = ['OPEN', 'CLOSED', 'MERGED', 'DISSOLVED'] as const;
export type OtherSchoolStatus = (typeof otherSchoolStatuses)[number];

export const statusLabels: Record<OtherSchoolStatus, string> = {
  OPEN: 'เปิดทำการเรียนการสอน',
  CLOSED: 'ยุบสถานศึกษา',
  MERGED: 'รวมสถานศึกษา',
  DISSOLVED: 'เลิกสถานศึกษา',
};

export const MAX_PUPILS_PER_GRADE = 5000;
export const MAX_NOTE_LENGTH = 500;

export interface GradeCountData {
  grade: OtherSchoolGrade;
  male: number;
  female: number;
}

/** The counts as entered, before any check. */
export interface OtherSchoolCountsEntry {
  counts: readonly { grade: string; male?: number | null; female?: number | null }[];
  status: string;
  note?: string | null;
}

/** The counts as recorded: all nine grades, in order, whole numbers. */
export interface OtherSchoolCountsRecord {
  counts: GradeCountData[];
  status: OtherSchoolStatus;
  note: string | null;
}

const sexWords = { male: 'ชาย', female: 'หญิง' } as const;
type Sex = keyof typeof sexWords;

export function isOtherSchoolGrade(value: string): value is OtherSchoolGrade {
  return (otherSchoolGrades as readonly string[]).includes(value);
}

function isOtherSchoolStatus(value: string): value is OtherSchoolStatus {
  return (otherSchoolStatuses as readonly string[]).includes(value);
}

function numberProblem(n: number | null | undefined, grade: OtherSchoolGrade, sex: Sex): string | null {
  const what = `จำนวนนักเรียน${sexWords[sex]} ชั้น ${gradeLabels[grade].short}`;
  if (typeof n !== 'number' || Number.isNaN(n))
    return `กรุณากรอก${what} ถ้าไม่มีนักเรียนให้กรอก 0 (เลขศูนย์) ห้ามเว้นว่าง`;
  if (!Number.isInteger(n)) return `${what}ต้องเป็นจำนวนเต็ม (กรอก ${n})`;
  if (n < 0) return `${what}ต้องไม่ติดลบ (กรอก ${n}) ถ้าไม่มีนักเรียนให้กรอก 0`;
  if (n > MAX_PUPILS_PER_GRADE)
    return `${what}ต้องไม่เกิน ${MAX_PUPILS_PER_GRADE.toLocaleString('en-US')} คน (กรอก ${n}) กรุณาตรวจสอบกับแบบรับรองรายชื่อนักเรียน`;
  return null;
}

function gradeProblem(grade: string): string {
  if (isSchoolGrade(grade))
    return `ชั้น ${gradeLabels[grade].short} ไม่ต้องบันทึก: จำนวนนักเรียนของสถานศึกษาสังกัดอื่นบันทึกเฉพาะชั้นอนุบาล 1 ถึง ป.6`;
  return `ไม่รู้จักระดับชั้น "${grade}": บันทึกได้เฉพาะชั้นอนุบาล 1 ถึง ป.6 (K1–K3, P1–P6)`;
}

/**
 * Checks the counts from a school's certified name list (แบบรับรองรายชื่อนักเรียน): every grade from
 * อนุบาล 1 to ป.6 exactly once as a whole number, 0 rather than blank; a closed, merged or dissolved
 * school all zeros with a note of why; an open school with no pupils at all only with a note of why.
 * Throws BAD_USER_INPUT naming each bad field (`counts.K2.male`, `counts.P6`, `note`).
 */
export function checkOtherSchoolCounts(entry: OtherSchoolCountsEntry): OtherSchoolCountsRecord {
  const fields: Record<string, string> = {};
  const byGrade = new Map<OtherSchoolGrade, GradeCountData>();
  for (const row of entry.counts) {
    const { grade } = row;
    if (!isOtherSchoolGrade(grade)) {
      fields[`counts.${grade || '?'}`] = gradeProblem(grade);
      continue;
    }
    if (byGrade.has(grade)) {
      fields[`counts.${grade}`] = `กรอกชั้น ${gradeLabels[grade].short} ซ้ำ กรุณากรอกแต่ละชั้นเพียงครั้งเดียว`;
      continue;
    }
    byGrade.set(grade, { grade, male: row.male ?? NaN, female: row.female ?? NaN });
    for (const sex of ['male', 'female'] as const) {
      const problem = numberProblem(row[sex], grade, sex);
      if (problem) fields[`counts.${grade}.${sex}`] = problem;
    }
  }
  for (const grade of otherSchoolGrades)
    if (!byGrade.has(grade))
      fields[`counts.${grade}`] =
        `ยังไม่ได้กรอกจำนวนนักเรียนชั้น ${gradeLabels[grade].short} ถ้าไม่มีนักเรียนให้กรอก 0 (เลขศูนย์) ห้ามเว้นว่าง`;

  const note = entry.note?.trim() || null;
  if (note && note.length > MAX_NOTE_LENGTH) fields.note = `หมายเหตุยาวได้ไม่เกิน ${MAX_NOTE_LENGTH} ตัวอักษร`;
  const status = entry.status;
  if (!isOtherSchoolStatus(status)) {
    fields.status = 'สถานะของสถานศึกษาต้องเป็น เปิดทำการเรียนการสอน ยุบ รวม หรือเลิกสถานศึกษา';
    throw badInput(fields);
  }

  const counts = otherSchoolGrades.flatMap((g) => byGrade.get(g) ?? []);
  if (status !== 'OPEN') {
    for (const c of counts)
      for (const sex of ['male', 'female'] as const)
        if (c[sex] > 0 && !fields[`counts.${c.grade}.${sex}`])
          fields[`counts.${c.grade}.${sex}`] =
            `สถานศึกษาที่${statusLabels[status]}ต้องกรอกจำนวนนักเรียนเป็น 0 (เลขศูนย์) ทุกชั้น`;
    if (!note) fields.note = `กรุณาระบุหมายเหตุการ${statusLabels[status]} เช่น ประกาศของหน่วยงานต้นสังกัด เลขที่และวันที่`;
  } else if (
    !note &&
    Object.keys(fields).length === 0 &&
    counts.every((c) => c.male === 0 && c.female === 0)
  ) {
    fields.note =
      'จำนวนนักเรียนทุกชั้นเป็น 0 กรุณาระบุเหตุผลในหมายเหตุว่าเหตุใดจึงไม่มีนักเรียน ' +
      'หากสถานศึกษาถูกยุบ รวม หรือเลิก ให้เลือกสถานะของสถานศึกษาให้ตรงกับประกาศ';
  }
  if (Object.keys(fields).length) throw badInput(fields);
  return { counts, status, note };
}

export function sameRecord(a: OtherSchoolCountsRecord, b: OtherSchoolCountsRecord): boolean {
  return (
    a.status === b.status &&
    a.note === b.note &&
    a.counts.length === b.counts.length &&
    a.counts.every((c, i) => c.male === b.counts[i].male && c.female === b.counts[i].female)
  );
}
