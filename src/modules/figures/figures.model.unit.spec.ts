import type { PupilDetails, PupilEvent } from '../pupils/pupil.events';
import { ageGroupOn, nationalityGroupOf, tallyRegister } from './figures.model';
import { foldRegister } from '../pupils/register-fold';
import { parseAsOf } from './read-as-of-counts';

const details = (over: Partial<PupilDetails> = {}): PupilDetails => ({
  citizenId: '1100000000001',
  idKind: 'CITIZEN_ID',
  prefix: 'ด.ช.',
  firstName: 'ธนากร',
  lastName: 'ใจดี',
  sex: 'MALE',
  birthDate: '2018-03-15',
  nationality: 'ไทย',
  religion: null,
  grade: 'P1',
  enrolmentDate: null,
  disadvantaged: false,
  extra: {},
  ...over,
});
const enrolled = (
  pupilId: string,
  institutionCode: string,
  over: Partial<PupilDetails> = {},
): PupilEvent => ({
  type: 'PupilEnrolled',
  data: { ...details(over), pupilId, institutionCode, queries: {}, queryNote: null },
});

describe('foldRegister: pupil events → who is on which register, in which grade', () => {
  it('enrols, corrects the counted fields only, and keeps the register it was given unchanged', () => {
    const start = foldRegister([enrolled('a', 'S1')]);
    const after = foldRegister(
      [
        {
          type: 'PupilDetailsCorrected',
          data: {
            pupilId: 'a',
            changes: { grade: 'P2', sex: 'FEMALE', firstName: 'x' },
            queries: {},
            queryNote: null,
          },
        },
      ],
      start,
    );
    expect(start.get('a')).toMatchObject({ grade: 'P1', sex: 'MALE', active: true });
    expect(after.get('a')).toEqual({
      institutionCode: 'S1',
      grade: 'P2',
      sex: 'FEMALE',
      nationality: 'ไทย',
      birthDate: '2018-03-15',
      active: true,
    });
  });

  it('a removal as non-existent and a normal leave take the pupil off; being held back puts a graduate back', () => {
    const r = foldRegister([
      enrolled('a', 'S1'),
      enrolled('b', 'S1', { grade: 'P6' }),
      enrolled('c', 'S1'),
      { type: 'PupilRemovedAsNonExistent', data: { pupilId: 'a', reason: 'NEVER_ATTENDED', note: null } },
      {
        type: 'PupilLeft',
        data: { pupilId: 'b', reason: 'GRADUATED', date: '2026-05-16', note: null, promotionYear: 2569 },
      },
      { type: 'PupilPromoted', data: { pupilId: 'c', fromGrade: 'P1', toGrade: 'P2', academicYear: 2569 } },
      { type: 'PupilHeldBack', data: { pupilId: 'b', academicYear: 2569, grade: 'P6', note: null } },
    ]);
    expect([...r.entries()].map(([id, p]) => [id, p.grade, p.active])).toEqual([
      ['a', 'P1', false],
      ['b', 'P6', true],
      ['c', 'P2', true],
    ]);
  });

  it('a transfer in puts the pupil on the receiving institution; events about unseen pupils change nothing', () => {
    const r = foldRegister([
      { type: 'PupilLeft', data: { pupilId: 'ghost', reason: 'WITHDREW', date: '2026-01-01', note: null } },
      {
        type: 'PupilTransferredIn',
        data: {
          ...details(),
          pupilId: 't',
          institutionCode: 'S2',
          fromInstitutionCode: 'S1',
          date: '2026-01-05',
          note: null,
          transferRequestId: null,
          queries: {},
          queryNote: null,
        },
      },
      { type: 'SomethingElse', data: { pupilId: 't' } },
    ]);
    expect([...r.keys()]).toEqual(['t']);
    expect(r.get('t')).toMatchObject({ institutionCode: 'S2', active: true });
  });
});

describe('figures: nationality and CDC age groups', () => {
  it('counts Thai nationals apart from all others, however Thai is typed', () => {
    expect(['ไทย', 'สัญชาติ ไทย', 'Thai'].map(nationalityGroupOf)).toEqual(['THAI', 'THAI', 'THAI']);
    expect(['เมียนมา', 'ลาว', 'กัมพูชา'].map(nationalityGroupOf)).toEqual(['OTHER', 'OTHER', 'OTHER']);
  });

  it('groups a child by completed years on the reference day (birthday counts on the day itself)', () => {
    expect(ageGroupOn('2022-06-10', '2025-06-09')).toBe('2-3');
    expect(ageGroupOn('2022-06-10', '2025-06-10')).toBe('3-4');
    expect(ageGroupOn('2024-01-01', '2025-06-10')).toBe('under-2');
    expect(ageGroupOn('2019-01-01', '2025-06-10')).toBe('5+');
    // Born 29 February: a year older on 1 March in a common year.
    expect(ageGroupOn('2020-02-29', '2024-02-28')).toBe('3-4');
    expect(ageGroupOn('2020-02-29', '2025-03-01')).toBe('5+');
  });

  it('tallies active pupils by grade, sex and nationality, and CDC children by age group only', () => {
    const r = foldRegister([
      enrolled('a', 'S1'),
      enrolled('b', 'S1', { nationality: 'เมียนมา' }),
      enrolled('c', 'C1', { grade: 'CDC', birthDate: '2022-01-01', sex: 'FEMALE' }),
      enrolled('d', 'C1', { grade: 'CDC', birthDate: '2021-01-01', sex: 'FEMALE' }),
      { type: 'PupilRemovedAsNonExistent', data: { pupilId: 'd', reason: 'NEVER_ATTENDED', note: null } },
    ]);
    const { enrolled: cells, ages } = tallyRegister(r, '2025-06-10');
    expect(cells).toEqual(
      expect.arrayContaining([
        { grade: 'P1', sex: 'MALE', nationalityGroup: 'THAI', count: 1 },
        { grade: 'P1', sex: 'MALE', nationalityGroup: 'OTHER', count: 1 },
        { grade: 'CDC', sex: 'FEMALE', nationalityGroup: 'THAI', count: 1 },
      ]),
    );
    expect(cells).toHaveLength(3);
    expect(ages).toEqual([{ ageGroup: '3-4', sex: 'FEMALE', count: 1 }]);
    expect(tallyRegister(r, '2025-06-10', (code) => code === 'S1').ages).toEqual([]);
  });
});

describe('as-of instants', () => {
  it('reads a date as the end of that day in Bangkok, and an ISO instant as given', () => {
    expect(parseAsOf('2025-06-10').toISOString()).toBe('2025-06-10T16:59:59.999Z');
    expect(parseAsOf('2025-06-10T17:00:00+07:00').toISOString()).toBe('2025-06-10T10:00:00.000Z');
    expect(parseAsOf('2025-06-10T10:00:00Z').toISOString()).toBe('2025-06-10T10:00:00.000Z');
  });

  it('refuses what is neither, with a Thai message naming the field', () => {
    for (const bad of ['yesterday', '2025-02-30', '2025-06-10T10:00:00', '10/06/2568'])
      expect(() => parseAsOf(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
