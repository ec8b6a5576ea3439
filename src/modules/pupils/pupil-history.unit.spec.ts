import { describePupilEvent } from './pupil-history';
import type { PupilEvent } from './pupil.events';
import { maskPupilId } from './rules/citizen-id';

const whole = (id: string) => id;
const at = <E extends PupilEvent>(type: E['type'], data: E['data']) => ({ type, data }) as E;

describe('a pupil history line, in Thai', () => {
  it('names the event and its grade, never the event name alone', () => {
    const line = describePupilEvent(
      at('PupilEnrolled', { grade: 'P2', note: null } as never),
      'SCHOOL',
      whole,
    );
    expect(line).toEqual({ type: 'PupilEnrolled', label: 'เพิ่มข้อมูล', detail: 'ชั้น ป.2', note: null });
  });

  it("lists the corrected fields by their form names in the form's order, and masks a corrected ID for others", () => {
    const e = at('PupilDetailsCorrected', {
      pupilId: 'p',
      changes: { citizenId: '1103700012345', grade: 'P3', sex: 'FEMALE', disadvantaged: true },
      queries: {},
      queryNote: null,
    });
    expect(describePupilEvent(e, 'SCHOOL', whole).detail).toBe(
      'เลขประจำตัวประชาชน: 1103700012345 · เพศ: หญิง · ระดับชั้น: ป.3 · นักเรียนด้อยโอกาส: ใช่',
    );
    const masked = describePupilEvent(e, 'SCHOOL', maskPupilId).detail;
    expect(masked).not.toContain('1103700012345');
    expect(masked).toContain(`เลขประจำตัวประชาชน: ${maskPupilId('1103700012345')}`);
  });

  it('says how and when a pupil left, a CDC child graduating into a school in its own words', () => {
    const left = (reason: 'GRADUATED' | 'TRANSFERRED_OUT') =>
      at('PupilLeft', {
        pupilId: 'p',
        reason,
        date: '2026-03-31',
        note: 'ไปต่างจังหวัด',
        toInstitutionCode: '1234',
      });
    expect(describePupilEvent(left('TRANSFERRED_OUT'), 'SCHOOL', whole)).toEqual({
      type: 'PupilLeft',
      label: 'ออก',
      detail: 'ย้ายออก (ไปเรียนที่สถานศึกษาอื่น) เมื่อ 31 มี.ค. 2569 ไปยัง 1234',
      note: 'ไปต่างจังหวัด',
    });
    expect(describePupilEvent(left('GRADUATED'), 'CDC', whole).detail).toMatch(
      /^จบการศึกษา \(ไปเข้าเรียนในโรงเรียน\)/,
    );
  });

  it('gives the move of a promotion and the reason of a removal', () => {
    expect(
      describePupilEvent(
        at('PupilPromoted', { pupilId: 'p', fromGrade: 'K3', toGrade: 'P1', academicYear: 2569 }),
        'SCHOOL',
        whole,
      ).detail,
    ).toBe('อ.3 → ป.1 ปีการศึกษา 2569');
    const removed = describePupilEvent(
      at('PupilRemovedAsNonExistent', { pupilId: 'p', reason: 'NEVER_ATTENDED', note: null }),
      'SCHOOL',
      whole,
    );
    expect(removed.label).toBe('นำข้อมูลออกจากระบบ (ไม่มีตัวตน)');
    expect(removed.detail).toBe('มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง');
  });
});
