import type { LecError } from '../../shared/errors';
import {
  checkOtherSchoolCounts,
  otherSchoolGrades,
  type OtherSchoolCountsEntry,
} from './other-school-counts.rules';

const full = (male = 10, female = 12) => otherSchoolGrades.map((grade) => ({ grade, male, female }));

function fieldsOf(entry: OtherSchoolCountsEntry): Record<string, string> {
  try {
    checkOtherSchoolCounts(entry);
  } catch (e) {
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
    return (e as LecError).details.fields!;
  }
  throw new Error('accepted');
}

describe('other-affiliation counts rules (DOMAIN.md, Records)', () => {
  it('accepts every grade from อนุบาล 1 to ป.6 once, in any order, and records them in order', () => {
    const rows = full().reverse();
    const record = checkOtherSchoolCounts({ counts: rows, status: 'OPEN', note: '  ' });
    expect(record.counts.map((c) => c.grade)).toEqual([...otherSchoolGrades]);
    expect(record).toMatchObject({ status: 'OPEN', note: null });
  });

  it('refuses a missing grade: recorded as 0, not left blank', () => {
    const fields = fieldsOf({ counts: full().filter((c) => c.grade !== 'K2'), status: 'OPEN' });
    expect(Object.keys(fields)).toEqual(['counts.K2']);
    expect(fields['counts.K2']).toMatch(/อ\.2.*0 \(เลขศูนย์\)/);
  });

  it('refuses a blank number, naming the grade and sex', () => {
    const rows = full().map((c) => (c.grade === 'P3' ? { ...c, female: null } : c));
    expect(fieldsOf({ counts: rows, status: 'OPEN' })).toEqual({
      'counts.P3.female': expect.stringMatching(/หญิง ชั้น ป\.3.*ห้ามเว้นว่าง/),
    });
  });

  it('refuses a grade twice, and a grade outside K1–P6', () => {
    const fields = fieldsOf({
      counts: [...full(), { grade: 'K3', male: 1, female: 1 }, { grade: 'M1', male: 1, female: 1 }],
      status: 'OPEN',
    });
    expect(fields['counts.K3']).toMatch(/ซ้ำ/);
    expect(fields['counts.M1']).toMatch(/ม\.1 ไม่ต้องบันทึก/);
  });

  it.each([
    [-1, /ไม่ติดลบ/],
    [2.5, /จำนวนเต็ม/],
    [5001, /ไม่เกิน 5,000/],
  ])('refuses %p pupils', (n, message) => {
    const rows = full().map((c) => (c.grade === 'K2' ? { ...c, male: n } : c));
    expect(fieldsOf({ counts: rows, status: 'OPEN' })).toEqual({
      'counts.K2.male': expect.stringMatching(message),
    });
  });

  it('accepts 0 and 5,000', () => {
    const rows = full().map((c) => (c.grade === 'P6' ? { ...c, male: 0, female: 5000 } : c));
    expect(checkOtherSchoolCounts({ counts: rows, status: 'OPEN' }).counts[8]).toEqual({
      grade: 'P6',
      male: 0,
      female: 5000,
    });
  });

  it.each(['CLOSED', 'MERGED', 'DISSOLVED'])('a %s school: all zeros with a note', (status) => {
    const record = checkOtherSchoolCounts({
      counts: full(0, 0),
      status,
      note: 'ยุบตามประกาศ สพฐ. ลงวันที่ 1 พ.ค. 2568',
    });
    expect(record.counts.every((c) => c.male === 0 && c.female === 0)).toBe(true);
    const rows = full(0, 0).map((c) => (c.grade === 'P1' ? { ...c, female: 3 } : c));
    const fields = fieldsOf({ counts: rows, status });
    expect(fields['counts.P1.female']).toMatch(/เป็น 0 \(เลขศูนย์\)/);
    expect(fields.note).toMatch(/หมายเหตุ/);
  });

  it('an open school with no pupils at all needs a note of why', () => {
    expect(fieldsOf({ counts: full(0, 0), status: 'OPEN' })).toEqual({
      note: expect.stringMatching(/ทุกชั้นเป็น 0.*เหตุผล/),
    });
    expect(checkOtherSchoolCounts({ counts: full(0, 0), status: 'OPEN', note: 'ปีนี้ไม่มีนักเรียนสมัคร' }).note).toBe(
      'ปีนี้ไม่มีนักเรียนสมัคร',
    );
  });

  it('refuses an unknown status and an overlong note', () => {
    expect(fieldsOf({ counts: full(), status: 'PAUSED' })).toHaveProperty('status');
    expect(fieldsOf({ counts: full(), status: 'OPEN', note: 'ก'.repeat(501) })).toHaveProperty('note');
  });
});
