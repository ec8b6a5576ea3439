import { badInput, LecError } from '../../shared/errors';
import {
  refuseDuplicate,
  validatePupilInput,
  type InstitutionState,
  type PupilInputData,
} from './pupil.decider';
import type { PupilEvent } from './pupil.events';
import { transferAnswererOf } from './rules/transfer-rules';
import type { PupilTransferRequested, TransferRequestEvent } from './transfer-request.events';

export type TransferRequestState =
  { status: 'NONE' } | { status: 'OPEN' | 'ACCEPTED' | 'REFUSED'; request: PupilTransferRequested['data'] };

export const initialTransferRequestState: TransferRequestState = { status: 'NONE' };

export function evolveTransferRequest(
  state: TransferRequestState,
  event: TransferRequestEvent,
): TransferRequestState {
  switch (event.type) {
    case 'PupilTransferRequested':
      return { status: 'OPEN', request: event.data };
    case 'PupilTransferAccepted':
      return state.status === 'NONE' ? state : { ...state, status: 'ACCEPTED' };
    case 'PupilTransferRefused':
      return state.status === 'NONE' ? state : { ...state, status: 'REFUSED' };
  }
}

export interface RequestPupilTransfer {
  type: 'RequestPupilTransfer';
  requestId: string;
  input: PupilInputData;
  note: string | null;
}

/** The receiving institution's side, read in the command's transaction. */
export interface TransferRequestContext extends Pick<
  InstitutionState,
  'institution' | 'academicYear' | 'today'
> {
  /** Where the ID is enrolled right now, if anywhere. */
  holder: { institutionCode: string; institutionName: string; pupilId: string } | null;
  /** An open request of this institution for the same ID, if any. */
  openRequestId: string | null;
}

const NOTE_MAX = 500;

function noteOf(note: string | null | undefined): string | null {
  const n = note?.trim() || null;
  if (n && n.length > NOTE_MAX) throw badInput({ note: `หมายเหตุยาวได้ไม่เกิน ${NOTE_MAX} ตัวอักษร` });
  return n;
}

export function decideTransferRequest(
  command: RequestPupilTransfer,
  ctx: TransferRequestContext,
): TransferRequestEvent[] {
  const { details, queries, queryNote } = validatePupilInput(command.input, ctx);
  const holder = ctx.holder;
  if (!holder)
    throw new LecError(
      'BAD_USER_INPUT',
      'ไม่ต้องขอย้าย: เลขประจำตัวนี้ไม่ได้อยู่ในทะเบียนปัจจุบันของสถานศึกษาใดแล้ว ให้บันทึกรับนักเรียนย้ายเข้าหรือเพิ่มข้อมูลนักเรียนได้ทันที',
      { fields: { citizenId: 'ไม่มีสถานศึกษาใดมีชื่อนักเรียนรายนี้อยู่ บันทึกได้โดยตรง' }, enrolDirectly: true },
    );
  if (holder.institutionCode === ctx.institution.code)
    throw badInput({ citizenId: 'นักเรียนรายนี้อยู่ในทะเบียนของสถานศึกษาของท่านแล้ว' });
  if (ctx.openRequestId)
    throw new LecError('BAD_USER_INPUT', 'ได้ขอย้ายนักเรียนรายนี้ไว้แล้ว และยังรอคำตอบจากสถานศึกษาเดิม', {
      fields: { citizenId: 'มีคำขอย้ายที่ยังไม่ได้ตอบอยู่แล้ว' },
      requestId: ctx.openRequestId,
    });
  return [
    {
      type: 'PupilTransferRequested',
      data: {
        requestId: command.requestId,
        citizenId: details.citizenId,
        fromInstitutionCode: holder.institutionCode,
        fromPupilId: holder.pupilId,
        toInstitutionCode: ctx.institution.code,
        details,
        queries,
        queryNote,
        note: noteOf(command.note),
        requestedOn: ctx.today,
      },
    },
  ];
}

export interface AnswerTransferRequest {
  type: 'AnswerTransferRequest';
  requestId: string;
  accept: boolean;
  note: string | null;
}

export interface TransferAnswerContext {
  /** The unit of whoever answers. */
  viewer: { code: string; kind: string };
  /** The institution that held the ID when the request was made, and its LAO. */
  holder: { code: string; laoCode: string | null };
  /** The holder's pupil is still on its current register. */
  holderPupilActive: boolean;
  /** Where the ID is enrolled now other than the holder's pupil (e.g. enrolled since by someone else). */
  activeElsewhere: InstitutionState['activeElsewhere'];
  /** The id the pupil gets at the receiving institution. */
  newPupilId: string;
}

/** The events of an answer, per stream: the request's, the holder's register and the receiver's. */
export interface TransferAnswerEvents {
  request: TransferRequestEvent[];
  holder: PupilEvent[];
  receiver: PupilEvent[];
}

export function decideTransferAnswer(
  command: AnswerTransferRequest,
  state: TransferRequestState,
  ctx: TransferAnswerContext,
): TransferAnswerEvents {
  if (state.status === 'NONE') throw new LecError('NOT_FOUND', 'ไม่พบคำขอย้ายนี้');
  const answeredAs = transferAnswererOf(ctx.viewer, ctx.holder);
  if (!answeredAs)
    throw new LecError(
      'FORBIDDEN',
      'เฉพาะสถานศึกษาที่มีชื่อนักเรียนอยู่ หรือ อปท. ต้นสังกัดของสถานศึกษานั้น เท่านั้นที่ตอบคำขอย้ายได้',
    );
  if (state.status !== 'OPEN')
    throw badInput({
      requestId: `คำขอย้ายนี้ได้รับคำตอบแล้ว (${state.status === 'ACCEPTED' ? 'รับย้ายแล้ว' : 'ปฏิเสธแล้ว'})`,
    });
  const { requestId } = command;
  const note = noteOf(command.note);
  if (!command.accept) {
    if (!note) throw badInput({ note: 'กรุณาระบุเหตุผลที่ไม่ให้ย้าย เพื่อแจ้งสถานศึกษาที่ขอ' });
    return {
      request: [{ type: 'PupilTransferRefused', data: { requestId, answeredAs, note } }],
      holder: [],
      receiver: [],
    };
  }
  refuseDuplicate(ctx);
  const r = state.request;
  const date = r.details.enrolmentDate ?? r.requestedOn;
  return {
    request: [
      { type: 'PupilTransferAccepted', data: { requestId, pupilId: ctx.newPupilId, answeredAs, note } },
    ],
    // The holder's pupil may have left or been removed since the request: then only the receiver records it.
    holder: ctx.holderPupilActive
      ? [
          {
            type: 'PupilLeft',
            data: {
              pupilId: r.fromPupilId,
              reason: 'TRANSFERRED_OUT',
              date,
              note,
              toInstitutionCode: r.toInstitutionCode,
              transferRequestId: requestId,
            },
          },
        ]
      : [],
    receiver: [
      {
        type: 'PupilTransferredIn',
        data: {
          pupilId: ctx.newPupilId,
          institutionCode: r.toInstitutionCode,
          ...r.details,
          enrolmentDate: date,
          queries: r.queries,
          queryNote: r.queryNote,
          fromInstitutionCode: r.fromInstitutionCode,
          date,
          note: r.note,
          transferRequestId: requestId,
        },
      },
    ],
  };
}
