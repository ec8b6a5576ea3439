import type { OrgUnitKind } from '../../chain/org-unit-kind';
import type { LeaveReason, NonExistenceReason } from '../pupil.events';

/** Why a pupil was removed as non-existent, in the words of the department's letter. */
export const reasonLabels: Record<NonExistenceReason, string> = {
  NEVER_ATTENDED: 'มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง',
  LEFT_WITHOUT_NOTICE: 'ออกระหว่างภาคเรียนโดยไม่ได้ลาออกหรือแจ้งสถานศึกษา',
  ABSENT_UNREACHABLE: 'ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้',
};

/** The three normal ways out of the register (GLOSSARY: จบการศึกษา, ย้ายออก, ลาออก). */
export function leaveReasonLabel(reason: LeaveReason, kind: OrgUnitKind): string {
  if (reason === 'GRADUATED') return kind === 'CDC' ? 'จบการศึกษา (ไปเข้าเรียนในโรงเรียน)' : 'จบการศึกษา';
  return reason === 'TRANSFERRED_OUT' ? 'ย้ายออก (ไปเรียนที่สถานศึกษาอื่น)' : 'ลาออก';
}
