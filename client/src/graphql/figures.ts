import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade, Sex } from '../lib/thai';

export type CountsMode = 'LIVE' | 'CONFIRMED' | 'AS_OF';
export interface CountRow {
  grade: Grade;
  sex: Sex;
  label: string;
  count: number;
}
export interface CountsSection {
  total: number;
  male: number;
  female: number;
  rows: CountRow[];
}
export interface GroupCount {
  label: string;
  male: number;
  female: number;
  total: number;
}
export interface CountsView {
  mode: CountsMode;
  at: string | null;
  roundId: string | null;
  district: string | null;
  referenceDate: string;
  orgUnit: { code: string; name: string };
  total: number;
  male: number;
  female: number;
  rows: CountRow[];
  enrolled: CountsSection;
  otherSchools: CountsSection;
  combined: CountsSection;
  byNationality: (GroupCount & { nationality: 'THAI' | 'OTHER' })[] | null;
  cdcAgeGroups: (GroupCount & { ageGroup: string })[] | null;
  /** CONFIRMED: the level the figures are confirmed up to (the unit's own; the provinces' for the country). */
  confirmedUpTo: 'INSTITUTION' | 'LAO' | 'PROVINCE' | null;
  /** CONFIRMED: confirmed only lower down, apart from the official figures. */
  provisional: { level: string; label: string; total: number; combined: CountsSection }[];
}
const SECTION = `total male female rows { grade sex label count }`;
const VIEW = `mode at roundId district referenceDate orgUnit { code name } total male female
  rows { grade sex label count }
  enrolled { ${SECTION} } otherSchools { ${SECTION} } combined { ${SECTION} }
  confirmedUpTo provisional { level label total combined { ${SECTION} } }
  byNationality { nationality label male female total } cdcAgeGroups { ageGroup label male female total }`;

export const ENROLMENT_COUNTS: TypedDocumentNode<
  { enrolmentCounts: CountsView },
  { orgUnitCode: string; roundId?: string | null; confirmedOnly?: boolean | null; district?: string | null }
> = gql`
  query EnrolmentCounts($orgUnitCode: String!, $roundId: ID, $confirmedOnly: Boolean, $district: String) {
    enrolmentCounts(orgUnitCode: $orgUnitCode, roundId: $roundId, confirmedOnly: $confirmedOnly, district: $district) {
      ${VIEW}
    }
  }
`;

export const ENROLMENT_COUNTS_AS_OF: TypedDocumentNode<
  { enrolmentCountsAsOf: CountsView },
  { orgUnitCode: string; at: string; district?: string | null }
> = gql`
  query EnrolmentCountsAsOf($orgUnitCode: String!, $at: String!, $district: String) {
    enrolmentCountsAsOf(orgUnitCode: $orgUnitCode, at: $at, district: $district) { ${VIEW} }
  }
`;
