import { lateAgainst, targetProblems } from './province-target.rules';

const round = { institutionDeadline: '2025-07-29', laoDeadline: '2025-07-29' };
const today = '2025-07-01';

describe("a province's own targets (guideline §10.1)", () => {
  it('accepts targets within the department’s deadlines, institutions no later than LAOs', () => {
    expect(
      targetProblems({ institutionTarget: '2025-07-20', laoTarget: '2025-07-25' }, round, today),
    ).toEqual({});
    expect(
      targetProblems({ institutionTarget: '2025-07-29', laoTarget: '2025-07-29' }, round, today),
    ).toEqual({});
  });

  it('refuses a target after the department’s deadline, before today, not a date, or institutions after LAOs', () => {
    expect(
      targetProblems({ institutionTarget: '2025-07-30', laoTarget: '2025-07-29' }, round, today)
        .institutionTarget,
    ).toMatch(/ไม่เกินกำหนดของกรม/);
    expect(
      targetProblems({ institutionTarget: '2025-06-30', laoTarget: '2025-07-20' }, round, today)
        .institutionTarget,
    ).toMatch(/ไม่ก่อนวันนี้/);
    expect(
      targetProblems({ institutionTarget: '2025-07-10', laoTarget: '20/07/2568' }, round, today).laoTarget,
    ).toMatch(/ปปปป-ดด-วว/);
    expect(
      targetProblems({ institutionTarget: '2025-07-25', laoTarget: '2025-07-20' }, round, today)
        .institutionTarget,
    ).toMatch(/ไม่หลังกำหนดของ อปท/);
  });

  it('is late when not confirmed once the target has passed, or confirmed on a later day', () => {
    expect(lateAgainst('2025-07-20', '2025-07-20', null)).toBe(false);
    expect(lateAgainst('2025-07-20', '2025-07-21', null)).toBe(true);
    expect(lateAgainst('2025-07-20', '2025-07-25', '2025-07-20')).toBe(false);
    expect(lateAgainst('2025-07-20', '2025-07-25', '2025-07-21')).toBe(true);
  });
});
