import { assertRegisterOpen } from '../chain/register-lock';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { readStream } from '../../event-store/event-store';
import { LecError } from '../../shared/errors';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { findActiveHolder } from './pupil.reads';
import { PupilRow } from './pupil.entity';
import { institutionStreamId } from './pupil.events';
import {
  decideTransferAnswer,
  evolveTransferRequest,
  initialTransferRequestState,
  type AnswerTransferRequest,
} from './transfer-request.decider';
import { TransferRequestRow } from './transfer-request.entity';
import { transferRequestStreamId, type TransferRequestEvent } from './transfer-request.events';

/**
 * Locks the streams' rows in one order (by id) and returns their versions: two acceptances that
 * touch the same two institutions the other way round wait for each other instead of deadlocking.
 */
async function lockStreamVersions(tx: EntityManager, streamIds: string[]): Promise<Record<string, number>> {
  const ids = [...new Set(streamIds)].sort();
  const rows: { stream_id: string; version: number }[] = await tx.query(
    `SELECT stream_id, version FROM streams WHERE stream_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})
      ORDER BY stream_id FOR UPDATE`,
    ids,
  );
  return Object.fromEntries(
    ids.map((id) => [id, Number(rows.find((r) => r.stream_id === id)?.version ?? 0)]),
  );
}

/**
 * The holder institution or its LAO answers. Acceptance is one transaction over three streams: the
 * request's, the holder's register (the pupil leaves, TRANSFERRED_OUT) and the receiver's (the pupil
 * transfers in), each appended at the version read (and locked) first.
 */
export async function answerTransferRequest(
  store: EventStore,
  command: Omit<AnswerTransferRequest, 'type'>,
  viewer: { code: string; kind: string },
  metadata: EventMetadata,
): Promise<TransferRequestRow> {
  return store.transaction(async (tx) => {
    const row = await tx.findOneBy(TransferRequestRow, { id: command.requestId });
    if (!row) throw new LecError('NOT_FOUND', 'ไม่พบคำขอย้ายนี้');
    const streams = {
      request: transferRequestStreamId(row.id),
      holder: institutionStreamId(row.fromInstitutionCode),
      receiver: institutionStreamId(row.toInstitutionCode),
    };
    const versions = await lockStreamVersions(tx, Object.values(streams));
    const history = await readStream<TransferRequestEvent>(tx, streams.request);
    const state = history.reduce(
      (s, e) => evolveTransferRequest(s, { type: e.type, data: e.data } as TransferRequestEvent),
      initialTransferRequestState,
    );
    const holderUnit = await tx.findOneBy(OrgUnitRow, { code: row.fromInstitutionCode });
    const holderPupil = await tx.findOneBy(PupilRow, { id: row.fromPupilId });
    const events = decideTransferAnswer({ type: 'AnswerTransferRequest', ...command }, state, {
      viewer,
      holder: { code: row.fromInstitutionCode, laoCode: holderUnit?.laoCode ?? null },
      holderPupilActive: holderPupil?.status === 'ACTIVE',
      activeElsewhere: await findActiveHolder(tx, row.citizenId, row.fromPupilId),
      newPupilId: randomUUID(),
    });
    // Both registers change when a transfer is accepted: neither may be confirmed (locked) now.
    if (events.holder.length && holderUnit) await assertRegisterOpen(tx, holderUnit);
    if (events.receiver.length) {
      const receiver = await tx.findOneByOrFail(OrgUnitRow, { code: row.toInstitutionCode });
      await assertRegisterOpen(tx, receiver);
    }
    await store.append(
      tx,
      streams.request,
      'TransferRequest',
      versions[streams.request],
      events.request,
      metadata,
    );
    // The holder first: its pupil must be off the register before the receiver's arrives (one active ID).
    await store.append(tx, streams.holder, 'Institution', versions[streams.holder], events.holder, metadata);
    await store.append(
      tx,
      streams.receiver,
      'Institution',
      versions[streams.receiver],
      events.receiver,
      metadata,
    );
    return tx.findOneByOrFail(TransferRequestRow, { id: row.id });
  });
}
