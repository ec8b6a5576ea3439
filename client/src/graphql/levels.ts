import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Dataset, Grade } from '../lib/thai';
import type { ActorView } from './confirmations';
import type { UnitRef } from './org-units';

/** The levels talking: requests to revoke, and the province's own earlier targets. */

export interface RevocationRequestView {
  id: string;
  dataset: Dataset;
  status: 'OPEN' | 'REVOKED' | 'REFUSED';
  reason: string;
  requestedAt: string;
  requestedBy: ActorView;
  requestedByOrgUnit: UnitRef;
  orgUnit: UnitRef;
  addressedToOrgUnit: UnitRef;
  mustActOrgUnit: UnitRef | null;
  answerReason: string | null;
  answeredAt: string | null;
  answeredByOrgUnit: UnitRef | null;
}

const UNIT = `code name kind`;
const REQUEST = `
  id dataset status reason requestedAt
  requestedBy { username profile { firstName lastName position } }
  requestedByOrgUnit { ${UNIT} } orgUnit { ${UNIT} } addressedToOrgUnit { ${UNIT} }
  mustActOrgUnit { ${UNIT} } answerReason answeredAt answeredByOrgUnit { ${UNIT} }
`;

export const REVOCATION_REQUESTS: TypedDocumentNode<
  { revocationRequests: RevocationRequestView[] },
  { orgUnitCode: string; openOnly?: boolean | null }
> = gql`
  query RevocationRequests($orgUnitCode: String!, $openOnly: Boolean) {
    revocationRequests(orgUnitCode: $orgUnitCode, openOnly: $openOnly) { ${REQUEST} }
  }
`;

export const REQUEST_REVOCATION: TypedDocumentNode<
  { requestRevocation: RevocationRequestView },
  { orgUnitCode: string; dataset: Dataset; reason: string }
> = gql`
  mutation RequestRevocation($orgUnitCode: String!, $dataset: Dataset!, $reason: String!) {
    requestRevocation(orgUnitCode: $orgUnitCode, dataset: $dataset, reason: $reason) { ${REQUEST} }
  }
`;

export const REFUSE_REVOCATION_REQUEST: TypedDocumentNode<
  { refuseRevocationRequest: RevocationRequestView },
  { requestId: string; reason: string }
> = gql`
  mutation RefuseRevocationRequest($requestId: ID!, $reason: String!) {
    refuseRevocationRequest(requestId: $requestId, reason: $reason) { ${REQUEST} }
  }
`;

export interface ProvinceTargetsView {
  provinceCode: string;
  roundId: string;
  institutionTarget: string;
  laoTarget: string;
  note: string | null;
  setAt: string;
}
const TARGETS = `provinceCode roundId institutionTarget laoTarget note setAt`;

export const PROVINCE_TARGETS: TypedDocumentNode<
  { provinceTargets: ProvinceTargetsView | null },
  { provinceCode: string }
> = gql`
  query ProvinceTargets($provinceCode: String!) {
    provinceTargets(provinceCode: $provinceCode) { ${TARGETS} }
  }
`;

export const SET_PROVINCE_TARGETS: TypedDocumentNode<
  { setProvinceTargets: ProvinceTargetsView },
  { provinceCode: string; input: { institutionTarget: string; laoTarget: string; note?: string | null } }
> = gql`
  mutation SetProvinceTargets($provinceCode: String!, $input: ProvinceTargetsInput!) {
    setProvinceTargets(provinceCode: $provinceCode, input: $input) { ${TARGETS} }
  }
`;

export interface TargetStatusView {
  date: string;
  daysLeft: number;
  late: boolean;
}
export interface ReviewCountsView {
  queryNoteCount: number;
  gCodeCount: number;
  recentRemovalCount: number;
  overdueTransferCount: number;
}
const COUNTS = `queryNoteCount gCodeCount recentRemovalCount overdueTransferCount`;

/**
 * The province's target and the review counts for a unit and its children (read apart from the
 * status and not cached with it, so the two queries never overwrite each other).
 */
export const TARGET_STATUS: TypedDocumentNode<
  {
    confirmationStatus: {
      provinceTarget: TargetStatusView | null;
      reviewCounts: ReviewCountsView;
      children: {
        orgUnit: { code: string };
        provinceTarget: TargetStatusView | null;
        reviewCounts: ReviewCountsView;
      }[];
    } | null;
  },
  { orgUnitCode: string }
> = gql`
  query TargetStatus($orgUnitCode: String!) {
    confirmationStatus(orgUnitCode: $orgUnitCode) {
      provinceTarget { date daysLeft late }
      reviewCounts { ${COUNTS} }
      children {
        orgUnit { code }
        provinceTarget { date daysLeft late }
        reviewCounts { ${COUNTS} }
      }
    }
  }
`;

export type ReviewKind = 'QUERY_NOTE' | 'G_CODE' | 'RECENT_REMOVAL' | 'OVERDUE_TRANSFER';
export interface ReviewItemView {
  pupilId: string;
  kind: ReviewKind;
  name: string;
  citizenId: string;
  grade: Grade;
  note: string | null;
  at: string | null;
}
export interface ReviewListsView extends ReviewCountsView {
  orgUnitCode: string;
  institutions: (ReviewCountsView & { orgUnit: UnitRef; items: ReviewItemView[] })[];
}

/** What the LAO and the province check before confirming: per institution, with counts. */
export const REVIEW_LISTS: TypedDocumentNode<
  { reviewLists: ReviewListsView },
  { orgUnitCode: string; institutionCode?: string | null }
> = gql`
  query ReviewLists($orgUnitCode: String!, $institutionCode: String) {
    reviewLists(orgUnitCode: $orgUnitCode, institutionCode: $institutionCode) {
      orgUnitCode ${COUNTS}
      institutions {
        orgUnit { code name kind }
        ${COUNTS}
        items { pupilId kind name citizenId grade note at }
      }
    }
  }
`;

export interface ChangedPupilView {
  pupilId: string;
  name: string;
  citizenId: string;
  grade: Grade;
  detail: string | null;
}
export interface ChangesView {
  dataset: Dataset;
  confirmationId: string | null;
  confirmedAt: string | null;
  totalBefore: number;
  totalAfter: number;
  addedCount: number;
  removedCount: number;
  correctedCount: number;
  added: ChangedPupilView[];
  removed: ChangedPupilView[];
  corrected: ChangedPupilView[];
  grades: {
    grade: Grade;
    maleBefore: number;
    femaleBefore: number;
    maleAfter: number;
    femaleAfter: number;
  }[];
}
const CHANGED = `pupilId name citizenId grade detail`;

/** What changed since the unit's last confirmation of a dataset, shown before confirming again. */
export const CHANGES_SINCE_CONFIRMATION: TypedDocumentNode<
  { changesSinceConfirmation: ChangesView },
  { orgUnitCode: string; dataset: Dataset }
> = gql`
  query ChangesSinceConfirmation($orgUnitCode: String!, $dataset: Dataset!) {
    changesSinceConfirmation(orgUnitCode: $orgUnitCode, dataset: $dataset) {
      dataset confirmationId confirmedAt totalBefore totalAfter addedCount removedCount correctedCount
      added { ${CHANGED} } removed { ${CHANGED} } corrected { ${CHANGED} }
      grades { grade maleBefore femaleBefore maleAfter femaleAfter }
    }
  }
`;
