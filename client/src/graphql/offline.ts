import { gql, type TypedDocumentNode } from '@apollo/client';

/**
 * The mutations the offline queue sends (client/src/offline/), whatever document the form used:
 * the form's arguments by name, plus the queue's idempotency key and register version.
 */
type Sent = TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;

export const QUEUED_ENROL: Sent = gql`
  mutation QueuedEnrolPupil(
    $institutionCode: String!
    $input: PupilInput!
    $idempotencyKey: String
    $basedOnVersion: Int
  ) {
    enrolPupil(
      institutionCode: $institutionCode
      input: $input
      idempotencyKey: $idempotencyKey
      basedOnVersion: $basedOnVersion
    ) {
      id
    }
  }
`;
export const QUEUED_CORRECT: Sent = gql`
  mutation QueuedCorrectPupil(
    $pupilId: ID!
    $input: PupilPatch!
    $idempotencyKey: String
    $basedOnVersion: Int
  ) {
    correctPupil(
      pupilId: $pupilId
      input: $input
      idempotencyKey: $idempotencyKey
      basedOnVersion: $basedOnVersion
    ) {
      id
    }
  }
`;
export const QUEUED_LEFT: Sent = gql`
  mutation QueuedRecordPupilLeft(
    $pupilId: ID!
    $reason: LeaveReason!
    $date: String!
    $note: String
    $toInstitutionCode: String
    $idempotencyKey: String
    $basedOnVersion: Int
  ) {
    recordPupilLeft(
      pupilId: $pupilId
      reason: $reason
      date: $date
      note: $note
      toInstitutionCode: $toInstitutionCode
      idempotencyKey: $idempotencyKey
      basedOnVersion: $basedOnVersion
    ) {
      id
    }
  }
`;
export const QUEUED_REMOVE: Sent = gql`
  mutation QueuedRemovePupil(
    $pupilId: ID!
    $reason: NonExistenceReason!
    $note: String
    $idempotencyKey: String
    $basedOnVersion: Int
  ) {
    removePupilAsNonExistent(
      pupilId: $pupilId
      reason: $reason
      note: $note
      idempotencyKey: $idempotencyKey
      basedOnVersion: $basedOnVersion
    ) {
      reason
    }
  }
`;

/** The register's version, read whenever the device reads the register. */
export const REGISTER_VERSION: TypedDocumentNode<{ registerVersion: number }, { institutionCode: string }> =
  gql`
    query RegisterVersion($institutionCode: String!) {
      registerVersion(institutionCode: $institutionCode)
    }
  `;
