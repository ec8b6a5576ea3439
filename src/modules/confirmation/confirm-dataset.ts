import type { EventMetadata } from '../../event-store/event';
import { streamVersion } from '../../event-store/event-store';
import type { EventStore } from '../../event-store/event-store.service';
import { isWithin } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { todayInBangkok } from '../pupils/rules/thai-dates';
import { decideConfirm, decideRevoke } from './confirmation.decide';
import {
  deadlineOf,
  figuresFor,
  findUnit,
  holds,
  isConfirmed,
  lockUnits,
  missingBelow,
  roundForReading,
} from './confirmation.reads';
import { confirmationAt, type ConfirmationView } from './confirmation.view';
import { confirmationStreamId, confirmationStreamType, type Dataset } from './dataset';
import { holdRoundOpen } from './register-lock';

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
): Promise<ConfirmationView> {
  return store.transaction(async (tx) => {
    const unit = await findUnit(tx, orgUnitCode);
    await holdRoundOpen(tx);
    await lockUnits(tx, [unit.parentCode, unit.code]);
    const streamId = confirmationStreamId(unit.kind, unit.code, dataset);
    const version = await streamVersion(tx, streamId);
    const round = await roundForReading(tx);
    const held = await holds(tx, unit, dataset);
    const active = round?.status === 'OPEN' && held;
    const events = decideConfirm({
      round,
      unit,
      viewerUnitCode: viewer.orgUnit.code,
      dataset,
      holds: held,
      confirmed: active && (await isConfirmed(tx, round.id, unit.code, dataset)),
      missing: active ? await missingBelow(tx, round.id, unit, dataset) : [],
      figures: active ? await figuresFor(tx, round.id, unit, dataset) : null,
      deadline: round?.status === 'OPEN' ? await deadlineOf(tx, round.id, unit) : '',
      today: todayInBangkok(new Date(metadata.at)),
    });
    const [recorded] = await store.append(
      tx,
      streamId,
      confirmationStreamType(streamId),
      version,
      events,
      metadata,
    );
    return confirmationAt(tx, recorded.globalPosition);
  });
}

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
    const unit = await findUnit(tx, orgUnitCode);
    await holdRoundOpen(tx);
    await lockUnits(tx, [unit.parentCode, unit.code]);
    const streamId = confirmationStreamId(unit.kind, unit.code, dataset);
    const version = await streamVersion(tx, streamId);
    const round = await roundForReading(tx);
    const parent = unit.parentCode ? await findUnit(tx, unit.parentCode) : null;
    const parentHolds = parent !== null && round?.status === 'OPEN' && (await holds(tx, parent, dataset));
    const events = decideRevoke({
      round,
      unit,
      viewerUnitCode: viewer.orgUnit.code,
      viewerIsAbove: viewer.orgUnit.code !== unit.code && isWithin(viewer.orgUnit, unit),
      dataset,
      reason,
      confirmed: round?.status === 'OPEN' && (await isConfirmed(tx, round.id, unit.code, dataset)),
      parent:
        parent && parentHolds
          ? { ...parent, confirmed: await isConfirmed(tx, round!.id, parent.code, dataset) }
          : null,
    });
    const [recorded] = await store.append(
      tx,
      streamId,
      confirmationStreamType(streamId),
      version,
      events,
      metadata,
    );
    return confirmationAt(tx, recorded.globalPosition);
  });
}
