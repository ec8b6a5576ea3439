import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { PupilInputData } from './pupil.decider';
import { findActiveHolder, loadInstitution } from './pupil.reads';
import { parsePupilId } from './rules/citizen-id';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { decideTransferRequest } from './transfer-request.decider';
import { TransferRequestRow } from './transfer-request.entity';
import { transferRequestStreamId } from './transfer-request.events';

/** The receiving institution asks the institution holding a child's ID to let the child go (a new stream per request). */
export async function requestPupilTransfer(
  store: EventStore,
  receiverCode: string,
  input: PupilInputData,
  note: string | null,
  metadata: EventMetadata,
): Promise<TransferRequestRow> {
  return store.transaction(async (tx) => {
    const unit = await loadInstitution(tx, receiverCode);
    const today = todayInBangkok(new Date(metadata.at));
    const requestId = randomUUID();
    const id = parsePupilId(input.citizenId, today);
    const open = id
      ? await tx.findOneBy(TransferRequestRow, {
          citizenId: id.value,
          toInstitutionCode: receiverCode,
          status: 'OPEN',
        })
      : null;
    const events = decideTransferRequest(
      { type: 'RequestPupilTransfer', requestId, input, note },
      {
        institution: { code: unit.code, kind: unit.kind },
        academicYear: academicYearOf(today),
        today,
        holder: id ? await findActiveHolder(tx, id.value, null) : null,
        openRequestId: open?.id ?? null,
      },
    );
    await store.append(tx, transferRequestStreamId(requestId), 'TransferRequest', 0, events, metadata);
    return tx.findOneByOrFail(TransferRequestRow, { id: requestId });
  });
}
