import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade } from '../lib/thai';

export interface PublicCell {
  value: number | null;
  shown: string;
  suppressed: boolean;
}
export interface PublicUnitCounts {
  code: string;
  name: string;
  kind: 'COUNTRY' | 'PROVINCE' | 'DISTRICT' | 'LAO' | 'SCHOOL' | 'CDC';
  parentCode: string | null;
  confirmedAt: string | null;
  male: PublicCell | null;
  female: PublicCell | null;
  total: PublicCell;
  grades: {
    grade: Grade;
    label: string;
    male: PublicCell | null;
    female: PublicCell | null;
    total: PublicCell;
  }[];
}
export interface PublicRound {
  id: string;
  academicYear: number;
  roundNo: number;
  snapshotDate: string;
  closedAt: string;
  confirmedAt: string | null;
}
export interface PublicCountsData {
  publicCounts: {
    round: PublicRound;
    rounds: PublicRound[];
    suppressionNote: string;
    unit: PublicUnitCounts;
    children: Omit<PublicUnitCounts, 'grades' | 'confirmedAt'>[];
  } | null;
}

const CELL = `value shown suppressed`;
const UNIT = `code name kind parentCode confirmedAt male { ${CELL} } female { ${CELL} } total { ${CELL} }
  grades { grade label male { ${CELL} } female { ${CELL} } total { ${CELL} } }`;
const CHILD = `code name kind parentCode male { ${CELL} } female { ${CELL} } total { ${CELL} }`;
const ROUND = `id academicYear roundNo snapshotDate closedAt confirmedAt`;

/** The public's figures (no session): a unit of a closed round and the units directly under it. */
export const PUBLIC_COUNTS: TypedDocumentNode<
  PublicCountsData,
  { roundId?: string | null; orgUnitCode?: string | null }
> = gql`
  query PublicCounts($roundId: ID, $orgUnitCode: String) {
    publicCounts(roundId: $roundId, orgUnitCode: $orgUnitCode) {
      round { ${ROUND} }
      rounds { ${ROUND} }
      suppressionNote
      unit { ${UNIT} }
      children { ${CHILD} }
    }
  }
`;
