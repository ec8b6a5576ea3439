import { EventStore1763780000000 } from './1763780000000-event-store';
import { OrgUnits1763780000001 } from './1763780000001-org-units';
import { Accounts1763780000002 } from './1763780000002-accounts';
import { Pupils1763780000003 } from './1763780000003-pupils';
import { OtherSchoolCounts1763780000004 } from './1763780000004-other-school-counts';
import { Imports1763780000005 } from './1763780000005-imports';
import { PupilLifecycle1763780000006 } from './1763780000006-pupil-lifecycle';
import { CdcBasicData1763780000007 } from './1763780000007-cdc-basic-data';
import { Rounds1763780000008 } from './1763780000008-rounds';
import { Confirmations1763780000009 } from './1763780000009-confirmations';
import { EnrolmentCounts1763780000010 } from './1763780000010-enrolment-counts';
import { ConfirmedCounts1763780000011 } from './1763780000011-confirmed-counts';
import { SpotChecks1763780000015 } from './1763780000015-spot-checks';
import { BudgetRates1763780000016 } from './1763780000016-budget-rates';
import { ConfirmationParts1763780000020 } from './1763780000020-confirmation-parts';
import { Clerk1763780000040 } from './1763780000040-clerk';
import { OpenData1763780000041 } from './1763780000041-open-data';
import { CertifiedNameLists1763780000042 } from './1763780000042-certified-name-lists';
import { IdempotencyKeys1763780000043 } from './1763780000043-idempotency-keys';
import { ScaleOut1763780000044 } from './1763780000044-scale-out';
import { EnrolmentCountsOffTheLaoRow1763780000045 } from './1763780000045-enrolment-counts-off-the-lao-row';
import { ReadinessProbe1763780000030 } from './1763780000030-readiness-probe';

/** Every migration in order; listed, not globbed, so ts-jest and the built code load the same set. */
export const migrations = [
  EventStore1763780000000,
  OrgUnits1763780000001,
  Accounts1763780000002,
  Pupils1763780000003,
  OtherSchoolCounts1763780000004,
  Imports1763780000005,
  PupilLifecycle1763780000006,
  CdcBasicData1763780000007,
  Rounds1763780000008,
  Confirmations1763780000009,
  EnrolmentCounts1763780000010,
  ConfirmedCounts1763780000011,
  SpotChecks1763780000015,
  BudgetRates1763780000016,
  ConfirmationParts1763780000020,
  Clerk1763780000040,
  OpenData1763780000041,
  CertifiedNameLists1763780000042,
  IdempotencyKeys1763780000043,
  ScaleOut1763780000044,
  EnrolmentCountsOffTheLaoRow1763780000045,
  ReadinessProbe1763780000030,
];
