import type { Projection } from '../event-store/projection';
import { accountsProjection } from './accounts/accounts.projection';
import { otherSchoolCountsProjection } from './other-schools/other-school-counts.projection';
import { cdcBasicDataProjection } from './cdc-basic-data/cdc-basic-data.projection';
import { roundsProjection } from './rounds/rounds.projection';
import { pupilsProjection } from './pupils/pupils.projection';
import { orgUnitsProjection } from './org-units/org-units.projection';
import { transferRequestsProjection } from './pupils/transfer-requests.projection';
import { enrolmentCountsProjection } from './figures/enrolment-counts.projection';
import { confirmationsProjection } from './confirmation/confirmations.projection';
import { spotChecksProjection } from './spot-checks/spot-checks.projection';
import { budgetRatesProjection } from './budget/budget-rates.projection';
import { revocationRequestsProjection } from './revocation-requests/revocation-requests.projection';
import { provinceTargetsProjection } from './province-targets/province-targets.projection';
import { noticesProjection } from './notices/notices.projection';
import { openDataProjection } from './open-data/open-data.projection';
import { certifiedNameListsProjection } from './cross-checks/certified-name-lists.projection';

/** Every inline projection, in the order they run inside an append's transaction. */
export const projections: readonly Projection[] = [
  orgUnitsProjection,
  accountsProjection,
  // Before pupils: it reads a batch's prior state from the pupils read model.
  enrolmentCountsProjection,
  pupilsProjection,
  otherSchoolCountsProjection,
  roundsProjection,
  cdcBasicDataProjection,
  transferRequestsProjection,
  confirmationsProjection,
  spotChecksProjection,
  budgetRatesProjection,
  revocationRequestsProjection,
  provinceTargetsProjection,
  noticesProjection,
  // After rounds and confirmations: a closed round's release is built from them.
  openDataProjection,
  certifiedNameListsProjection,
];
