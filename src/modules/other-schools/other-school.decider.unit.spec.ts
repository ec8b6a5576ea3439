import { fold } from '../../event-store/decider';
import { otherSchoolDecider, type OtherSchoolCommand, type SchoolPlace } from './other-school.decider';
import { otherSchoolGrades } from './other-school-counts.rules';
import type { OtherSchoolEvent } from './other-school.events';

const school: SchoolPlace = { code: '1054020001', kind: 'OTHER_SCHOOL', laoCode: '5450101' };
const counts = otherSchoolGrades.map((grade, i) => ({ grade, male: i, female: i + 1 }));
const record = (patch: Partial<OtherSchoolCommand> = {}): OtherSchoolCommand => ({
  type: 'RecordOtherSchoolCounts',
  school,
  counts,
  status: 'OPEN',
  note: null,
  ...patch,
});
const given = (...events: OtherSchoolEvent[]) => fold(otherSchoolDecider, events);
const when = (command: OtherSchoolCommand, ...history: OtherSchoolEvent[]) =>
  otherSchoolDecider.decide(command, given(...history));

describe('other school decider', () => {
  const first = when(record());

  it('records the counts of all nine grades with the school and its LAO', () => {
    expect(first).toEqual([
      {
        type: 'OtherSchoolCountsRecorded',
        data: { schoolCode: school.code, laoCode: '5450101', counts, status: 'OPEN', note: null },
      },
    ]);
  });

  it('appends nothing when the same counts are recorded again', () => {
    expect(when(record({ counts: [...counts].reverse() }), ...first)).toEqual([]);
  });

  it('records a correction, and a closure with zeros and a note', () => {
    const corrected = when(record({ counts: counts.map((c) => ({ ...c, male: c.male + 1 })) }), ...first);
    expect(corrected).toHaveLength(1);
    const closed = when(
      record({
        status: 'MERGED',
        note: 'รวมกับโรงเรียนบ้านนา',
        counts: counts.map((c) => ({ ...c, male: 0, female: 0 })),
      }),
      ...first,
      ...corrected,
    );
    expect(closed[0].data).toMatchObject({ status: 'MERGED', note: 'รวมกับโรงเรียนบ้านนา' });
    expect(given(...first, ...corrected, ...closed).recorded?.status).toBe('MERGED');
  });

  it('refuses a unit that is not a school of another affiliation', () => {
    expect(() => when(record({ school: { ...school, kind: 'SCHOOL' } }))).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: { schoolCode: expect.stringMatching(/ไม่ใช่สถานศึกษาสังกัดอื่น/) } },
      }),
    );
  });

  it('refuses bad counts whatever was recorded before', () => {
    expect(() => when(record({ counts: counts.slice(1) }), ...first)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: { 'counts.K1': expect.any(String) } },
      }),
    );
  });
});
