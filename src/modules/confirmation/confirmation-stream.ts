import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { ConfirmationEvent } from './confirmation.events';
import { streamVersion } from '../../event-store/event-store';
import type { EventStore } from '../../event-store/event-store.service';
import { findUnit, lockUnits, roundForReading } from './confirmation.reads';
import { confirmationAt, type ConfirmationView } from './confirmation.view';
import { confirmationStreamId, confirmationStreamType, type Dataset } from '../chain/dataset';
import { holdRoundOpen } from '../rounds/rounds-lock';

/**
 * What both confirming and revoking start with, in this order: the unit, the rounds lock (shared),
 * the unit's parent and the unit locked (ancestors first), the version of the stream the event
 * will go on, then the round. Everything read after the version is covered by the append's check.
 */
export async function openConfirmationStream(tx: EntityManager, orgUnitCode: string, dataset: Dataset) {
  const unit = await findUnit(tx, orgUnitCode);
  await holdRoundOpen(tx);
  await lockUnits(tx, [unit.parentCode, unit.code]);
  const streamId = confirmationStreamId(unit.kind, unit.code, dataset);
  const version = await streamVersion(tx, streamId);
  const round = await roundForReading(tx);
  return { unit, round, streamId, version };
}

export async function record(
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
