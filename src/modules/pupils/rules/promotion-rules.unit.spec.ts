import {
  gradeAfterPromotion,
  graduationDate,
  lastGradeTaught,
  promotionYearProblem,
} from './promotion-rules';

describe('promotion rules (การเลื่อนชั้น)', () => {
  it('promote for the current academic year at any time', () => {
    expect(promotionYearProblem(2569, '2026-05-16')).toBeNull();
    expect(promotionYearProblem(2569, '2027-02-28')).toBeNull();
  });

  it('promote for the next academic year only from 1 March, once the second semester is over', () => {
    expect(promotionYearProblem(2570, '2027-02-28')).toMatch(/1 มีนาคม/);
    expect(promotionYearProblem(2570, '2027-03-01')).toBeNull();
    expect(promotionYearProblem(2570, '2027-05-15')).toBeNull();
  });

  it('refuse any other year (a typing slip)', () => {
    expect(promotionYearProblem(2568, '2026-07-01')).toMatch(/2569/);
    expect(promotionYearProblem(2572, '2027-06-01')).toMatch(/2570/);
    expect(promotionYearProblem(2571, '2027-06-01')).toMatch(/1 มีนาคม 2571/);
  });

  it('take the last grade taught as the highest grade any pupil has or had', () => {
    expect(lastGradeTaught(['K1', 'P6', 'P2', 'K3'])).toBe('P6');
    expect(lastGradeTaught(['K2', 'K3', 'K1'])).toBe('K3');
    expect(lastGradeTaught(['M3', 'P1'])).toBe('M3');
    expect(lastGradeTaught([])).toBeNull();
    expect(lastGradeTaught(['CDC'])).toBeNull();
  });

  it('move K3 to P1 only where the school teaches P1; its last grade graduates', () => {
    expect(gradeAfterPromotion('K3', 'P6')).toBe('P1');
    expect(gradeAfterPromotion('K3', 'K3')).toBeNull();
    expect(gradeAfterPromotion('P6', 'P6')).toBeNull();
    expect(gradeAfterPromotion('P6', 'M3')).toBe('M1');
    expect(gradeAfterPromotion('M6', 'M6')).toBeNull();
  });

  it('date a graduation on the last day of the year before, or today if the promotion comes earlier', () => {
    expect(graduationDate(2570, '2027-06-01')).toBe('2027-05-15');
    expect(graduationDate(2570, '2027-03-20')).toBe('2027-03-20');
  });
});
