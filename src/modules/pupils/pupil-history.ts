import { thaiDate } from '../../shared/pdf/thai-date';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import type { NonExistenceReason, PupilDetails, PupilEvent } from './pupil.events';
import { pupilFieldLabels } from './rules/field-labels';
import { leaveReasonLabel, reasonLabels } from './rules/reason-labels';
import { gradeLabels, type Grade } from './rules/grades';
import { sexLabels, type Sex } from './rules/name-prefixes';

/**
 * One line of a pupil's history in the words of the glossary, so no client has to know event names
 * or event data. Built from the institution's stream when asked (a pupil's history is read rarely;
 * a second table written on every enrolment would cost the deadline-day write path for it).
 */
export interface PupilHistoryLine {
  /** The stable event name, for programs (PupilEnrolled, PupilLeft, …). */
  type: string;
  /** What happened, in Thai (เพิ่มข้อมูล, ย้ายเข้า, …). */
  label: string;
  /** The particulars, in Thai (the grade, the fields corrected and their new values, the date…). */
  detail: string;
  /** The institution's own note, when it wrote one. */
  note: string | null;
}

const labels: Record<PupilEvent['type'], string> = {
  PupilEnrolled: 'เพิ่มข้อมูล',
  PupilDetailsCorrected: 'แก้ไขข้อมูล',
  PupilRemovedAsNonExistent: 'นำข้อมูลออกจากระบบ (ไม่มีตัวตน)',
  PupilLeft: 'ออก',
  PupilTransferredIn: 'ย้ายเข้า',
  PupilPromoted: 'เลื่อนชั้น',
  PupilHeldBack: 'เรียนซ้ำชั้น',
  PromotionCompleted: 'เลื่อนชั้นทั้งสถานศึกษา',
};

const grade = (g: unknown) => gradeLabels[g as Grade]?.short ?? String(g);

function valueText(key: string, v: unknown, showId: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '–';
  if (key === 'citizenId') return showId(String(v));
  if (key === 'grade') return grade(v);
  if (key === 'sex') return sexLabels[v as Sex] ?? String(v);
  if (key === 'birthDate' || key === 'enrolmentDate') return thaiDate(String(v), { short: true });
  if (typeof v === 'boolean') return v ? 'ใช่' : 'ไม่ใช่';
  return String(v);
}

function detailOf(e: PupilEvent, kind: OrgUnitKind, showId: (id: string) => string): string {
  switch (e.type) {
    case 'PupilEnrolled':
      return `ชั้น ${grade(e.data.grade)}`;
    case 'PupilDetailsCorrected':
      // In the form's order, whatever order the correction was sent in.
      return (Object.entries(pupilFieldLabels) as [keyof PupilDetails, string][])
        .filter(([k]) => k in e.data.changes)
        .map(([k, name]) => `${name}: ${valueText(k, e.data.changes[k], showId)}`)
        .join(' · ');
    case 'PupilLeft': {
      const to = e.data.toInstitutionCode ? ` ไปยัง ${e.data.toInstitutionCode}` : '';
      return `${leaveReasonLabel(e.data.reason, kind)} เมื่อ ${thaiDate(e.data.date, { short: true })}${to}`;
    }
    case 'PupilTransferredIn': {
      const from = e.data.fromInstitutionCode ? ` จาก ${e.data.fromInstitutionCode}` : '';
      return `ย้ายเข้าเมื่อ ${thaiDate(e.data.date, { short: true })}${from} ชั้น ${grade(e.data.grade)}`;
    }
    case 'PupilPromoted':
      return `${grade(e.data.fromGrade)} → ${grade(e.data.toGrade)} ปีการศึกษา ${e.data.academicYear}`;
    case 'PupilHeldBack':
      return `อยู่ชั้น ${grade(e.data.grade)} ปีการศึกษา ${e.data.academicYear}`;
    case 'PupilRemovedAsNonExistent':
      return reasonLabels[e.data.reason as NonExistenceReason] ?? '';
    case 'PromotionCompleted':
      return `ปีการศึกษา ${e.data.academicYear}`;
  }
}

/**
 * A pupil event as a history line. `showId` decides how a citizen ID in it is shown (whole for the
 * pupil's own institution, masked for everyone else: the caller passes the policy's rule).
 */
export function describePupilEvent(
  e: PupilEvent,
  kind: OrgUnitKind,
  showId: (id: string) => string,
): PupilHistoryLine {
  const note = 'note' in e.data && typeof e.data.note === 'string' && e.data.note ? e.data.note : null;
  return { type: e.type, label: labels[e.type], detail: detailOf(e, kind, showId), note };
}
