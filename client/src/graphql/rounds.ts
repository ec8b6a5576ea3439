import { gql, type TypedDocumentNode } from '@apollo/client';

export interface RoundView {
  id: string;
  academicYear: number;
  roundNo: number;
  snapshotDate: string;
  status: string;
  institutionDeadline: string;
  laoDeadline: string;
  provinceDeadline: string;
  openedAt: string;
  closedAt: string | null;
  extensions: { orgUnitCode: string; until: string; reason: string; grantedAt: string }[];
}
const ROUND = `id academicYear roundNo snapshotDate status institutionDeadline laoDeadline provinceDeadline
  openedAt closedAt extensions { orgUnitCode until reason grantedAt }`;

export const CURRENT_ROUND: TypedDocumentNode<{ currentRound: RoundView | null }> = gql`
  query CurrentRound { currentRound { ${ROUND} } }
`;
export const ROUNDS: TypedDocumentNode<{ rounds: RoundView[] }> = gql`
  query Rounds { rounds { ${ROUND} } }
`;

export interface Deadlines {
  institutionDeadline: string;
  laoDeadline: string;
  provinceDeadline: string;
}
export const OPEN_ROUND: TypedDocumentNode<
  { openRound: RoundView },
  { input: Deadlines & { academicYear: number; roundNo: number; snapshotDate?: string | null } }
> = gql`
  mutation OpenRound($input: RoundInput!) { openRound(input: $input) { ${ROUND} } }
`;
export const CHANGE_DEADLINES: TypedDocumentNode<
  { changeRoundDeadlines: RoundView },
  { roundId: string; input: Deadlines }
> = gql`
  mutation ChangeRoundDeadlines($roundId: ID!, $input: RoundDeadlinesInput!) {
    changeRoundDeadlines(roundId: $roundId, input: $input) { ${ROUND} }
  }
`;
export const GRANT_EXTENSION: TypedDocumentNode<
  { grantDeadlineExtension: RoundView },
  { roundId: string; orgUnitCode: string; until: string; reason: string }
> = gql`
  mutation GrantDeadlineExtension($roundId: ID!, $orgUnitCode: String!, $until: String!, $reason: String!) {
    grantDeadlineExtension(roundId: $roundId, orgUnitCode: $orgUnitCode, until: $until, reason: $reason) { ${ROUND} }
  }
`;
export const CLOSE_ROUND: TypedDocumentNode<{ closeRound: RoundView }, { roundId: string }> = gql`
  mutation CloseRound($roundId: ID!) { closeRound(roundId: $roundId) { ${ROUND} } }
`;
