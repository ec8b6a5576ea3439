import type { Event } from '../../event-store/event';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';

/** A pupil's recorded details, normalised (13-digit ID or G-Code, canonical prefix). */
export interface PupilDetails {
  citizenId: string;
  idKind: 'CITIZEN_ID' | 'G_CODE';
  prefix: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  nationality: string;
  religion: string | null;
  grade: Grade;
  enrolmentDate: string | null;
  disadvantaged: boolean;
  /** Columns of LEC's own pupil export that are not required (parents, address, height, weight…). */
  extra: Record<string, string>;
}

/** Unusual but possible entries, accepted with the institution's explanation (listed for the LAO and province). */
export interface PupilQueries {
  queries: Record<string, string>;
  queryNote: string | null;
}

export type NonExistenceReason = 'NEVER_ATTENDED' | 'LEFT_WITHOUT_NOTICE' | 'ABSENT_UNREACHABLE';
export const nonExistenceReasons: readonly NonExistenceReason[] = [
  'NEVER_ATTENDED',
  'LEFT_WITHOUT_NOTICE',
  'ABSENT_UNREACHABLE',
];

export type PupilEnrolled = Event<
  'PupilEnrolled',
  PupilDetails & PupilQueries & { pupilId: string; institutionCode: string }
>;
export type PupilDetailsCorrected = Event<
  'PupilDetailsCorrected',
  PupilQueries & { pupilId: string; changes: Partial<PupilDetails> }
>;
export type PupilRemovedAsNonExistent = Event<
  'PupilRemovedAsNonExistent',
  { pupilId: string; reason: NonExistenceReason; note: string | null }
>;

/** Why a pupil left normally (DOMAIN.md, Records): not a removal, the pupil existed. */
export type LeaveReason = 'GRADUATED' | 'TRANSFERRED_OUT' | 'WITHDREW';
export const leaveReasons: readonly LeaveReason[] = ['GRADUATED', 'TRANSFERRED_OUT', 'WITHDREW'];

export type PupilLeft = Event<
  'PupilLeft',
  {
    pupilId: string;
    reason: LeaveReason;
    /** ISO date the pupil left. */
    date: string;
    note: string | null;
    /** TRANSFERRED_OUT: the institution the pupil went to (an LEC code, or another affiliation's), when known. */
    toInstitutionCode?: string | null;
    /** Set when the leave closes an accepted transfer request. */
    transferRequestId?: string | null;
    /** Set when the pupil graduated as part of that academic year's promotion. */
    promotionYear?: number | null;
  }
>;

/** ย้ายเข้า: a pupil who joins during the year from another institution (the second-term check looks for these). */
export type PupilTransferredIn = Event<
  'PupilTransferredIn',
  PupilDetails &
    PupilQueries & {
      pupilId: string;
      institutionCode: string;
      /** The institution the pupil came from; null when not known. */
      fromInstitutionCode: string | null;
      /** ISO date the pupil joined. */
      date: string;
      note: string | null;
      transferRequestId: string | null;
    }
>;

/** One pupil moved up a grade by the institution's promotion for a new academic year. */
export type PupilPromoted = Event<
  'PupilPromoted',
  { pupilId: string; fromGrade: Grade; toGrade: Grade; academicYear: number }
>;

/** A repeater: the year's promotion (or graduation) of this pupil undone; the pupil stays in `grade`. */
export type PupilHeldBack = Event<
  'PupilHeldBack',
  { pupilId: string; academicYear: number; grade: Grade; note: string | null }
>;

/** Closes an institution's promotion for an academic year: a second promotion for that year does nothing. */
export type PromotionCompleted = Event<
  'PromotionCompleted',
  {
    institutionCode: string;
    academicYear: number;
    /** The last grade the institution teaches: its pupils in that grade graduated. */
    lastGrade: Grade | null;
    promoted: number;
    graduated: number;
    /** Pupils recorded on or after the first day of that academic year: already in its grade, not moved. */
    skipped: number;
    moves: { fromGrade: Grade; toGrade: Grade | null; count: number }[];
  }
>;

export type PupilEvent =
  | PupilEnrolled
  | PupilDetailsCorrected
  | PupilRemovedAsNonExistent
  | PupilLeft
  | PupilTransferredIn
  | PupilPromoted
  | PupilHeldBack
  | PromotionCompleted;
export const pupilEventTypes: readonly PupilEvent['type'][] = [
  'PupilEnrolled',
  'PupilDetailsCorrected',
  'PupilRemovedAsNonExistent',
  'PupilLeft',
  'PupilTransferredIn',
  'PupilPromoted',
  'PupilHeldBack',
  'PromotionCompleted',
];

/** Pupils live on their institution's stream, so a confirmation can lock them all at once. */
export function institutionStreamId(institutionCode: string): string {
  return `Institution-${institutionCode}`;
}
