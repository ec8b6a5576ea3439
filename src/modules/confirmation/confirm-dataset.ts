import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { ConfirmationEvent } from './confirmation.events';
import { streamVersion } from '../../event-store/event-store';
import type { EventStore } from '../../event-store/event-store.service';
import { isWithin } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { todayInBangkok } from '../../shared/thai-calendar';
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
import { confirmationStreamId, confirmationStreamType, type Dataset } from '../chain/dataset';
import { holdRoundOpen } from '../chain/register-lock';

/**
 * What both confirming and revoking start with, in this order: the unit, the rounds lock (shared),
 * the unit's parent and the unit locked (ancestors first), the version of the stream the event
 * will go on, then the round. Everything read after the version is covered by the append's check.
 */
async function openConfirmationStream(tx: EntityManager, orgUnitCode: string, dataset: Dataset) {
  const unit = await findUnit(tx, orgUnitCode);
  await holdRoundOpen(tx);
  await lockUnits(tx, [unit.parentCode, unit.code]);
  const streamId = confirmationStreamId(unit.kind, unit.code, dataset);
  const version = await streamVersion(tx, streamId);
  const round = await roundForReading(tx);
  return { unit, round, streamId, version };
}

async function record(
  store: EventStore,
  tx: EntityManager,
  at: { streamId: string; version: number },
  events: ConfirmationEvent[],
  metadata: EventMetadata,
): Promise<ConfirmationView> {
  const type = confirmationStreamType(at.streamId);
  const [recorded] = await store.append(tx, at.streamId, type, at.version, events, metadata);
  return confirmationAt(tx, recorded.globalPosition);
}

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
    const { unit, round, streamId, version } = await openConfirmationStream(tx, orgUnitCode, dataset);
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
    return record(store, tx, { streamId, version }, events, metadata);
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
    const { unit, round, streamId, version } = await openConfirmationStream(tx, orgUnitCode, dataset);
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
    return record(store, tx, { streamId, version }, events, metadata);
  });
}
