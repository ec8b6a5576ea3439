import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Dataset, Grade, OrgUnitKind, Sex } from '../lib/thai';

/** The confirmation chain (the contract of ../shared/API.md: confirmationStatus, confirm, revoke, myTasks). */
export interface ActorView {
  username: string | null;
  profile: { firstName: string; lastName: string; position: string } | null;
}
export interface UnitRef {
  code: string;
  name: string;
  kind: OrgUnitKind;
}
export interface DatasetStatusView {
  dataset: Dataset;
  /** The dataset's Thai name, from the server's registry. */
  label: string;
  /** The unit confirms counts it records for the units below (not their confirmations). */
  waitsOnRecords: boolean;
  /** The institution's register of pupils or children (its confirmation locks the register). */
  register: boolean;
  confirmed: boolean;
  confirmedAt: string | null;
  confirmedBy: ActorView | null;
  total: number | null;
  ready: boolean;
  missing: UnitRef[];
  late: boolean;
  deadline: string | null;
  revokedAt: string | null;
  revokedBy: ActorView | null;
  revocationReason: string | null;
}
export interface ConfirmationStatusView {
  round: { id: string; academicYear: number; roundNo: number; snapshotDate: string; status: string };
  orgUnit: UnitRef;
  datasets: DatasetStatusView[];
  children: { orgUnit: UnitRef; datasets: DatasetStatusView[] }[];
}

const ACTOR = `username profile { firstName lastName position }`;
const STATUS = `
  dataset label waitsOnRecords register confirmed confirmedAt confirmedBy { ${ACTOR} } total ready
  missing { code name kind } late deadline revokedAt revokedBy { ${ACTOR} } revocationReason
`;

export const CONFIRMATION_STATUS: TypedDocumentNode<
  { confirmationStatus: ConfirmationStatusView | null },
  { orgUnitCode: string }
> = gql`
  query ConfirmationStatus($orgUnitCode: String!) {
    confirmationStatus(orgUnitCode: $orgUnitCode) {
      round { id academicYear roundNo snapshotDate status }
      orgUnit { code name kind }
      datasets { ${STATUS} }
      children { orgUnit { code name kind } datasets { ${STATUS} } }
    }
  }
`;

export interface ConfirmationView {
  id: string;
  dataset: Dataset;
  action: 'CONFIRMED' | 'REVOKED';
  at: string;
  by: ActorView;
  byOrgUnit: UnitRef | null;
  reason: string | null;
  total: number | null;
  late: boolean;
  counts: { grade: Grade; sex: Sex; count: number }[];
}
const CONFIRMATION = `id dataset action at by { ${ACTOR} } byOrgUnit { code name kind } reason total late counts { grade sex count }`;

export const CONFIRMATION_HISTORY: TypedDocumentNode<
  { confirmationHistory: ConfirmationView[] },
  { orgUnitCode: string; roundId?: string | null }
> = gql`
  query ConfirmationHistory($orgUnitCode: String!, $roundId: ID) {
    confirmationHistory(orgUnitCode: $orgUnitCode, roundId: $roundId) { ${CONFIRMATION} }
  }
`;

export const CONFIRM: TypedDocumentNode<
  { confirm: ConfirmationView },
  { orgUnitCode: string; dataset: Dataset }
> = gql`
    mutation Confirm($orgUnitCode: String!, $dataset: Dataset!) {
      confirm(orgUnitCode: $orgUnitCode, dataset: $dataset) { ${CONFIRMATION} }
    }
  `;

export const REVOKE: TypedDocumentNode<
  { revokeConfirmation: ConfirmationView },
  { orgUnitCode: string; dataset: Dataset; reason: string }
> = gql`
  mutation RevokeConfirmation($orgUnitCode: String!, $dataset: Dataset!, $reason: String!) {
    revokeConfirmation(orgUnitCode: $orgUnitCode, dataset: $dataset, reason: $reason) { ${CONFIRMATION} }
  }
`;

export interface BulkResultView {
  done: ConfirmationView[];
  failed: { orgUnit: UnitRef; dataset: Dataset; code: string; message: string }[];
}
const BULK = `done { ${CONFIRMATION} } failed { orgUnit { code name kind } dataset code message }`;

export const CONFIRM_READY: TypedDocumentNode<{ confirmReady: BulkResultView }, { orgUnitCode: string }> =
  gql`
  mutation ConfirmReady($orgUnitCode: String!) {
    confirmReady(orgUnitCode: $orgUnitCode) { ${BULK} }
  }
`;

export const REVOKE_CONFIRMATIONS: TypedDocumentNode<
  { revokeConfirmations: BulkResultView },
  { targets: { orgUnitCode: string; dataset: Dataset }[]; reason: string }
> = gql`
  mutation RevokeConfirmations($targets: [ConfirmationTargetInput!]!, $reason: String!) {
    revokeConfirmations(targets: $targets, reason: $reason) { ${BULK} }
  }
`;

export interface TaskView {
  kind:
    | 'CONFIRM'
    | 'RECONFIRM'
    | 'WAIT_FOR_CHILDREN'
    | 'DEADLINE'
    | 'SPOT_CHECK_FLAG'
    | 'REVOCATION_REQUEST'
    | 'PROVINCE_TARGET';
  message: string;
  orgUnit: UnitRef | null;
  dataset: Dataset | null;
  dueDate: string | null;
  daysLeft: number | null;
}
export const MY_TASKS: TypedDocumentNode<{ myTasks: TaskView[] }> = gql`
  query MyTasks {
    myTasks {
      kind
      message
      orgUnit {
        code
        name
        kind
      }
      dataset
      dueDate
      daysLeft
    }
  }
`;

export type ProgressLevel = 'PROVINCE' | 'LAO' | 'INSTITUTION';
export interface DatasetProgressView {
  dataset: Dataset;
  units: number;
  confirmed: number;
  late: number;
  deadline: string;
  daysLeft: number;
  notConfirmed: UnitRef[];
}
export interface LevelProgressView {
  level: ProgressLevel;
  datasets: DatasetProgressView[];
}
const LEVELS = `levels { level datasets { dataset units confirmed late deadline daysLeft notConfirmed { code name kind } } }`;

export const CONFIRMATION_PROGRESS: TypedDocumentNode<
  {
    confirmationProgress: {
      round: { id: string; academicYear: number; roundNo: number; snapshotDate: string; status: string };
      levels: LevelProgressView[];
      byProvince: { orgUnit: UnitRef; levels: LevelProgressView[] }[];
    } | null;
  },
  { orgUnitCode: string }
> = gql`
  query ConfirmationProgress($orgUnitCode: String!) {
    confirmationProgress(orgUnitCode: $orgUnitCode) {
      round { id academicYear roundNo snapshotDate status }
      ${LEVELS}
      byProvince { orgUnit { code name kind } ${LEVELS} }
    }
  }
`;
