import type { NonEmptyArray } from 'type-graphql';
import { HealthResolver } from '../graphql/health.resolver';
import { AccountsResolver } from '../modules/accounts/accounts.resolver';
import {
  AccountSecurityResolver,
  CredentialSheetUnitResolver,
} from '../modules/accounts/account-security.resolver';
import { OrgUnitsResolver } from '../modules/org-units/org-units.resolver';
import { OtherSchoolCountsResolver } from '../modules/other-schools/other-school-counts.resolver';
import { CdcBasicDataResolver } from '../modules/cdc-basic-data/cdc-basic-data.resolver';
import { RoundsResolver } from '../modules/rounds/rounds.resolver';
import { PupilsResolver } from '../modules/pupils/pupils.resolver';
import { PupilLifecycleResolver } from '../modules/pupils/pupil-lifecycle.resolver';
import { TransferRequestsResolver } from '../modules/pupils/transfer-requests.resolver';
import { BulkFailureResolver, ConfirmationResolver } from '../modules/confirmation/confirmation.resolver';
import {
  ConfirmationStatusResolver,
  DatasetStatusResolver,
  UnitConfirmationStatusResolver,
} from '../modules/confirmation/confirmation-status.resolver';
import {
  ConfirmationProgressResolver,
  DatasetProgressResolver,
  ProvinceProgressResolver,
} from '../modules/confirmation/confirmation-progress.resolver';
import { TaskResolver } from '../modules/tasks/tasks.resolver';
import { FiguresResolver } from '../modules/figures/figures.resolver';
import { DatasetsResolver } from '../modules/confirmation/datasets.resolver';
import { FiguresAuditResolver } from '../modules/figures-audit/figures-audit.resolver';
import {
  SpotCheckInstitutionResolver,
  SpotCheckPupilResolver,
  SpotChecksResolver,
} from '../modules/spot-checks/spot-checks.resolver';
import {
  BudgetLineResolver,
  BudgetPreviewResolver,
  BudgetRatesResolver,
} from '../modules/budget/budget.resolver';
import { OpenDataResolver } from '../modules/open-data/open-data.resolver';
import { CrossCheckResolver } from '../modules/cross-checks/cross-check.resolver';
import { OfflineResolver } from '../modules/pupils/offline/offline.resolver';

import {
  ConfirmationRequestResolver,
  RevocationRequestsResolver,
} from '../modules/revocation-requests/revocation-requests.resolver';
import {
  ProvinceTargetsResolver,
  UnitTargetStatusResolver,
} from '../modules/province-targets/province-targets.resolver';
import { NoticesResolver } from '../modules/notices/notices.resolver';
import { ChangesSinceConfirmationResolver } from '../modules/changes-since-confirmation/changes-since-confirmation.resolver';
import {
  InstitutionReviewResolver,
  ReviewListsResolver,
  UnitReviewCountsResolver,
} from '../modules/review-lists/review-lists.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  AccountsResolver,
  AccountSecurityResolver,
  CredentialSheetUnitResolver,
  OrgUnitsResolver,
  PupilsResolver,
  OtherSchoolCountsResolver,
  RoundsResolver,
  CdcBasicDataResolver,
  PupilLifecycleResolver,
  TransferRequestsResolver,
  ConfirmationResolver,
  DatasetStatusResolver,
  UnitConfirmationStatusResolver,
  ConfirmationStatusResolver,
  BulkFailureResolver,
  TaskResolver,
  DatasetProgressResolver,
  ProvinceProgressResolver,
  ConfirmationProgressResolver,
  FiguresResolver,
  FiguresAuditResolver,
  DatasetsResolver,
  SpotChecksResolver,
  SpotCheckPupilResolver,
  SpotCheckInstitutionResolver,
  BudgetRatesResolver,
  BudgetPreviewResolver,
  BudgetLineResolver,
  RevocationRequestsResolver,
  ConfirmationRequestResolver,
  ProvinceTargetsResolver,
  UnitTargetStatusResolver,
  NoticesResolver,
  ChangesSinceConfirmationResolver,
  ReviewListsResolver,
  InstitutionReviewResolver,
  UnitReviewCountsResolver,
  OpenDataResolver,
  CrossCheckResolver,
  OfflineResolver,
];
