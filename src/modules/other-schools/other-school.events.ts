import type { Event } from '../../event-store/event';
import type { GradeCountData, OtherSchoolStatus } from './other-school-counts.rules';

/**
 * The funding LAO recorded a school's pupils per grade from its certified name list: the whole
 * record each time (all nine grades K1–P6, in order), so the latest event is the school's figures.
 */
export type OtherSchoolCountsRecorded = Event<
  'OtherSchoolCountsRecorded',
  {
    schoolCode: string;
    laoCode: string;
    counts: GradeCountData[];
    status: OtherSchoolStatus;
    note: string | null;
  }
>;

export type OtherSchoolEvent = OtherSchoolCountsRecorded;

export const otherSchoolEventTypes: readonly OtherSchoolEvent['type'][] = ['OtherSchoolCountsRecorded'];

export function otherSchoolStreamId(schoolCode: string): string {
  return `OtherSchool-${schoolCode}`;
}
