import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { Viewer } from '../access/viewer';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { failure, type BulkResultView } from './bulk-result';
import type { Dataset } from '../chain/dataset';
import { revokeConfirmation } from './revoke-confirmation';

const DEPTH: Record<string, number> = {
  DEPARTMENT: 0,
  PROVINCE: 1,
  LAO: 2,
  SCHOOL: 3,
  CDC: 3,
  OTHER_SCHOOL: 3,
};

/**
 * Revokes several confirmations with one reason, each checked and recorded on its own.
 * `metadata` is asked once per revocation, so each carries its own time.
 */
export async function revokeConfirmations(
  store: EventStore,
  viewer: Viewer,
  targets: { orgUnitCode: string; kind: OrgUnitKind; dataset: Dataset }[],
  reason: string,
  metadata: () => EventMetadata,
): Promise<BulkResultView> {
  // Top down: a province's LAO before that LAO's schools, so one operation can clear a whole branch.
  const ordered = targets.map((t) => ({ ...t, depth: DEPTH[t.kind] })).sort((a, b) => a.depth - b.depth);
  const result: BulkResultView = { done: [], failed: [] };
  for (const t of ordered) {
    try {
      result.done.push(await revokeConfirmation(store, viewer, t.orgUnitCode, t.dataset, reason, metadata()));
    } catch (e) {
      result.failed.push(failure(t.orgUnitCode, t.dataset, e));
    }
  }
  return result;
}
