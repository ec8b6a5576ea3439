import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { failure, type BulkResultView } from './bulk-result';
import { confirmDataset } from './confirm-dataset';
import { statusOf } from './unit-status.reads';

/**
 * Confirms every dataset of the unit not yet confirmed in the open round, each as its own
 * confirmation: what is not ready is reported as failed with its refusal, the rest is done.
 * `metadata` is asked once per confirmation, so each carries its own time.
 */
export async function confirmReady(
  store: EventStore,
  viewer: Viewer,
  unit: { code: string; kind: OrgUnitKind },
  metadata: () => EventMetadata,
): Promise<BulkResultView> {
  const status = await statusOf(store.dataSource.manager, unit);
  if (!status || status.round.status !== 'OPEN') throw new LecError('NO_OPEN_ROUND');
  const result: BulkResultView = { done: [], failed: [] };
  for (const d of status.datasets.filter((s) => !s.confirmed)) {
    try {
      result.done.push(await confirmDataset(store, viewer, unit.code, d.dataset, metadata()));
    } catch (e) {
      result.failed.push(failure(unit.code, d.dataset, e));
    }
  }
  return result;
}
