import {
  decideConfirm,
  decideRevoke,
  listUnits,
  type ConfirmState,
  type RevokeState,
} from './confirmation.decider';

const school = { code: '1054010001', name: 'โรงเรียนบ้านไร่', kind: 'SCHOOL' as const };
const lao = { code: '5450101', name: 'อบต.ไรโคก', kind: 'LAO' as const };
const open = { id: '2569-1', status: 'OPEN' as const };
const figures = {
  total: 2,
  counts: [{ grade: 'P1' as const, sex: 'MALE' as const, count: 2 }],
  pupilIds: ['a', 'b'],
};
const confirmState = (over: Partial<ConfirmState> = {}): ConfirmState => ({
  round: open,
  unit: school,
  viewerUnitCode: school.code,
  dataset: 'PUPILS',
  holds: true,
  confirmed: false,
  missing: [],
  figures,
  deadline: '2026-12-10',
  today: '2026-12-01',
  ...over,
});
const revokeState = (over: Partial<RevokeState> = {}): RevokeState => ({
  round: open,
  unit: school,
  viewerUnitCode: lao.code,
  viewerIsAbove: true,
  dataset: 'PUPILS',
  reason: 'ชื่อสะกดผิด',
  confirmed: true,
  parent: { ...lao, confirmed: false },
  ...over,
});
const code = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('deciding a confirmation', () => {
  it('freezes the figures with the round, deadline and lateness', () => {
    expect(decideConfirm(confirmState())).toEqual([
      {
        type: 'DatasetConfirmed',
        data: {
          roundId: '2569-1',
          orgUnitCode: school.code,
          dataset: 'PUPILS',
          ...figures,
          deadline: '2026-12-10',
          late: false,
        },
      },
    ]);
    expect(decideConfirm(confirmState({ today: '2026-12-11' }))[0].data.late).toBe(true);
    expect(decideConfirm(confirmState({ today: '2026-12-10' }))[0].data.late).toBe(false);
  });

  it('refuses in order: round, who, what is held, already confirmed, who is missing, nothing recorded', () => {
    expect(code(() => decideConfirm(confirmState({ round: null })))).toBe('NO_OPEN_ROUND');
    expect(code(() => decideConfirm(confirmState({ round: { id: '2569-1', status: 'CLOSED' } })))).toBe(
      'ROUND_CLOSED',
    );
    expect(code(() => decideConfirm(confirmState({ viewerUnitCode: lao.code })))).toBe('FORBIDDEN');
    expect(
      code(() =>
        decideConfirm(
          confirmState({ unit: { code: 'DLA', name: 'กรม', kind: 'DEPARTMENT' }, viewerUnitCode: 'DLA' }),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(code(() => decideConfirm(confirmState({ holds: false })))).toBe('BAD_USER_INPUT');
    expect(code(() => decideConfirm(confirmState({ confirmed: true })))).toBe('DATA_CONFIRMED');
    expect(
      code(() => decideConfirm(confirmState({ unit: lao, viewerUnitCode: lao.code, missing: [school] }))),
    ).toBe('NOT_READY');
    expect(code(() => decideConfirm(confirmState({ figures: null })))).toBe('BAD_USER_INPUT');
  });

  it('names the units it waits on, ten at most and how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...school, code: `S${i}`, name: `โรงเรียน${i}` }));
    expect(listUnits(many)).toMatch(/^โรงเรียน0 \(S0\), .*โรงเรียน9 \(S9\) และอีก 2 แห่ง$/);
    expect(() =>
      decideConfirm(confirmState({ unit: lao, viewerUnitCode: lao.code, missing: many.slice(0, 2) })),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('โรงเรียน1 (S1)'),
        details: { missing: ['S0', 'S1'] },
      }),
    );
  });
});

describe('deciding a revocation', () => {
  it('records the reason (trimmed) and the revoking unit', () => {
    expect(decideRevoke(revokeState({ reason: '  ชื่อสะกดผิด ' }))).toEqual([
      {
        type: 'ConfirmationRevoked',
        data: {
          roundId: '2569-1',
          orgUnitCode: school.code,
          dataset: 'PUPILS',
          reason: 'ชื่อสะกดผิด',
          revokedByUnitCode: lao.code,
        },
      },
    ]);
  });

  it('refuses its own unit, units not below, no reason, nothing confirmed, and a confirmed parent', () => {
    expect(code(() => decideRevoke(revokeState({ round: null })))).toBe('NO_OPEN_ROUND');
    expect(code(() => decideRevoke(revokeState({ viewerUnitCode: school.code })))).toBe('FORBIDDEN');
    expect(code(() => decideRevoke(revokeState({ viewerIsAbove: false })))).toBe('FORBIDDEN');
    expect(code(() => decideRevoke(revokeState({ reason: '   ' })))).toBe('BAD_USER_INPUT');
    expect(code(() => decideRevoke(revokeState({ reason: 'ก'.repeat(501) })))).toBe('BAD_USER_INPUT');
    expect(code(() => decideRevoke(revokeState({ confirmed: false })))).toBe('BAD_USER_INPUT');
    expect(code(() => decideRevoke(revokeState({ parent: { ...lao, confirmed: true } })))).toBe(
      'PARENT_CONFIRMED',
    );
    expect(code(() => decideRevoke(revokeState({ parent: null })))).toBe('OK');
  });

  it('a refusal for a confirmed parent says which level must act (issue 12, item 7)', () => {
    const message = (over: Partial<RevokeState>) => {
      try {
        decideRevoke(revokeState({ parent: { ...lao, confirmed: true }, ...over }));
      } catch (e) {
        return (e as Error).message;
      }
      return 'OK';
    };
    expect(message({ viewerUnitCode: lao.code })).toMatch(
      /หน่วยงานของท่าน.*ต้องให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดยกเลิก/,
    );
    expect(message({ viewerUnitCode: '54' })).toMatch(/ท่านต้องยกเลิกการยืนยันของ/);
  });
});
