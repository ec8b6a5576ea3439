import { gradeLabels, isSchoolGrade, nextGrade, schoolGrades, type Grade, type SchoolGrade } from './grades';
import { academicYearOf, beToCe } from '../../../shared/thai-calendar';

/**
 * The academic years an institution may promote its pupils for: the current one, and from 1 March
 * (the second semester is over, classes for the new year are being set up) the next one. Any other
 * year is almost surely a typing slip, and a promotion is not easily undone.
 */
export function promotionYearProblem(academicYear: number, today: string): string | null {
  const current = academicYearOf(today);
  if (academicYear === current) return null;
  const nextOpensOn = `${beToCe(current) + 1}-03-01`;
  if (academicYear === current + 1 && today >= nextOpensOn) return null;
  return academicYear === current + 1
    ? `เลื่อนชั้นสำหรับปีการศึกษา ${academicYear} ได้ตั้งแต่ 1 มีนาคม ${current + 1} (หลังจบภาคเรียนที่ 2)`
    : `เลื่อนชั้นได้เฉพาะปีการศึกษาปัจจุบัน (${current}) หรือปีการศึกษาถัดไปตั้งแต่ 1 มีนาคม`;
}

/**
 * The last grade an institution teaches when the caller does not say: the highest grade any of its
 * pupils has or had (leavers keep their last grade). A school teaches every grade up to it, so it
 * teaches P1 (and its K3 pupils move up to P1) exactly when its last grade is P1 or above.
 */
export function lastGradeTaught(gradesSeen: Iterable<Grade>): SchoolGrade | null {
  let last = -1;
  for (const g of gradesSeen) if (isSchoolGrade(g)) last = Math.max(last, schoolGrades.indexOf(g));
  return last < 0 ? null : schoolGrades[last];
}

export function isAbove(grade: SchoolGrade, lastGrade: SchoolGrade): boolean {
  return schoolGrades.indexOf(grade) > schoolGrades.indexOf(lastGrade);
}

/** Where a pupil goes at promotion: the next grade, or null when the pupil finishes the school's last grade (or M6) and graduates. */
export function gradeAfterPromotion(grade: SchoolGrade, lastGrade: SchoolGrade): SchoolGrade | null {
  return grade === lastGrade ? null : nextGrade(grade);
}

/** Graduates leave on the last day of the academic year before the one promoted to, or today if that is earlier. */
export function graduationDate(academicYear: number, today: string): string {
  const lastDay = `${beToCe(academicYear)}-05-15`;
  return today < lastDay ? today : lastDay;
}

export function gradeAboveLastProblem(grade: SchoolGrade, lastGrade: SchoolGrade): string {
  return `มีนักเรียนชั้น ${gradeLabels[grade].short} ซึ่งสูงกว่าชั้นสุดท้ายที่ระบุ (${gradeLabels[lastGrade].short}) กรุณาตรวจสอบชั้นสุดท้ายที่สถานศึกษาเปิดสอน`;
}
