import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade } from '../lib/thai';
import type { PupilInput } from './pupils';

/** A pupil's life after enrolment: a normal leave, a transfer in, the yearly promotion, the history. */

export type LeaveReason = 'GRADUATED' | 'TRANSFERRED_OUT' | 'WITHDREW';

export const RECORD_PUPIL_LEFT: TypedDocumentNode<
  { recordPupilLeft: { id: string; firstName: string; lastName: string; status: string } },
  {
    pupilId: string;
    reason: LeaveReason;
    date: string;
    note?: string | null;
    toInstitutionCode?: string | null;
  }
> = gql`
  mutation RecordPupilLeft(
    $pupilId: ID!
    $reason: LeaveReason!
    $date: String!
    $note: String
    $toInstitutionCode: String
  ) {
    recordPupilLeft(
      pupilId: $pupilId
      reason: $reason
      date: $date
      note: $note
      toInstitutionCode: $toInstitutionCode
    ) {
      id
      firstName
      lastName
      status
    }
  }
`;

export const RECORD_TRANSFERRED_IN: TypedDocumentNode<
  { recordPupilTransferredIn: { id: string; firstName: string; lastName: string } },
  {
    institutionCode: string;
    input: PupilInput;
    date: string;
    fromInstitutionCode?: string | null;
    note?: string | null;
  }
> = gql`
  mutation RecordPupilTransferredIn(
    $institutionCode: String!
    $input: PupilInput!
    $date: String!
    $fromInstitutionCode: String
    $note: String
  ) {
    recordPupilTransferredIn(
      institutionCode: $institutionCode
      input: $input
      date: $date
      fromInstitutionCode: $fromInstitutionCode
      note: $note
    ) {
      id
      firstName
      lastName
    }
  }
`;

export interface PromotionView {
  academicYear: number;
  alreadyDone: boolean;
  dryRun: boolean;
  graduated: number;
  promoted: number;
  skipped: number;
  lastGrade: Grade | null;
  message: string;
  promotedAt: string | null;
  moves: { fromGrade: Grade; toGrade: Grade | null; count: number }[];
}

export const PROMOTE_PUPILS: TypedDocumentNode<
  { promotePupils: PromotionView },
  { institutionCode: string; academicYear: number; dryRun: boolean; lastGrade?: Grade | null }
> = gql`
  mutation PromotePupils(
    $institutionCode: String!
    $academicYear: Int!
    $dryRun: Boolean!
    $lastGrade: Grade
  ) {
    promotePupils(
      institutionCode: $institutionCode
      academicYear: $academicYear
      dryRun: $dryRun
      lastGrade: $lastGrade
    ) {
      academicYear
      alreadyDone
      dryRun
      graduated
      promoted
      skipped
      lastGrade
      message
      promotedAt
      moves {
        fromGrade
        toGrade
        count
      }
    }
  }
`;

export const HOLD_BACK_PUPIL: TypedDocumentNode<
  { holdBackPupil: { id: string; firstName: string; lastName: string; grade: Grade } },
  { pupilId: string; note?: string | null }
> = gql`
  mutation HoldBackPupil($pupilId: ID!, $note: String) {
    holdBackPupil(pupilId: $pupilId, note: $note) {
      id
      firstName
      lastName
      grade
    }
  }
`;

/** One line of a pupil's history, already in Thai (the server describes each event). */
export interface HistoryEntryView {
  type: string;
  label: string;
  detail: string;
  note: string | null;
  at: string;
  by: {
    username: string | null;
    profile: { firstName: string; lastName: string; position: string } | null;
  };
}

export interface PupilLifeView {
  id: string;
  status: string;
  firstName: string;
  lastName: string;
  prefix: string;
  grade: Grade;
  enrolmentDate: string | null;
  leftOn: string | null;
  leftReason: LeaveReason | null;
  transferredInOn: string | null;
  transferredInFromCode: string | null;
  history: HistoryEntryView[];
}

export const PUPIL_HISTORY: TypedDocumentNode<{ pupil: PupilLifeView | null }, { id: string }> = gql`
  query PupilHistory($id: ID!) {
    pupil(id: $id) {
      id
      status
      prefix
      firstName
      lastName
      grade
      enrolmentDate
      leftOn
      leftReason
      transferredInOn
      transferredInFromCode
      history {
        type
        label
        detail
        note
        at
        by {
          username
          profile {
            firstName
            lastName
            position
          }
        }
      }
    }
  }
`;

/** The second-term check: every current pupil's transfer-in date (paged through, 200 at a time). */
export interface TransferredInPage {
  totalCount: number;
  nodes: {
    id: string;
    prefix: string;
    firstName: string;
    lastName: string;
    grade: Grade;
    transferredInOn: string | null;
    transferredInFromCode: string | null;
  }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
export const PUPILS_TRANSFERRED_IN: TypedDocumentNode<
  { pupils: TransferredInPage },
  { institutionCode: string; after?: string | null }
> = gql`
  query PupilsTransferredIn($institutionCode: String!, $after: String) {
    pupils(institutionCode: $institutionCode, first: 200, after: $after) {
      totalCount
      nodes {
        id
        prefix
        firstName
        lastName
        grade
        transferredInOn
        transferredInFromCode
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
