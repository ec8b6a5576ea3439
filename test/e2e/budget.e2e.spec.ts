import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { openRound2568 } from '../support/confirmation';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { seedPupil } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const PREVIEW = `query($c: String!, $r: ID, $m: MilkKind) {
  budgetPreview(orgUnitCode: $c, roundId: $r, milkKind: $m) {
    orgUnit { code } roundId ratesOn milkKind
    rates { effectiveFrom isDefault lunchBands { minPupils maxPupils ratePerDay } milkPasteurisedPerBag }
    confirmed { total }
    live { basis label institutions lunchPupils lunchAmount milkPupils milkAmount total
      lines { orgUnit { code } institutions lunchPupils lunchRatePerDay lunchAmount milkPupils milkAmount total } }
  } }`;
const SET = `mutation($i: BudgetRatesInput!) { setBudgetRates(input: $i) { effectiveFrom isDefault lunchDays setBy { username } } }`;

interface Line {
  orgUnit: { code: string };
  institutions: number;
  lunchPupils: number;
  lunchRatePerDay: number | null;
  lunchAmount: number;
  milkPupils: number;
  milkAmount: number;
  total: number;
}
type Preview = {
  budgetPreview: {
    roundId: string | null;
    ratesOn: string;
    rates: { effectiveFrom: string | null; isDefault: boolean };
    confirmed: { total: number } | null;
    live: {
      basis: string;
      label: string;
      institutions: number;
      lunchPupils: number;
      lunchAmount: number;
      milkPupils: number;
      milkAmount: number;
      total: number;
      lines: Line[];
    };
  };
};

const NEW_RATES = {
  effectiveFrom: '2025-05-16',
  lunchBands: [
    { minPupils: 1, maxPupils: 40, ratePerDay: 40 },
    { minPupils: 41, maxPupils: 100, ratePerDay: 30 },
    { minPupils: 101, maxPupils: 120, ratePerDay: 25 },
    { minPupils: 121, maxPupils: null, ratePerDay: 23 },
  ],
  lunchDays: 200,
  milkPasteurisedPerBag: 7,
  milkUhtPerBox: 8.5,
  milkDays: 260,
  note: 'ทดสอบ',
};

