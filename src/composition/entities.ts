import { AccountRow, ProfileRow } from '../modules/accounts/account.entity';
import {
  OtherSchoolCountRow,
  OtherSchoolRecordRow,
} from '../modules/other-schools/other-school-counts.entity';
import { CdcBasicDataRow, CdcBasicDataVersionRow } from '../modules/cdc-basic-data/cdc-basic-data.entity';
import { RoundExtensionRow, RoundRow } from '../modules/rounds/round.entity';
import { PupilRow } from '../modules/pupils/pupil.entity';
import { OrgUnitRow } from '../modules/org-units/org-unit.entity';
import { PupilPromotionRow } from '../modules/pupils/pupil-promotion.entity';
import { TransferRequestRow } from '../modules/pupils/transfer-request.entity';
import { SpotCheckPupilRow, SpotCheckRow } from '../modules/spot-checks/spot-check.entity';
import { BudgetRatesRow } from '../modules/budget/budget-rates.entity';

/** Every read-model entity, for the TypeORM data source. */
export const entities = [
  OrgUnitRow,
  AccountRow,
  ProfileRow,
  PupilRow,
  OtherSchoolRecordRow,
  OtherSchoolCountRow,
  RoundRow,
  RoundExtensionRow,
  CdcBasicDataRow,
  CdcBasicDataVersionRow,
  PupilPromotionRow,
  TransferRequestRow,
  SpotCheckRow,
  SpotCheckPupilRow,
  BudgetRatesRow,
];
