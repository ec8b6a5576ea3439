import { badInput } from '../../shared/errors';
import {
  refuseDuplicate,
  validatePupilInput,
  type InstitutionState,
  type PupilInputData,
} from './pupil.decider';
import type { PupilStatus } from './pupil.entity';
import type { LeaveReason, PupilDetails, PupilEvent } from './pupil.events';
import { gradeLabels, nextGrade, type Grade } from './rules/grades';
import { formatThaiDate, isIsoDate } from '../../shared/thai-calendar';

/** What a decision about one pupil's comings and goings needs, read from the read models in the command's transaction. */
export interface LifecycleState extends Pick<InstitutionState, 'institution' | 'academicYear' | 'today'> {
  pupil:
    | (PupilDetails & {
        pupilId: string;
        status: PupilStatus;
        leftReason: LeaveReason | null;
        promotedYear: number | null;
        promotedFrom: Grade | null;
      })
    | null;
  /** Where else the citizen ID (of the input, or of the pupil) is enrolled right now, if anywhere. */
  activeElsewhere: InstitutionState['activeElsewhere'];
  /** The academic year of the institution's latest promotion, if it ever promoted. */
  lastPromotionYear: number | null;
}

export type LifecycleCommand =
  | {
      type: 'RecordPupilLeft';
      pupilId: string;
      reason: LeaveReason;
      date: string;
      note: string | null;
      toInstitutionCode?: string | null;
    }
  | {
      type: 'RecordPupilTransferredIn';
      pupilId: string;
      input: PupilInputData;
      date: string;
      fromInstitutionCode: string | null;
      note: string | null;
    }
  | { type: 'HoldBackPupil'; pupilId: string; note: string | null };

const NOTE_MAX = 500;
const CODE_MAX = 20;

function noteOf(note: string | null | undefined): string | null {
  const n = note?.trim() || null;
  if (n && n.length > NOTE_MAX) throw badInput({ note: `หมายเหตุยาวได้ไม่เกิน ${NOTE_MAX} ตัวอักษร` });
  return n;
}

function codeOf(field: string, code: string | null | undefined, own: string): string | null {
  const c = code?.trim() || null;
  if (c && c.length > CODE_MAX) throw badInput({ [field]: `รหัสสถานศึกษายาวได้ไม่เกิน ${CODE_MAX} ตัวอักษร` });
  if (c === own) throw badInput({ [field]: 'ต้องเป็นสถานศึกษาอื่น ไม่ใช่สถานศึกษาของท่านเอง' });
  return c;
}

/** A day something happened to a pupil: ISO, real, not in the future, not before `notBefore`. */
function checkDate(date: string, today: string, notBefore: string | null, what: string): string {
  const d = date.trim();
  if (!isIsoDate(d)) throw badInput({ date: `${what}ต้องอยู่ในรูปแบบ ปปปป-ดด-วว ปี ค.ศ. เช่น 2025-06-10` });
  if (d > today) throw badInput({ date: `${what}ต้องไม่เป็นวันในอนาคต (วันนี้คือ ${formatThaiDate(today)})` });
  if (notBefore && d < notBefore)
    throw badInput({ date: `${what}ต้องไม่ก่อนวันที่ ${formatThaiDate(notBefore)} (วันเกิดหรือวันที่เข้าเรียน)` });
  return d;
}

function requireActive(state: LifecycleState) {
  if (!state.pupil || state.pupil.status !== 'ACTIVE')
    throw badInput({ pupilId: 'ไม่พบนักเรียนรายนี้ในทะเบียนปัจจุบันของสถานศึกษา' });
  return state.pupil;
}

export function decideLifecycle(command: LifecycleCommand, state: LifecycleState): PupilEvent[] {
  switch (command.type) {
    case 'RecordPupilLeft': {
      const pupil = requireActive(state);
      if (command.toInstitutionCode && command.reason !== 'TRANSFERRED_OUT')
        throw badInput({ toInstitutionCode: 'ระบุสถานศึกษาปลายทางได้เฉพาะกรณีย้ายออก' });
      const date = checkDate(command.date, state.today, pupil.enrolmentDate ?? pupil.birthDate, 'วันที่ออก');
      return [
        {
          type: 'PupilLeft',
          data: {
            pupilId: command.pupilId,
            reason: command.reason,
            date,
            note: noteOf(command.note),
            toInstitutionCode: codeOf('toInstitutionCode', command.toInstitutionCode, state.institution.code),
          },
        },
      ];
    }
    case 'RecordPupilTransferredIn': {
      const { details, queries, queryNote } = validatePupilInput(command.input, state);
      refuseDuplicate(state);
      const date = checkDate(command.date, state.today, details.birthDate, 'วันที่ย้ายเข้า');
      return [
        {
          type: 'PupilTransferredIn',
          data: {
            pupilId: command.pupilId,
            institutionCode: state.institution.code,
            ...details,
            // A pupil who transfers in starts at this institution on the day of the transfer.
            enrolmentDate: details.enrolmentDate ?? date,
            queries,
            queryNote,
            fromInstitutionCode: codeOf(
              'fromInstitutionCode',
              command.fromInstitutionCode,
              state.institution.code,
            ),
            date,
            note: noteOf(command.note),
            transferRequestId: null,
          },
        },
      ];
    }
    case 'HoldBackPupil': {
      const pupil = state.pupil;
      if (!pupil) throw badInput({ pupilId: 'ไม่พบนักเรียนรายนี้ในทะเบียนของสถานศึกษา' });
      const year = pupil.promotedYear;
      if (year === null || year !== state.lastPromotionYear)
        throw badInput({
          pupilId: 'นักเรียนรายนี้ไม่ได้เลื่อนชั้นหรือจบการศึกษาในการเลื่อนชั้นครั้งล่าสุดของสถานศึกษา จึงไม่มีการเลื่อนชั้นให้ยกเลิก',
        });
      let grade: Grade;
      if (pupil.status === 'LEFT' && pupil.leftReason === 'GRADUATED') {
        // A graduate who repeats the last grade comes back, unless another institution has enrolled the child since.
        refuseDuplicate(state);
        grade = pupil.grade;
      } else if (pupil.status === 'ACTIVE' && pupil.promotedFrom) {
        if (pupil.grade !== nextGrade(pupil.promotedFrom))
          throw badInput({
            pupilId: `ชั้นของนักเรียนถูกแก้ไขหลังการเลื่อนชั้นแล้ว (ปัจจุบัน ${gradeLabels[pupil.grade].short}) กรุณาใช้การแก้ไขข้อมูลนักเรียนแทน`,
          });
        grade = pupil.promotedFrom;
      } else throw badInput({ pupilId: 'ไม่พบนักเรียนรายนี้ในทะเบียนปัจจุบันของสถานศึกษา' });
      return [
        {
          type: 'PupilHeldBack',
          data: { pupilId: command.pupilId, academicYear: year, grade, note: noteOf(command.note) },
        },
      ];
    }
  }
}
