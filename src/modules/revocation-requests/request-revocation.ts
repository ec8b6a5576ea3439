import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { datasetLabels, type Dataset } from '../chain/dataset';
import { revocationRequestDecider } from './revocation-request.decider';
import { revocationRequestStreamId } from './revocation-request.events';
import { checkReason, checkRequester, levelThatMustAct } from './revocation-request.rules';
import {
  chainOf,
  openRequestFor,
  requestById,
  type RevocationRequestView,
} from './revocation-requests.reads';

/**
 * A unit, or a level above it that cannot revoke it itself, asks the level that must act to revoke
 * a confirmation of the open round. One open request per confirmation; it waits in that level's
 * myTasks until the revocation (which closes it) or a refusal with a reason.
 */
export async function requestRevocation(
  store: EventStore,
  viewer: Viewer,
  orgUnitCode: string,
  dataset: Dataset,
  reason: string,
  metadata: EventMetadata,
): Promise<RevocationRequestView> {
  const why = checkReason(reason);
  return store.transaction(async (tx) => {
    const [round]: { id: string }[] = await tx.query(`SELECT id FROM rounds WHERE status = 'OPEN' LIMIT 1`);
    if (!round) throw new LecError('NO_OPEN_ROUND', 'ขณะนี้ไม่มีรอบที่เปิดอยู่ จึงไม่มีการยืนยันให้ขอยกเลิก');
    const chain = await chainOf(tx, orgUnitCode, round.id, dataset);
    if (!chain.length) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${orgUnitCode}` });
    const actor = levelThatMustAct(chain);
    if (!actor)
      throw badInput(
        { dataset: `${chain[0].name} ยังไม่ได้ยืนยัน${datasetLabels[dataset]}ในรอบนี้` },
        `${chain[0].name} ยังไม่ได้ยืนยัน${datasetLabels[dataset]}ในรอบ ${round.id} จึงไม่มีการยืนยันให้ขอยกเลิก แก้ไขข้อมูลได้เลย`,
      );
    checkRequester(viewer.orgUnit.code, chain, actor);
    const open = await openRequestFor(tx, round.id, orgUnitCode, dataset);
    if (open)
      throw badInput(
        { orgUnitCode: 'มีคำขอยกเลิกการยืนยันนี้รอพิจารณาอยู่แล้ว' },
        `มีคำขอยกเลิกการยืนยัน${datasetLabels[dataset]}ของ ${chain[0].name} รอ ${actor.name} พิจารณาอยู่แล้ว`,
      );
    const requestId = randomUUID();
    await store.decide(
      tx,
      revocationRequestStreamId(requestId),
      revocationRequestDecider,
      {
        type: 'RequestRevocation',
        requestId,
        roundId: round.id,
        orgUnitCode,
        dataset,
        reason: why,
        requestedByUnitCode: viewer.orgUnit.code,
        addressedToUnitCode: actor.code,
      },
      metadata,
    );
    return (await requestById(tx, requestId))!;
  });
}
