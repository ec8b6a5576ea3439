import { academicYearStart, ageOn, toArabicDigits } from '../../../shared/thai-calendar';

// prettier-ignore
export const schoolGrades = [
  'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6',
] as const;

export type SchoolGrade = (typeof schoolGrades)[number];
/** CDC children have no grade: they are grouped by age (see cdcAgeGroup). */
export type Grade = SchoolGrade | 'CDC';

export const grades: readonly Grade[] = [...schoolGrades, 'CDC'];

export function isGrade(value: string): value is Grade {
  return (grades as readonly string[]).includes(value);
}

export function isSchoolGrade(value: string): value is SchoolGrade {
  return (schoolGrades as readonly string[]).includes(value);
}

const LEVELS = {
  K: { short: 'อ.', full: 'อนุบาล ' },
  P: { short: 'ป.', full: 'ประถมศึกษาปีที่ ' },
  M: { short: 'ม.', full: 'มัธยมศึกษาปีที่ ' },
} as const;

function label(grade: Grade, form: 'short' | 'full'): string {
  if (grade === 'CDC') return form === 'short' ? 'เด็กเล็ก' : 'เด็กเล็ก (ศูนย์พัฒนาเด็กเล็ก)';
  const level = LEVELS[grade[0] as keyof typeof LEVELS];
  return `${level[form]}${grade.slice(1)}`;
}

/** Thai labels as in the department's letters: short (อ.1, ป.1, ม.1) and full (อนุบาล 1, ประถมศึกษาปีที่ 1). */
export const gradeLabels = Object.fromEntries(
  grades.map((g) => [g, { short: label(g, 'short'), full: label(g, 'full') }]),
) as Record<Grade, { short: string; full: string }>;

/**
 * The grade a pupil moves up to: K3 → P1, P6 → M1; null when the pupil leaves: M6 graduates, and a CDC
 * child is not promoted but leaves for a school, which enrols the child itself.
 */
export function nextGrade(grade: Grade): SchoolGrade | null {
  if (grade === 'CDC' || grade === 'M6') return null;
  return schoolGrades[schoolGrades.indexOf(grade) + 1];
}

/** The usual age in completed years on 16 May of the academic year: K1 = 3, P1 = 6, M6 = 17. */
export function typicalAge(grade: SchoolGrade): number {
  return schoolGrades.indexOf(grade) + 3;
}

/** A grade as typed in a spreadsheet: `K1`, `อ.1`, `อนุบาล 1`, `ป.๖`, `ประถมศึกษาปีที่ 6`, `ม6`, `เด็กเล็ก`. */
export function parseGrade(raw: string): Grade | null {
  const s = toArabicDigits(raw).replace(/[\s.]/g, '').toUpperCase();
  if (isGrade(s)) return s;
  if (s === 'เด็กเล็ก' || s === 'ศพด') return 'CDC';
  const m = /^(อ|อนุบาล|ป|ประถมศึกษาปีที่|ประถม|ม|มัธยมศึกษาปีที่|มัธยม)(\d)$/.exec(s);
  if (!m) return null;
  const level = m[1].startsWith('อ') ? 'K' : m[1].startsWith('ป') ? 'P' : 'M';
  const grade = `${level}${m[2]}`;
  return isSchoolGrade(grade) ? grade : null;
}

/**
 * CDC age groups. The department's guideline (sources 000, 002) names none, so a child is grouped by
 * completed years on 16 May of the academic year, the same day the school grades count from.
 */
export const cdcAgeGroups = ['2-3', '3-4', '4-5', '5+'] as const;
export type CdcAgeGroup = (typeof cdcAgeGroups)[number];

export const cdcAgeGroupLabels: Record<CdcAgeGroup, string> = {
  '2-3': 'อายุ 2 ปี (2 ปีเต็ม แต่ยังไม่ถึง 3 ปี)',
  '3-4': 'อายุ 3 ปี (3 ปีเต็ม แต่ยังไม่ถึง 4 ปี)',
  '4-5': 'อายุ 4 ปี (4 ปีเต็ม แต่ยังไม่ถึง 5 ปี)',
  '5+': 'อายุ 5 ปีขึ้นไป',
};

/** The child's group for the academic year (พ.ศ.); null under 2, who may not be enrolled at a CDC. */
export function cdcAgeGroup(birthDate: string, academicYear: number): CdcAgeGroup | null {
  const age = ageOn(birthDate, academicYearStart(academicYear));
  if (age < 2) return null;
  return age >= 5 ? '5+' : cdcAgeGroups[age - 2];
}
