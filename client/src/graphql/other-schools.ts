import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade } from '../lib/thai';

export type OtherSchoolStatus = 'OPEN' | 'CLOSED' | 'MERGED' | 'DISSOLVED';
export interface OtherSchoolView {
  school: { code: string; name: string };
  recorded: boolean;
  status: OtherSchoolStatus | null;
  note: string | null;
  total: number | null;
  recordedAt: string | null;
  counts: { grade: Grade; label: string; male: number; female: number; total: number }[] | null;
}
const VIEW = `school { code name } recorded status note total recordedAt counts { grade label male female total }`;

export const OTHER_SCHOOLS: TypedDocumentNode<{ otherSchools: OtherSchoolView[] }, { laoCode: string }> = gql`
  query OtherSchools($laoCode: String!) { otherSchools(laoCode: $laoCode) { ${VIEW} } }
`;

export const RECORD_OTHER_SCHOOL_COUNTS: TypedDocumentNode<
  { recordOtherSchoolCounts: OtherSchoolView },
  {
    schoolCode: string;
    counts: { grade: Grade; male: number; female: number }[];
    status: OtherSchoolStatus;
    note?: string | null;
  }
> = gql`
  mutation RecordOtherSchoolCounts(
    $schoolCode: String!
    $counts: [GradeCountInput!]!
    $status: OtherSchoolStatus
    $note: String
  ) {
    recordOtherSchoolCounts(schoolCode: $schoolCode, counts: $counts, status: $status, note: $note) { ${VIEW} }
  }
`;
