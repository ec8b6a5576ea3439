import { foldRegister } from './register-fold';

const enrolled = (pupilId: string, grade = 'P1', sex = 'MALE') =>
  ({ type: 'PupilEnrolled', data: { pupilId, grade, sex } }) as never;

describe('folding an institution register from its events', () => {
  it('follows enrolment, correction, promotion, hold-back, removal and leaving', () => {
    const register = foldRegister([
      enrolled('a'),
      enrolled('b', 'K1', 'FEMALE'),
      enrolled('c'),
      enrolled('d'),
      {
        type: 'PupilDetailsCorrected',
        data: { pupilId: 'a', changes: { grade: 'P2', sex: 'FEMALE' } },
      } as never,
      {
        type: 'PupilPromoted',
        data: { pupilId: 'b', fromGrade: 'K1', toGrade: 'K2', academicYear: 2569 },
      } as never,
      {
        type: 'PupilRemovedAsNonExistent',
        data: { pupilId: 'c', reason: 'NEVER_ATTENDED', note: null },
      } as never,
      {
        type: 'PupilLeft',
        data: { pupilId: 'd', reason: 'GRADUATED', date: '2027-03-31', note: null },
      } as never,
      { type: 'PupilHeldBack', data: { pupilId: 'd', academicYear: 2569, grade: 'P1', note: null } } as never,
      { type: 'PupilDetailsCorrected', data: { pupilId: 'zz', changes: { grade: 'P3' } } } as never,
    ]);
    expect(Object.fromEntries(register)).toEqual({
      a: { grade: 'P2', sex: 'FEMALE', active: true },
      b: { grade: 'K2', sex: 'FEMALE', active: true },
      c: { grade: 'P1', sex: 'MALE', active: false },
      d: { grade: 'P1', sex: 'MALE', active: true },
    });
  });
});
