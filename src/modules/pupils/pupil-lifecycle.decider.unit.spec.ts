import { isLecError, type LecError } from '../../shared/errors';
import { decideLifecycle, type LifecycleCommand, type LifecycleState } from './pupil-lifecycle.decider';
import type { PupilDetails } from './pupil.events';
import { citizenIdCheckDigit } from './rules/citizen-id';

const ID = '110370207118' + citizenIdCheckDigit('110370207118');
const details: PupilDetails = {
  citizenId: ID,
  idKind: 'CITIZEN_ID',
  prefix: 'ด.ช.',
  firstName: 'ธนากร',
  lastName: 'ใจงาม',
  sex: 'MALE',
  birthDate: '2019-03-15',
  nationality: 'ไทย',
  religion: null,
  grade: 'P1',
  enrolmentDate: '2025-05-16',
  disadvantaged: false,
  extra: {},
};
const onRegister = {
  ...details,
  pupilId: 'p-1',
  status: 'ACTIVE' as const,
  leftReason: null,
  promotedYear: null,
  promotedFrom: null,
};
const given = (over: Partial<LifecycleState> = {}): LifecycleState => ({
  institution: { code: '1054010001', kind: 'SCHOOL' },
  academicYear: 2569,
  today: '2026-07-01',
  pupil: onRegister,
  activeElsewhere: null,
  lastPromotionYear: null,
  ...over,
});

