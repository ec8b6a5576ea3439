import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { isWithin } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { decideRevoke } from './confirmation.decider';
import { findUnit, holds, isConfirmed } from './confirmation.reads';
import type { ConfirmationView } from './confirmation.view';
import type { Dataset } from '../chain/dataset';
import { openConfirmationStream, record } from './confirmation-stream';

/** Revokes a unit's confirmation, by a level above it, once the level directly above has not confirmed. */
export async function revokeConfirmation(
  store: EventStore,
  viewer: Viewer,
  orgUnitCode: string,
  dataset: Dataset,
  reason: string,
  metadata: EventMetadata,
): Promise<ConfirmationView> {
  return store.transaction(async (tx) => {
    const { unit, round, streamId, version, confirmed } = await openConfirmationStream(
      tx,
      orgUnitCode,
      dataset,
    );
    const parent = unit.parentCode ? await findUnit(tx, unit.parentCode) : null;
    const parentHolds = parent !== null && round?.status === 'OPEN' && (await holds(tx, parent, dataset));
    const events = decideRevoke({
      round,
      unit,
      viewerUnitCode: viewer.orgUnit.code,
      viewerIsAbove: viewer.orgUnit.code !== unit.code && isWithin(viewer.orgUnit, unit),
      dataset,
      reason,
      confirmed: round?.status === 'OPEN' && confirmed,
      parent:
        parent && parentHolds
          ? { ...parent, confirmed: await isConfirmed(tx, round!.id, parent.code, dataset) }
          : null,
    });
    return record(store, tx, { streamId, version }, events, metadata);
  });
}
