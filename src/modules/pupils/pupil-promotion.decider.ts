import { badInput } from '../../shared/errors';
import type { InstitutionState } from './pupil.decider';
import type { PromotionCompleted, PupilEvent } from './pupil.events';
import { grades, isSchoolGrade, type Grade, type SchoolGrade } from './rules/grades';
import {
  gradeAboveLastProblem,
  gradeAfterPromotion,
  graduationDate,
  isAbove,
  lastGradeTaught,
  promotionYearProblem,
} from './rules/promotion-rules';
import { academicYearStart } from '../../shared/thai-calendar';

export interface PromotionState extends Pick<InstitutionState, 'institution' | 'today'> {
  /** The institution has promoted for this academic year already. */
  done: boolean;
  lastPromotionYear: number | null;
  /** Every grade any pupil of the institution has or had. */
  gradesSeen: Grade[];
  /** The pupils on the current register, with the day (in Thailand) each was recorded there. */
  pupils: { pupilId: string; grade: Grade; recordedOn: string }[];
}

export interface PromotePupils {
  type: 'PromotePupils';
  academicYear: number;
  /** The last grade the institution teaches; by default the highest grade any of its pupils has or had. */
  lastGrade?: Grade | null;
}

export type PromotionSummary = PromotionCompleted['data'];

function lastGradeOf(command: PromotePupils, state: PromotionState): SchoolGrade | null {
  if (command.lastGrade == null) return lastGradeTaught(state.gradesSeen);
  if (!isSchoolGrade(command.lastGrade))
    throw badInput({ lastGrade: 'ชั้นสุดท้ายที่เปิดสอนต้องเป็น อ.1–อ.3, ป.1–ป.6 หรือ ม.1–ม.6' });
  return command.lastGrade;
}

const byGrade = (a: { grade: Grade; pupilId: string }, b: { grade: Grade; pupilId: string }) =>
  grades.indexOf(a.grade) - grades.indexOf(b.grade) || a.pupilId.localeCompare(b.pupilId);

/**
 * A school's move to a new academic year, in one batch: every pupil on the register moves up one
 * grade (K3 → P1 only where the school teaches P1, i.e. its last grade is P1 or above), those in its
 * last grade (and M6) graduate. Pupils recorded on or after the first day of that academic year are
 * already in its grade and stay. Done once a year: a second call returns no events.
 */
export function decidePromotion(command: PromotePupils, state: PromotionState): PupilEvent[] {
  if (state.institution.kind === 'CDC')
    throw badInput({
      institutionCode:
        'ศูนย์พัฒนาเด็กเล็กไม่มีการเลื่อนชั้น (เด็กจัดกลุ่มตามอายุ) เด็กที่ไปเข้าโรงเรียนให้บันทึกออกจากศูนย์ด้วยเหตุ จบการศึกษา',
    });
  if (state.done) return [];
  const year = command.academicYear;
  const yearProblem = promotionYearProblem(year, state.today);
  if (yearProblem) throw badInput({ academicYear: yearProblem });
  if (state.lastPromotionYear !== null && year < state.lastPromotionYear)
    throw badInput({ academicYear: `สถานศึกษาเลื่อนชั้นสำหรับปีการศึกษา ${state.lastPromotionYear} แล้ว` });
  const lastGrade = lastGradeOf(command, state);
  const start = academicYearStart(year);
  const movers = state.pupils.filter((p) => p.recordedOn < start).sort(byGrade);
  const events: PupilEvent[] = [];
  const moves = new Map<string, { fromGrade: Grade; toGrade: Grade | null; count: number }>();
  for (const p of movers) {
    if (!isSchoolGrade(p.grade) || !lastGrade) continue;
    if (isAbove(p.grade, lastGrade)) throw badInput({ lastGrade: gradeAboveLastProblem(p.grade, lastGrade) });
    const toGrade = gradeAfterPromotion(p.grade, lastGrade);
    events.push(
      toGrade
        ? {
            type: 'PupilPromoted',
            data: { pupilId: p.pupilId, fromGrade: p.grade, toGrade, academicYear: year },
          }
        : {
            type: 'PupilLeft',
            data: {
              pupilId: p.pupilId,
              reason: 'GRADUATED',
              date: graduationDate(year, state.today),
              note: null,
              promotionYear: year,
            },
          },
    );
    const key = `${p.grade}>${toGrade}`;
    const move = moves.get(key) ?? { fromGrade: p.grade, toGrade, count: 0 };
    moves.set(key, { ...move, count: move.count + 1 });
  }
  const graduated = events.filter((e) => e.type === 'PupilLeft').length;
  events.push({
    type: 'PromotionCompleted',
    data: {
      institutionCode: state.institution.code,
      academicYear: year,
      lastGrade,
      promoted: events.length - graduated,
      graduated,
      skipped: state.pupils.length - movers.length,
      moves: [...moves.values()],
    },
  });
  return events;
}
