import type { Decider } from '../../event-store/decider';
import { badInput, LecError } from '../../shared/errors';
import type { Dataset } from '../chain/dataset';
import type { RevocationRequestEvent } from './revocation-request.events';

export type RevocationRequestCommand =
  | {
      type: 'RequestRevocation';
      requestId: string;
      roundId: string;
      orgUnitCode: string;
      dataset: Dataset;
      reason: string;
      requestedByUnitCode: string;
      addressedToUnitCode: string;
    }
  | {
      type: 'RefuseRevocationRequest';
      reason: string;
      refusedByUnitCode: string;
      /** The confirmation it asked about was revoked (the read model knows: that event is on another stream). */
      answeredByRevocation: boolean;
    };

export type RevocationRequestState =
  { status: 'NONE' } | { status: 'OPEN' | 'REFUSED'; requestId: string; orgUnitCode: string };

export const revocationRequestDecider: Decider<
  RevocationRequestState,
  RevocationRequestCommand,
  RevocationRequestEvent
> = {
  streamType: 'RevocationRequest',
  initialState: () => ({ status: 'NONE' }),

  evolve(state, event) {
    switch (event.type) {
      case 'RevocationRequested':
        return { status: 'OPEN', requestId: event.data.requestId, orgUnitCode: event.data.orgUnitCode };
      case 'RevocationRequestRefused':
        return state.status === 'NONE' ? state : { ...state, status: 'REFUSED' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RequestRevocation': {
        if (state.status !== 'NONE') throw new LecError('CONFLICT');
        const { type: _type, ...data } = command;
        return [{ type: 'RevocationRequested', data }];
      }
      case 'RefuseRevocationRequest': {
        if (state.status === 'NONE') throw new LecError('NOT_FOUND', 'ไม่พบคำขอยกเลิกการยืนยันนี้');
        if (state.status === 'REFUSED' || command.answeredByRevocation)
          throw badInput(
            { requestId: 'คำขอนี้ได้รับการพิจารณาแล้ว' },
            command.answeredByRevocation
              ? 'คำขอนี้ได้รับการพิจารณาแล้ว: การยืนยันถูกยกเลิกตามคำขอแล้ว'
              : 'คำขอนี้ได้รับการพิจารณาแล้ว: ปฏิเสธไปแล้ว',
          );
        return [
          {
            type: 'RevocationRequestRefused',
            data: {
              requestId: state.requestId,
              reason: command.reason,
              refusedByUnitCode: command.refusedByUnitCode,
            },
          },
        ];
      }
    }
  },
};
