import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { Viewer } from '../access/viewer';
import { todayInBangkok } from '../../shared/thai-calendar';
import { decideConfirm } from './confirmation.decider';
import { figuresFor, holds, missingBelow } from './confirmation.reads';
import type { ConfirmationView } from './confirmation.view';
import type { Dataset } from '../chain/dataset';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { openConfirmationStream, record } from './confirmation-stream';

/**
 * Confirms one dataset of a unit for the open round. The unit and its parent are locked first, so
 * a revocation below (which locks the parent too) cannot interleave with reading the children's
 * confirmations; the event goes on the stream the data live on, at the version read before the
 * figures, so a concurrent edit makes it conflict and the figures are taken again.
 */
export async function confirmDataset(
  store: EventStore,
  viewer: Viewer,
  orgUnitCode: string,
  dataset: Dataset,
  metadata: EventMetadata,
  /** Given the unit's row as read (locked) in the transaction, so the answer need not read it again. */
  seen?: (row: OrgUnitRow) => void,
): Promise<ConfirmationView> {
  return store.transaction(async (tx) => {
    const { unit, round, streamId, version, confirmed, deadline } = await openConfirmationStream(
      tx,
      orgUnitCode,
      dataset,
      seen,
    );
    const held = await holds(tx, unit, dataset);
    const active = round?.status === 'OPEN' && held;
    const events = decideConfirm({
      round,
      unit,
      viewerUnitCode: viewer.orgUnit.code,
      dataset,
      holds: held,
      confirmed: active && confirmed,
      missing: active ? await missingBelow(tx, round.id, unit, dataset) : [],
      figures: active ? await figuresFor(tx, round.id, unit, dataset) : null,
      deadline: round?.status === 'OPEN' ? deadline : '',
      today: todayInBangkok(new Date(metadata.at)),
    });
    return record(store, tx, { streamId, version }, events, metadata);
  });
}
