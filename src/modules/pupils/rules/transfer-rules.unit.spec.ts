import { isTransferOverdue, transferAnswererOf, transferDueAt, TRANSFER_ANSWER_DAYS } from './transfer-rules';

const holder = { code: '1054010001', laoCode: '5450101' };

describe('transfer requests (คำขอย้าย)', () => {
  it('are due 14 days after the request', () => {
    expect(TRANSFER_ANSWER_DAYS).toBe(14);
    expect(transferDueAt(new Date('2026-07-01T03:00:00Z')).toISOString()).toBe('2026-07-15T03:00:00.000Z');
  });

  it('are overdue when still open after 14 days; an answered one never is', () => {
    const at = new Date('2026-07-01T03:00:00Z');
    expect(isTransferOverdue('OPEN', at, new Date('2026-07-15T02:59:00Z'))).toBe(false);
    expect(isTransferOverdue('OPEN', at, new Date('2026-07-15T03:01:00Z'))).toBe(true);
    expect(isTransferOverdue('REFUSED', at, new Date('2026-09-01T00:00:00Z'))).toBe(false);
  });

  it('are answered by the institution holding the pupil, or by its LAO', () => {
    expect(transferAnswererOf({ code: holder.code, kind: 'SCHOOL' }, holder)).toBe('INSTITUTION');
    expect(transferAnswererOf({ code: holder.code, kind: 'CDC' }, holder)).toBe('INSTITUTION');
    expect(transferAnswererOf({ code: '5450101', kind: 'LAO' }, holder)).toBe('LAO');
  });

  it('are not answered by another institution, another LAO, a province or the department', () => {
    expect(transferAnswererOf({ code: '1054010002', kind: 'SCHOOL' }, holder)).toBeNull();
    expect(transferAnswererOf({ code: '5450102', kind: 'LAO' }, holder)).toBeNull();
    expect(transferAnswererOf({ code: '54', kind: 'PROVINCE' }, holder)).toBeNull();
    expect(transferAnswererOf({ code: 'DLA', kind: 'DEPARTMENT' }, holder)).toBeNull();
  });
});
