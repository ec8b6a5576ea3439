import type { Event } from '../../event-store/event';
import type { Sex } from '../pupils/rules/name-prefixes';
import type { OtherSchoolGrade } from '../other-schools/other-school-counts.rules';

/** A pupil on a certified name list as kept: the ID, grade and sex; names stay in the file. */
export interface CertifiedPupil {
  citizenId: string;
  grade: OtherSchoolGrade;
  sex: Sex;
}

/**
 * The certified name list (แบบรับรองรายชื่อนักเรียน) a funded school returned, stored by its LAO for
 * a round: the SHA-256 of the file as uploaded, what was read from it, and the valid pupils
 * (each ID once). A later list for the same round supersedes it.
 */
export type CertifiedNameListStored = Event<
  'CertifiedNameListStored',
  {
    roundId: string;
    schoolCode: string;
    laoCode: string;
    fileDigest: string;
    fileBytes: number;
    rows: number;
    invalidRows: number;
    pupils: CertifiedPupil[];
  }
>;

export type CertifiedNameListEvent = CertifiedNameListStored;
export const certifiedNameListEventTypes: readonly CertifiedNameListEvent['type'][] = [
  'CertifiedNameListStored',
];
export const certifiedNameListStreamId = (schoolCode: string) => `CertifiedNameList-${schoolCode}`;