describe('budget preview: rates the department sets, and lunch and milk from the registers', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let other: Awaited<ReturnType<typeof createLaoTree>>;
  let lao: string;
  let dept: string;

  beforeAll(async () => {
    server = await startTestServer();
    const store = server.sys.store;
    tree = await createLaoTree(store, '54');
    other = await createLaoTree(store, '54');
    for (let i = 0; i < 3; i++) await seedPupil(store, tree.school);
    for (let i = 0; i < 2; i++) await seedPupil(store, tree.cdc);
    await seedPupil(store, other.school);
    [lao, dept] = await Promise.all([signInAs(server, tree.lao.code), signInAdmin(server)]);
    const recorded = await server.gql(
      `mutation($s: String!, $c: [GradeCountInput!]!) { recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total } }`,
      {
        s: tree.otherSchool.code,
        c: otherSchoolGrades.map((grade) => ({
          grade,
          male: grade === 'K1' ? 20 : 0,
          female: grade === 'K1' ? 21 : 0,
        })),
      },
      { token: lao },
    );
    expect(recorded.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  const preview = (token: string, c: string, extra: Record<string, unknown> = {}) =>
    server.gql<Preview>(PREVIEW, { c, ...extra }, { token });

  it('an LAO sees its live preview at the default rates, by institution, labelled as not yet confirmed', async () => {
    const res = await preview(lao, tree.lao.code);
    expect(res.errors).toBeUndefined();
    const p = res.data!.budgetPreview;
    expect(p.roundId).toBeNull();
    expect(p.rates).toEqual(expect.objectContaining({ isDefault: true, effectiveFrom: null }));
    expect(p.confirmed).toBeNull();
    expect(p.live.basis).toBe('LIVE');
    expect(p.live.label).toMatch(/ยังไม่ใช่ข้อมูลที่ยืนยันแล้ว/);
    const line = (code: string) => p.live.lines.find((l) => l.orgUnit.code === code)!;
    // School: 3 pupils in P1, band 1–40: lunch 3 × 200 × 36; milk 3 × 260 × 6.89.
    expect(line(tree.school.code)).toMatchObject({
      lunchPupils: 3,
      lunchRatePerDay: 36,
      lunchAmount: 21600,
      milkPupils: 3,
      milkAmount: 5374.2,
    });
    // CDC: 2 children, milk only: 2 × 260 × 6.89.
    expect(line(tree.cdc.code)).toMatchObject({
      lunchPupils: 0,
      lunchAmount: 0,
      milkPupils: 2,
      milkAmount: 3582.8,
    });
    // Funded school: 41 in K1, band 41–100: 41 × 200 × 27; milk 41 × 260 × 6.89.
    expect(line(tree.otherSchool.code)).toMatchObject({
      lunchPupils: 41,
      lunchRatePerDay: 27,
      lunchAmount: 221400,
      milkAmount: 73447.4,
    });
    expect(p.live).toMatchObject({ institutions: 3, lunchPupils: 44, milkPupils: 46, total: 325404.4 });
  });

  it('UHT milk: 46 pupils × 260 × 8.13', async () => {
    const p = (await preview(lao, tree.lao.code, { m: 'UHT' })).data!.budgetPreview;
    expect(p.live.milkAmount).toBe(97234.8);
  });

  it('only the department sets rates; bad bands are refused field by field', async () => {
    expect(codeOf(await server.gql(SET, { i: NEW_RATES }, { token: lao }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { i: NEW_RATES }, { token: await signInAs(server, '54') }))).toBe(
      'FORBIDDEN',
    );
    const gap = {
      ...NEW_RATES,
      lunchBands: [NEW_RATES.lunchBands[0], { ...NEW_RATES.lunchBands[1], minPupils: 45 }],
    };
    const bad = await server.gql(SET, { i: gap }, { token: dept });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields).toHaveProperty('lunchBands');
    const ok = await server.gql<{ setBudgetRates: { effectiveFrom: string; setBy: { username: string } } }>(
      SET,
      { i: NEW_RATES },
      { token: dept },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setBudgetRates).toMatchObject({
      effectiveFrom: '2025-05-16',
      setBy: { username: 'admin' },
    });
    const list = await server.gql<{ budgetRates: { effectiveFrom: string | null; isDefault: boolean }[] }>(
      `{ budgetRates { effectiveFrom isDefault } }`,
      {},
      { token: lao },
    );
    expect(list.data!.budgetRates).toEqual([
      { effectiveFrom: '2025-05-16', isDefault: false },
      { effectiveFrom: null, isDefault: true },
    ]);
  });

  it('a round takes the rates in force on its snapshot date', async () => {
    await openRound2568(server, dept);
    const p = (await preview(lao, tree.lao.code)).data!.budgetPreview;
    expect(p).toMatchObject({
      roundId: '2568-1',
      ratesOn: '2025-06-10',
      rates: { effectiveFrom: '2025-05-16' },
    });
    // 3 × 200 × 40 + 3 × 260 × 7 + 2 × 260 × 7 + 41 × 200 × 30 + 41 × 260 × 7
    expect(p.live.total).toBe(24000 + 5460 + 3640 + 246000 + 74620);
    expect(codeOf(await preview(lao, tree.lao.code, { r: '2999-1' }))).toBe('BAD_USER_INPUT');
  });

  it('confirmed figures come from the confirmations in force, apart from the live preview', async () => {
    const school = await signInAs(server, tree.school.code);
    const confirm = (token: string, c: string, d: string) =>
      server.gql(
        `mutation($c: String!, $d: Dataset!) { confirm(orgUnitCode: $c, dataset: $d) { id } }`,
        { c, d },
        { token },
      );
    expect((await confirm(school, tree.school.code, 'PUPILS')).errors).toBeUndefined();
    // An LAO's figures of record are what the LAO confirmed: its school's pupils and its funded schools.
    expect((await confirm(lao, tree.lao.code, 'PUPILS')).errors).toBeUndefined();
    expect((await confirm(lao, tree.lao.code, 'OTHER_SCHOOL_COUNTS')).errors).toBeUndefined();
    // The CDC has not confirmed: a child enrolled now changes the live preview only.
    await seedPupil(server.sys.store, tree.cdc);
    const res = await server.gql<{
      budgetPreview: {
        confirmed: {
          basis: string;
          label: string;
          institutions: number;
          unconfirmed: number;
          total: number;
          lines: Line[];
        };
        live: { milkPupils: number };
      };
    }>(
      `query($c: String!) { budgetPreview(orgUnitCode: $c) {
        confirmed { basis label institutions unconfirmed total lines { orgUnit { code } lunchPupils lunchRatePerDay lunchAmount milkAmount } }
        live { milkPupils } } }`,
      { c: tree.lao.code },
      { token: lao },
    );
    expect(res.errors).toBeUndefined();
    const { confirmed, live } = res.data!.budgetPreview;
    expect(confirmed).toMatchObject({ basis: 'CONFIRMED', institutions: 2, unconfirmed: 1 });
    expect(confirmed.label).toMatch(/ยืนยันแล้ว/);
    expect(confirmed.lines.map((l) => l.orgUnit.code).sort()).toEqual(
      [tree.otherSchool.code, tree.school.code].sort(),
    );
    expect(confirmed.lines.find((l) => l.orgUnit.code === tree.otherSchool.code)).toMatchObject({
      lunchPupils: 41,
      lunchRatePerDay: 30,
      lunchAmount: 246000,
      milkAmount: 74620,
    });
    // School 3 × 200 × 40 + 3 × 260 × 7; funded school 41 × 200 × 30 + 41 × 260 × 7; no CDC.
    expect(confirmed.total).toBe(24000 + 5460 + 246000 + 74620);
    expect(live.milkPupils).toBe(47);

    // The LAO's confirmation revoked by the province: the funded school's figures drop out.
    const province = await signInAs(server, '54');
    const revoked = await server.gql(
      `mutation($c: String!) { revokeConfirmation(orgUnitCode: $c, dataset: OTHER_SCHOOL_COUNTS, reason: "ตรวจสอบใหม่") { id } }`,
      { c: tree.lao.code },
      { token: province },
    );
    expect(revoked.errors).toBeUndefined();
    const after = (await preview(lao, tree.lao.code)).data!.budgetPreview;
    expect(after.confirmed!.total).toBe(24000 + 5460);
  });

  it('the province sees its LAOs, the department its provinces; others are refused', async () => {
    const province = await signInAs(server, '54');
    const p = (await preview(province, '54')).data!.budgetPreview;
    const codes = p.live.lines.map((l) => l.orgUnit.code);
    expect(codes).toEqual(expect.arrayContaining([tree.lao.code, other.lao.code]));
    expect(p.live.lines.find((l) => l.orgUnit.code === tree.lao.code)).toMatchObject({
      institutions: 3,
      lunchRatePerDay: null,
    });
    const country = (await preview(dept, 'DLA')).data!.budgetPreview;
    expect(country.live.lines.map((l) => l.orgUnit.code)).toContain('54');
    expect(country.live.total).toBeGreaterThanOrEqual(p.live.total);

    expect(codeOf(await preview(await signInAs(server, other.lao.code), tree.lao.code))).toBe('FORBIDDEN');
    expect(codeOf(await preview(await signInAs(server, tree.school.code), tree.lao.code))).toBe('FORBIDDEN');
    expect(codeOf(await preview(await signInAs(server, '55'), '54'))).toBe('FORBIDDEN');
    expect(codeOf(await preview(dept, tree.school.code))).toBe('BAD_USER_INPUT');
  });
});
