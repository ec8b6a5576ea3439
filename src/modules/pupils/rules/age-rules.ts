import { gradeLabels, typicalAge, type Grade } from './grades';
import { academicYearStart, ageOn, formatThaiDate } from '../../../shared/thai-calendar';

export const CDC_MIN_AGE = 2;
export const CDC_MAX_AGE = 6;
export const K1_MIN_AGE = 3;

export const OVER_AGE_QUERY = 'อายุมากกว่าเกณฑ์ของระดับชั้น กรุณาระบุเหตุผล';

export interface AgeProblem {
  /** Refused: the birth date or the grade is almost surely wrong. */
  error?: string;
  /** Unusual but possible: accepted with an explanation note, and listed for the LAO and province. */
  query?: string;
}

/**
 * Age against grade, in completed years on 16 May of the academic year (the day Thai schools count
 * age from). A CDC child is 2 to 6; a K1 pupil at least 3; any other pupil at most 1 year younger than
 * the usual age of the grade. Two or more years older than usual is possible (late start, repeating a
 * year, a migrant child placed by level) and so only a query.
 */
export function ageProblem(grade: Grade, birthDate: string, academicYear: number): AgeProblem {
  const start = academicYearStart(academicYear);
  const age = ageOn(birthDate, start);
  const on = `ณ วันที่ ${formatThaiDate(start)} (เปิดปีการศึกษา ${academicYear})`;
  const is = age < 0 ? 'ยังไม่เกิด' : `อายุ ${age} ปี`;
  if (grade === 'CDC') {
    if (age < CDC_MIN_AGE)
      return { error: `เด็กเล็กต้องมีอายุครบ ${CDC_MIN_AGE} ปีบริบูรณ์ ${on} แต่เด็ก${is} กรุณาตรวจสอบวันเกิด` };
    if (age > CDC_MAX_AGE)
      return {
        query: `เด็ก${is} ${on} เกินเกณฑ์ศูนย์พัฒนาเด็กเล็ก (ไม่เกิน ${CDC_MAX_AGE} ปี) ควรเข้าเรียนในโรงเรียน กรุณาระบุเหตุผล`,
      };
    return {};
  }
  const usual = typicalAge(grade);
  const min = grade === 'K1' ? K1_MIN_AGE : usual - 1;
  if (age < min)
    return {
      error: `นักเรียนชั้น ${gradeLabels[grade].short} ต้องมีอายุอย่างน้อย ${min} ปี ${on} แต่นักเรียน${is} กรุณาตรวจสอบวันเกิดหรือระดับชั้น`,
    };
  if (age >= usual + 2)
    return {
      query: `${OVER_AGE_QUERY} (นักเรียน${is} ${on} เกณฑ์ของชั้น ${gradeLabels[grade].short} คือ ${usual} ปี)`,
    };
  return {};
}
