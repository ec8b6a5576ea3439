import type { RoundRow } from '../rounds/round.entity';
import type { Dataset } from '../chain/dataset';

/** Where one unit stands on one dataset in a round (`confirmation-status.ts` reads it). */
export interface DatasetStatusView {
  dataset: Dataset;
  label: string;
  waitsOnRecords: boolean;
  register: boolean;
  confirmed: boolean;
  confirmedAt: Date | null;
  total: number | null;
  ready: boolean;
  late: boolean;
  deadline: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  /** Named by the API through field resolvers: who confirmed or revoked, and the units still missing. */
  confirmedByKey: string | null;
  revokedByKey: string | null;
  revokedByUnitCode: string | null;
  missingCodes: string[];
}

export interface UnitConfirmationStatusView {
  orgUnitCode: string;
  datasets: DatasetStatusView[];
}

/** A unit and the confirming units directly under it, in one round. */
export interface ConfirmationStatusView extends UnitConfirmationStatusView {
  round: RoundRow;
  children: UnitConfirmationStatusView[];
}
