import type { LeaveReason } from '../graphql/pupil-life';
import type { OrgUnitKind } from './thai';

/** The three normal ways out of the register (GLOSSARY: จบการศึกษา, ย้ายออก, ลาออก). */
export const leaveReasonLabels = (kind: OrgUnitKind): Record<LeaveReason, string> => ({
  GRADUATED: kind === 'CDC' ? 'จบการศึกษา (ไปเข้าเรียนในโรงเรียน)' : 'จบการศึกษา',
  TRANSFERRED_OUT: 'ย้ายออก (ไปเรียนที่สถานศึกษาอื่น)',
  WITHDREW: 'ลาออก',
});

/** Today on Thailand's calendar (UTC+7), as the ISO date the server expects. */
export function bangkokToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The academic year (BE) that is running today: it starts on 16 May. */
export function currentAcademicYear(): number {
  const [y, m, d] = bangkokToday().split('-').map(Number);
  return y + 543 - (m < 5 || (m === 5 && d < 16) ? 1 : 0);
}
