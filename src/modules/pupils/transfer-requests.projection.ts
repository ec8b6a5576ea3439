import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { TransferRequestRow } from './transfer-request.entity';
import { transferRequestEventTypes, type TransferRequestEvent } from './transfer-request.events';

export const transferRequestsProjection: Projection = {
  name: 'transfer-requests',
  handles: transferRequestEventTypes,
  tables: ['pupil_transfer_requests'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<TransferRequestEvent>[]) {
      const at = new Date(e.metadata.at);
      const answered = {
        answeredAt: at,
        answeredByAccount: e.metadata.accountId,
        answeredByProfile: e.metadata.profileId,
      };
      switch (e.type) {
        case 'PupilTransferRequested': {
          const { requestId, requestedOn: _on, ...d } = e.data;
          await tx.insert(TransferRequestRow, {
            ...d,
            id: requestId,
            status: 'OPEN',
            requestedAt: at,
            requestedByAccount: e.metadata.accountId,
            requestedByProfile: e.metadata.profileId,
          });
          break;
        }
        case 'PupilTransferAccepted':
          await tx.update(
            TransferRequestRow,
            { id: e.data.requestId },
            {
              status: 'ACCEPTED',
              answeredAs: e.data.answeredAs,
              answerNote: e.data.note,
              pupilId: e.data.pupilId,
              ...answered,
            },
          );
          break;
        case 'PupilTransferRefused':
          await tx.update(
            TransferRequestRow,
            { id: e.data.requestId },
            { status: 'REFUSED', answeredAs: e.data.answeredAs, answerNote: e.data.note, ...answered },
          );
          break;
      }
    }
  },
};
