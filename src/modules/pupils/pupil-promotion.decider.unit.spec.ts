import { isLecError, type LecError } from '../../shared/errors';
import { decidePromotion, type PromotePupils, type PromotionState } from './pupil-promotion.decider';
import type { PupilEvent } from './pupil.events';
import type { Grade } from './rules/grades';

const BEFORE = '2025-06-01'; // recorded in 2568: moves up for 2569
const given = (pupils: [string, Grade, string?][], over: Partial<PromotionState> = {}): PromotionState => ({
  institution: { code: '1054010001', kind: 'SCHOOL' },
  today: '2026-05-20',
  done: false,
  lastPromotionYear: null,
  gradesSeen: [...new Set(pupils.map(([, g]) => g))],
  pupils: pupils.map(([pupilId, grade, recordedOn]) => ({
    pupilId,
    grade,
    recordedOn: recordedOn ?? BEFORE,
  })),
  ...over,
});
const promote = (over: Partial<PromotePupils> = {}): PromotePupils => ({
  type: 'PromotePupils',
  academicYear: 2569,
  ...over,
});
const completed = (events: PupilEvent[]) => events.find((e) => e.type === 'PromotionCompleted')!.data;

function refusal(command: PromotePupils, state: PromotionState): LecError {
  try {
    decidePromotion(command, state);
  } catch (e) {
    if (isLecError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('promotion to a new academic year (PupilPromoted)', () => {
  it('given K1–P6, moves every pupil up one grade (K3 → P1: the school teaches P1), P6 graduates', () => {
    const events = decidePromotion(
      promote(),
      given([
        ['a', 'K3'],
        ['b', 'P1'],
        ['c', 'P6'],
      ]),
    );
    expect(events).toEqual([
      { type: 'PupilPromoted', data: { pupilId: 'a', fromGrade: 'K3', toGrade: 'P1', academicYear: 2569 } },
      { type: 'PupilPromoted', data: { pupilId: 'b', fromGrade: 'P1', toGrade: 'P2', academicYear: 2569 } },
      {
        type: 'PupilLeft',
        data: { pupilId: 'c', reason: 'GRADUATED', date: '2026-05-15', note: null, promotionYear: 2569 },
      },
      {
        type: 'PromotionCompleted',
        data: {
          institutionCode: '1054010001',
          academicYear: 2569,
          lastGrade: 'P6',
          promoted: 2,
          graduated: 1,
          skipped: 0,
          moves: [
            { fromGrade: 'K3', toGrade: 'P1', count: 1 },
            { fromGrade: 'P1', toGrade: 'P2', count: 1 },
            { fromGrade: 'P6', toGrade: null, count: 1 },
          ],
        },
      },
    ]);
  });

  it('given a kindergarten only (last grade K3), K3 graduates instead of moving to P1', () => {
    const events = decidePromotion(
      promote(),
      given([
        ['a', 'K2'],
        ['b', 'K3'],
      ]),
    );
    expect(events.map((e) => [e.type, e.data])).toContainEqual([
      'PupilLeft',
      expect.objectContaining({ pupilId: 'b', reason: 'GRADUATED' }),
    ]);
  });

  it('counts a grade a school had pupils in before as taught, even with none in it now', () => {
    const state = given([['a', 'P5']], { gradesSeen: ['P5', 'P6'] });
    expect(decidePromotion(promote(), state)[0].data).toMatchObject({ toGrade: 'P6' });
  });

  it('takes the last grade from the call when given, and refuses one below a pupil on the register', () => {
    expect(completed(decidePromotion(promote({ lastGrade: 'P5' }), given([['a', 'P5']])))).toMatchObject({
      lastGrade: 'P5',
      graduated: 1,
    });
    expect(refusal(promote({ lastGrade: 'P3' }), given([['a', 'P5']])).details.fields).toHaveProperty(
      'lastGrade',
    );
    expect(refusal(promote({ lastGrade: 'CDC' }), given([['a', 'P5']])).details.fields).toHaveProperty(
      'lastGrade',
    );
  });

  it('always graduates M6', () => {
    const [e] = decidePromotion(promote({ lastGrade: 'M6' }), given([['a', 'M6']]));
    expect(e).toMatchObject({ type: 'PupilLeft', data: { reason: 'GRADUATED' } });
  });

  it('leaves pupils recorded on or after the first day of the new year in their grade', () => {
    const state = given(
      [
        ['a', 'K1', '2026-05-16'],
        ['b', 'K1'],
      ],
      { gradesSeen: ['K1', 'K3'] },
    );
    const events = decidePromotion(promote(), state);
    expect(events.filter((e) => e.type === 'PupilPromoted').map((e) => e.data.pupilId)).toEqual(['b']);
    expect(completed(events)).toMatchObject({ promoted: 1, skipped: 1 });
  });

  it('given the year already promoted, does nothing (a second call is harmless)', () => {
    expect(decidePromotion(promote(), given([['a', 'K1']], { done: true, lastPromotionYear: 2569 }))).toEqual(
      [],
    );
  });

  it('given a school with no pupils yet, still closes the year', () => {
    expect(decidePromotion(promote(), given([]))).toEqual([
      {
        type: 'PromotionCompleted',
        data: expect.objectContaining({ lastGrade: null, promoted: 0, graduated: 0, moves: [] }),
      },
    ]);
  });

  it('refuses a year other than the current one (or the next from 1 March), and one before the last promoted', () => {
    expect(refusal(promote({ academicYear: 2570 }), given([])).details.fields).toHaveProperty('academicYear');
    expect(refusal(promote({ academicYear: 2569 }), given([], { lastPromotionYear: 2570 })).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses a CDC: children are grouped by age and leave for a school instead', () => {
    const cdc = given([['a', 'CDC']], { institution: { code: '1054010002', kind: 'CDC' } });
    expect(refusal(promote(), cdc).details.fields).toHaveProperty('institutionCode');
  });
});