function refusal(command: LifecycleCommand, state: LifecycleState): LecError {
  try {
    decideLifecycle(command, state);
  } catch (e) {
    if (isLecError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const leave = (
  over: Partial<Extract<LifecycleCommand, { type: 'RecordPupilLeft' }>> = {},
): LifecycleCommand => ({
  type: 'RecordPupilLeft',
  pupilId: 'p-1',
  reason: 'WITHDREW',
  date: '2026-06-30',
  note: ' ครอบครัวย้ายไปต่างจังหวัด ',
  ...over,
});

describe('a pupil leaves (PupilLeft)', () => {
  it('given a pupil on the register, when the institution records a withdrawal, then PupilLeft', () => {
    expect(decideLifecycle(leave(), given())).toEqual([
      {
        type: 'PupilLeft',
        data: {
          pupilId: 'p-1',
          reason: 'WITHDREW',
          date: '2026-06-30',
          note: 'ครอบครัวย้ายไปต่างจังหวัด',
          toInstitutionCode: null,
        },
      },
    ]);
  });

  it('names where a pupil transferred out to, and only for a transfer out', () => {
    const [e] = decideLifecycle(
      leave({ reason: 'TRANSFERRED_OUT', toInstitutionCode: '1054010099' }),
      given(),
    );
    expect(e.data).toMatchObject({ reason: 'TRANSFERRED_OUT', toInstitutionCode: '1054010099' });
    expect(
      refusal(leave({ reason: 'GRADUATED', toInstitutionCode: '1054010099' }), given()).details.fields,
    ).toHaveProperty('toInstitutionCode');
  });

  it('refuses a pupil not on the current register (left or removed already)', () => {
    expect(refusal(leave(), given({ pupil: { ...onRegister, status: 'LEFT' } })).code).toBe('BAD_USER_INPUT');
    expect(refusal(leave(), given({ pupil: null })).details.fields).toHaveProperty('pupilId');
  });

  it('refuses a date in the future, before the enrolment, or not a date', () => {
    expect(refusal(leave({ date: '2026-07-02' }), given()).details.fields).toHaveProperty('date');
    expect(refusal(leave({ date: '2025-05-15' }), given()).details.fields).toHaveProperty('date');
    expect(refusal(leave({ date: '30/06/2569' }), given()).details.fields).toHaveProperty('date');
  });
});

describe('a pupil transfers in during the year (PupilTransferredIn, ย้ายเข้า)', () => {
  const transferIn = (from: string | null = '1054019999'): LifecycleCommand => ({
    type: 'RecordPupilTransferredIn',
    pupilId: 'p-2',
    input: { ...details, enrolmentDate: null, sex: 'MALE' },
    date: '2026-06-15',
    fromInstitutionCode: from,
    note: null,
  });

  it('given the ID held nowhere, then PupilTransferredIn dated and starting on the day of the transfer', () => {
    const [e] = decideLifecycle(transferIn(), given({ pupil: null }));
    expect(e).toMatchObject({
      type: 'PupilTransferredIn',
      data: {
        pupilId: 'p-2',
        institutionCode: '1054010001',
        citizenId: ID,
        fromInstitutionCode: '1054019999',
        date: '2026-06-15',
        enrolmentDate: '2026-06-15',
        transferRequestId: null,
      },
    });
  });

  it('takes a pupil from a school outside LEC (origin unknown)', () => {
    const [e] = decideLifecycle(transferIn(null), given({ pupil: null }));
    expect(e.data).toMatchObject({ fromInstitutionCode: null });
  });

  it('given the ID active at another institution, then DUPLICATE_PUPIL naming it (ask for a transfer instead)', () => {
    const e = refusal(
      transferIn(),
      given({
        pupil: null,
        activeElsewhere: { institutionCode: '1054010002', institutionName: 'โรงเรียนบ้านนา' },
      }),
    );
    expect(e.code).toBe('DUPLICATE_PUPIL');
    expect(e.message).toContain('โรงเรียนบ้านนา');
  });

  it('checks the details as an enrolment does', () => {
    const bad = { ...transferIn(), input: { ...details, citizenId: '1234567890123' } } as LifecycleCommand;
    expect(refusal(bad, given({ pupil: null })).code).toBe('INVALID_CITIZEN_ID');
  });
});

describe('a repeater is held back (PupilHeldBack)', () => {
  const holdBack: LifecycleCommand = { type: 'HoldBackPupil', pupilId: 'p-1', note: 'ผลการเรียนไม่ผ่าน' };
  const promoted = { ...onRegister, grade: 'P2' as const, promotedYear: 2569, promotedFrom: 'P1' as const };

  it('given a pupil moved P1 → P2 by this year’s promotion, then back to P1', () => {
    expect(decideLifecycle(holdBack, given({ pupil: promoted, lastPromotionYear: 2569 }))).toEqual([
      {
        type: 'PupilHeldBack',
        data: { pupilId: 'p-1', academicYear: 2569, grade: 'P1', note: 'ผลการเรียนไม่ผ่าน' },
      },
    ]);
  });

  it('given a pupil who graduated by this year’s promotion, then back on the register in the same grade', () => {
    const graduate = {
      ...onRegister,
      grade: 'P6' as const,
      status: 'LEFT' as const,
      leftReason: 'GRADUATED' as const,
      promotedYear: 2569,
    };
    const [e] = decideLifecycle(holdBack, given({ pupil: graduate, lastPromotionYear: 2569 }));
    expect(e.data).toMatchObject({ grade: 'P6', academicYear: 2569 });
  });

  it('refuses to bring back a graduate another institution has enrolled since', () => {
    const graduate = {
      ...onRegister,
      grade: 'P6' as const,
      status: 'LEFT' as const,
      leftReason: 'GRADUATED' as const,
      promotedYear: 2569,
    };
    const state = given({
      pupil: graduate,
      lastPromotionYear: 2569,
      activeElsewhere: { institutionCode: '1054010002', institutionName: 'โรงเรียนบ้านนา' },
    });
    expect(refusal(holdBack, state).code).toBe('DUPLICATE_PUPIL');
  });

  it('refuses when there is no promotion of the latest year to undo, or the grade was corrected since', () => {
    expect(refusal(holdBack, given()).code).toBe('BAD_USER_INPUT');
    expect(
      refusal(holdBack, given({ pupil: { ...promoted, promotedYear: 2568 }, lastPromotionYear: 2569 })).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      refusal(holdBack, given({ pupil: { ...promoted, grade: 'P3' }, lastPromotionYear: 2569 })).message,
    ).toMatch(/ป\.3/);
  });
});
