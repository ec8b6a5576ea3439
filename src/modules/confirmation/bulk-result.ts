import { isLecError } from '../../shared/errors';
import type { ConfirmationView } from './confirmation.view';
import type { Dataset } from '../chain/dataset';

/** One item of a bulk operation that was refused, with the refusal's code and Thai message. */
export interface BulkFailureView {
  orgUnitCode: string;
  dataset: Dataset;
  code: string;
  message: string;
}

/** Each item of a bulk confirmation or revocation is checked and recorded on its own. */
export interface BulkResultView {
  done: ConfirmationView[];
  failed: BulkFailureView[];
}

/** A refusal becomes a failed item; anything else (an outage, a bug) ends the whole operation. */
export function failure(orgUnitCode: string, dataset: Dataset, e: unknown): BulkFailureView {
  if (!isLecError(e)) throw e;
  return { orgUnitCode, dataset, code: e.code, message: e.message };
}
