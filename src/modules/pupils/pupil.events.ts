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

export type PupilEvent = PupilEnrolled | PupilDetailsCorrected | PupilRemovedAsNonExistent;
export const pupilEventTypes: readonly PupilEvent['type'][] = [
  'PupilEnrolled',
  'PupilDetailsCorrected',
  'PupilRemovedAsNonExistent',
];

/** Pupils live on their institution's stream, so a confirmation can lock them all at once. */
export function institutionStreamId(institutionCode: string): string {
  return `Institution-${institutionCode}`;
}
