import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade, NonExistenceReason, Sex } from '../lib/thai';

export interface PupilRow {
  id: string;
  citizenId: string;
  prefix: string;
  firstName: string;
  lastName: string;
  grade: Grade;
  sex: Sex;
  birthDate: string;
  nationality: string;
  religion: string | null;
  queryNote: string | null;
}
export interface PupilInput {
  citizenId: string;
  prefix: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  nationality: string;
  grade: Grade;
  religion?: string | null;
  queryNote?: string | null;
}

const PUPIL = gql`
  fragment PupilFields on Pupil {
    id
    citizenId
    prefix
    firstName
    lastName
    grade
    sex
    birthDate
    nationality
    religion
    queryNote
  }
`;

export const PUPILS: TypedDocumentNode<
  {
    pupils: {
      totalCount: number;
      nodes: PupilRow[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  },
  {
    institutionCode: string;
    search?: string | null;
    grade?: Grade | null;
    first: number;
    after?: string | null;
  }
> = gql`
  query Pupils($institutionCode: String!, $search: String, $grade: Grade, $first: Int!, $after: String) {
    pupils(institutionCode: $institutionCode, search: $search, grade: $grade, first: $first, after: $after) {
      totalCount
      nodes {
        ...PupilFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
  ${PUPIL}
`;

export const ENROL_PUPIL: TypedDocumentNode<
  { enrolPupil: PupilRow },
  { institutionCode: string; input: PupilInput }
> = gql`
  mutation EnrolPupil($institutionCode: String!, $input: PupilInput!) {
    enrolPupil(institutionCode: $institutionCode, input: $input) {
      ...PupilFields
    }
  }
  ${PUPIL}
`;

export const CORRECT_PUPIL: TypedDocumentNode<
  { correctPupil: PupilRow },
  { pupilId: string; input: Partial<PupilInput> }
> = gql`
  mutation CorrectPupil($pupilId: ID!, $input: PupilPatch!) {
    correctPupil(pupilId: $pupilId, input: $input) {
      ...PupilFields
    }
  }
  ${PUPIL}
`;

export const REMOVE_PUPIL: TypedDocumentNode<
  { removePupilAsNonExistent: { reason: NonExistenceReason } },
  { pupilId: string; reason: NonExistenceReason; note?: string | null }
> = gql`
  mutation RemovePupilAsNonExistent($pupilId: ID!, $reason: NonExistenceReason!, $note: String) {
    removePupilAsNonExistent(pupilId: $pupilId, reason: $reason, note: $note) {
      reason
    }
  }
`;

export interface RemovedRow {
  note: string | null;
  reasonText: string;
  removedAt: string;
  removedBy: {
    username: string | null;
    profile: { firstName: string; lastName: string; position: string } | null;
  };
  pupil: { id: string; citizenId: string; prefix: string; firstName: string; lastName: string; grade: Grade };
}
export const REMOVED_PUPILS: TypedDocumentNode<{ removedPupils: RemovedRow[] }, { institutionCode: string }> =
  gql`
    query RemovedPupils($institutionCode: String!) {
      removedPupils(institutionCode: $institutionCode) {
        note
        reasonText
        removedAt
        removedBy {
          username
          profile {
            firstName
            lastName
            position
          }
        }
        pupil {
          id
          citizenId
          prefix
          firstName
          lastName
          grade
        }
      }
    }
  `;

export interface TransferRow {
  id: string;
  status: 'OPEN' | 'ACCEPTED' | 'REFUSED';
  citizenId: string;
  prefix: string;
  firstName: string;
  lastName: string;
  grade: Grade;
  from: { code: string; name: string | null };
  to: { code: string; name: string | null };
  requestedAt: string;
  dueAt: string;
  overdue: boolean;
  note: string | null;
  answerNote: string | null;
  answeredAt: string | null;
}
export const TRANSFER_REQUESTS: TypedDocumentNode<
  { transferRequests: TransferRow[] },
  { institutionCode: string; direction: 'IN' | 'OUT' }
> = gql`
  query TransferRequests($institutionCode: String!, $direction: TransferDirection) {
    transferRequests(institutionCode: $institutionCode, direction: $direction) {
      id
      status
      citizenId
      prefix
      firstName
      lastName
      grade
      from {
        code
        name
      }
      to {
        code
        name
      }
      requestedAt
      dueAt
      overdue
      note
      answerNote
      answeredAt
    }
  }
`;

export const REQUEST_TRANSFER: TypedDocumentNode<
  { requestPupilTransfer: { id: string } },
  { institutionCode: string; input: PupilInput; note?: string | null }
> = gql`
  mutation RequestPupilTransfer($institutionCode: String!, $input: PupilInput!, $note: String) {
    requestPupilTransfer(institutionCode: $institutionCode, input: $input, note: $note) {
      id
    }
  }
`;

export const ANSWER_TRANSFER: TypedDocumentNode<
  { answerTransferRequest: { id: string; status: string } },
  { requestId: string; accept: boolean; note?: string | null }
> = gql`
  mutation AnswerTransferRequest($requestId: ID!, $accept: Boolean!, $note: String) {
    answerTransferRequest(requestId: $requestId, accept: $accept, note: $note) {
      id
      status
    }
  }
`;
