import { isLecError, type LecError } from '../../shared/errors';
import type { PupilInputData } from './pupil.decider';
import { citizenIdCheckDigit } from './rules/citizen-id';
import {
  decideTransferAnswer,
  decideTransferRequest,
  evolveTransferRequest,
  initialTransferRequestState,
  type AnswerTransferRequest,
  type TransferAnswerContext,
  type TransferRequestContext,
  type TransferRequestState,
} from './transfer-request.decider';
import type { TransferRequestEvent } from './transfer-request.events';

const ID = '110370207118' + citizenIdCheckDigit('110370207118');
const HOLDER = '1054010001';
const RECEIVER = '1054020001';
const LAO = '5450101';
const input: PupilInputData = {
  citizenId: ID,
  prefix: 'เด็กชาย',
  firstName: 'ธนากร',
  lastName: 'ใจงาม',
  sex: 'MALE',
  birthDate: '2019-03-15',
  nationality: 'ไทย',
  grade: 'P1',
};
const receiverSide = (over: Partial<TransferRequestContext> = {}): TransferRequestContext => ({
  institution: { code: RECEIVER, kind: 'SCHOOL' },
  academicYear: 2569,
  today: '2026-07-01',
  holder: { institutionCode: HOLDER, institutionName: 'โรงเรียนบ้านไรโคก', pupilId: 'held-1' },
  openRequestId: null,
  ...over,
});

