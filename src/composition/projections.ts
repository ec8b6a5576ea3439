import type { Projection } from '../event-store/projection';
import { accountsProjection } from '../modules/accounts/accounts.projection';
import { otherSchoolCountsProjection } from '../modules/other-schools/other-school-counts.projection';
import { cdcBasicDataProjection } from '../modules/cdc-basic-data/cdc-basic-data.projection';
import { roundsProjection } from '../modules/rounds/rounds.projection';
import { pupilsProjection } from '../modules/pupils/pupils.projection';
import { orgUnitsProjection } from '../modules/org-units/org-units.projection';
import { transferRequestsProjection } from '../modules/pupils/transfer-requests.projection';
import { enrolmentCountsProjection } from '../modules/figures/enrolment-counts.projection';
import { confirmationsProjection } from '../modules/confirmation/confirmations.projection';
import { spotChecksProjection } from '../modules/spot-checks/spot-checks.projection';
import { budgetRatesProjection } from '../modules/budget/budget-rates.projection';
import { revocationRequestsProjection } from '../modules/revocation-requests/revocation-requests.projection';
import { provinceTargetsProjection } from '../modules/province-targets/province-targets.projection';
import { noticesProjection } from '../modules/notices/notices.projection';
import { openDataProjection } from '../modules/open-data/open-data.projection';
import { certifiedNameListsProjection } from '../modules/cross-checks/certified-name-lists.projection';

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