function refused(f: () => unknown): LecError {
  try {
    f();
  } catch (e) {
    if (isLecError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const requested = decideTransferRequest(
  { type: 'RequestPupilTransfer', requestId: 'r-1', input, note: ' ย้ายตามผู้ปกครอง ' },
  receiverSide(),
);
const open: TransferRequestState = requested.reduce(evolveTransferRequest, initialTransferRequestState);

describe('a transfer request (PupilTransferRequested)', () => {
  it('given the ID held at another institution, then a request to that holder with the receiver’s details', () => {
    expect(requested).toEqual([
      {
        type: 'PupilTransferRequested',
        data: expect.objectContaining({
          requestId: 'r-1',
          citizenId: ID,
          fromInstitutionCode: HOLDER,
          fromPupilId: 'held-1',
          toInstitutionCode: RECEIVER,
          note: 'ย้ายตามผู้ปกครอง',
          requestedOn: '2026-07-01',
          details: expect.objectContaining({ prefix: 'เด็กชาย', grade: 'P1', idKind: 'CITIZEN_ID' }),
        }),
      },
    ]);
    expect(open.status).toBe('OPEN');
  });

  it('given the ID held nowhere, then no request: enrol directly', () => {
    const e = refused(() =>
      decideTransferRequest(
        { type: 'RequestPupilTransfer', requestId: 'r-2', input, note: null },
        receiverSide({ holder: null }),
      ),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details.enrolDirectly).toBe(true);
  });

  it('refuses a pupil already on the receiver’s register, a second open request, and bad details', () => {
    const cmd = { type: 'RequestPupilTransfer' as const, requestId: 'r-3', input, note: null };
    const own = receiverSide({ holder: { institutionCode: RECEIVER, institutionName: 'x', pupilId: 'p' } });
    expect(refused(() => decideTransferRequest(cmd, own)).code).toBe('BAD_USER_INPUT');
    expect(
      refused(() => decideTransferRequest(cmd, receiverSide({ openRequestId: 'r-1' }))).details.requestId,
    ).toBe('r-1');
    const bad = { ...cmd, input: { ...input, citizenId: '1234567890123' } };
    expect(refused(() => decideTransferRequest(bad, receiverSide())).code).toBe('INVALID_CITIZEN_ID');
  });
});

describe('an answer to a transfer request', () => {
  const answer = (accept: boolean, note: string | null = null): AnswerTransferRequest => ({
    type: 'AnswerTransferRequest',
    requestId: 'r-1',
    accept,
    note,
  });
  const ctx = (over: Partial<TransferAnswerContext> = {}): TransferAnswerContext => ({
    viewer: { code: HOLDER, kind: 'SCHOOL' },
    holder: { code: HOLDER, laoCode: LAO },
    holderPupilActive: true,
    activeElsewhere: null,
    newPupilId: 'new-1',
    ...over,
  });

  it('accepted by the holder: the pupil leaves the holder (TRANSFERRED_OUT) and transfers in at the receiver', () => {
    const events = decideTransferAnswer(answer(true, 'ยินดี'), open, ctx());
    expect(events.request).toEqual([
      {
        type: 'PupilTransferAccepted',
        data: { requestId: 'r-1', pupilId: 'new-1', answeredAs: 'INSTITUTION', note: 'ยินดี' },
      },
    ]);
    expect(events.holder).toEqual([
      {
        type: 'PupilLeft',
        data: {
          pupilId: 'held-1',
          reason: 'TRANSFERRED_OUT',
          date: '2026-07-01',
          note: 'ยินดี',
          toInstitutionCode: RECEIVER,
          transferRequestId: 'r-1',
        },
      },
    ]);
    expect(events.receiver).toEqual([
      {
        type: 'PupilTransferredIn',
        data: expect.objectContaining({
          pupilId: 'new-1',
          institutionCode: RECEIVER,
          citizenId: ID,
          fromInstitutionCode: HOLDER,
          date: '2026-07-01',
          enrolmentDate: '2026-07-01',
          transferRequestId: 'r-1',
        }),
      },
    ]);
    const closed = events.request.reduce<TransferRequestState>(
      (s, e: TransferRequestEvent) => evolveTransferRequest(s, e),
      open,
    );
    expect(closed.status).toBe('ACCEPTED');
  });

  it('accepted by the holder’s LAO (it can always answer)', () => {
    const events = decideTransferAnswer(answer(true), open, ctx({ viewer: { code: LAO, kind: 'LAO' } }));
    expect(events.request[0].data).toMatchObject({ answeredAs: 'LAO' });
    expect(events.holder).toHaveLength(1);
  });

  it('refused with a reason: only the request is closed', () => {
    const events = decideTransferAnswer(answer(false, 'นักเรียนยังมาเรียนที่นี่'), open, ctx());
    expect(events).toEqual({
      request: [
        {
          type: 'PupilTransferRefused',
          data: { requestId: 'r-1', answeredAs: 'INSTITUTION', note: 'นักเรียนยังมาเรียนที่นี่' },
        },
      ],
      holder: [],
      receiver: [],
    });
    expect(
      refused(() => decideTransferAnswer(answer(false, ' '), open, ctx())).details.fields,
    ).toHaveProperty('note');
  });

  it('is FORBIDDEN to the receiver, a third school, another LAO, a province and the department', () => {
    for (const viewer of [
      { code: RECEIVER, kind: 'SCHOOL' },
      { code: '1054030001', kind: 'SCHOOL' },
      { code: '5450102', kind: 'LAO' },
      { code: '54', kind: 'PROVINCE' },
      { code: 'DLA', kind: 'DEPARTMENT' },
    ])
      expect(refused(() => decideTransferAnswer(answer(true), open, ctx({ viewer }))).code).toBe('FORBIDDEN');
  });

  it('refuses a second answer, and an unknown request', () => {
    const accepted = evolveTransferRequest(open, {
      type: 'PupilTransferAccepted',
      data: { requestId: 'r-1', pupilId: 'new-1', answeredAs: 'INSTITUTION', note: null },
    });
    expect(refused(() => decideTransferAnswer(answer(false, 'x'), accepted, ctx())).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(refused(() => decideTransferAnswer(answer(true), initialTransferRequestState, ctx())).code).toBe(
      'NOT_FOUND',
    );
  });

  it('given the holder’s pupil gone since (removed or left), accepting only records the arrival', () => {
    const events = decideTransferAnswer(answer(true), open, ctx({ holderPupilActive: false }));
    expect(events.holder).toEqual([]);
    expect(events.receiver).toHaveLength(1);
  });

  it('given the ID enrolled elsewhere since, accepting is refused with DUPLICATE_PUPIL', () => {
    const elsewhere = { institutionCode: '1054030001', institutionName: 'โรงเรียนบ้านนา' };
    const e = refused(() =>
      decideTransferAnswer(answer(true), open, ctx({ holderPupilActive: false, activeElsewhere: elsewhere })),
    );
    expect(e.code).toBe('DUPLICATE_PUPIL');
  });
});
