import { DEFAULT_RATES, checkRates, ratesOn, type BudgetRatesData } from './budget-rates.rules';
import { institutionBudget, lunchBandFor, toBaht } from './budget.arithmetic';

const school = (k1p6: number, m = 0) => ({ P1: k1p6, M1: m });
const lunchBaht = (pupils: number) =>
  toBaht(institutionBudget(DEFAULT_RATES, 'SCHOOL', school(pupils), 'PASTEURISED').lunchSatang);

describe('lunch (เงินอุดหนุนค่าอาหารกลางวัน): pupils × 200 days × the rate of the school-size band', () => {
  it.each([
    [1, 36, 1 * 200 * 36],
    [40, 36, 40 * 200 * 36], // 288,000
    [41, 27, 41 * 200 * 27], // 221,400: one pupil more, a lower rate
    [100, 27, 100 * 200 * 27],
    [101, 24, 101 * 200 * 24],
    [120, 24, 120 * 200 * 24],
    [121, 22, 121 * 200 * 22],
    [500, 22, 500 * 200 * 22],
  ])('a school of %i pupils: %i baht a day, %i baht a year', (pupils, rate, baht) => {
    expect(lunchBandFor(DEFAULT_RATES, pupils)?.ratePerDay).toBe(rate);
    expect(lunchBaht(pupils)).toBe(baht);
  });

  it('hand-computed edges: 40 pupils 288,000 baht; 41 pupils 221,400; 100 → 540,000; 101 → 484,800; 120 → 576,000; 121 → 532,400', () => {
    expect([40, 41, 100, 101, 120, 121].map(lunchBaht)).toEqual([
      288000, 221400, 540000, 484800, 576000, 532400,
    ]);
  });

  it('counts K1–P6 only, for the subsidy and for the size band: ม.1 pupils neither count nor change the band', () => {
    const b = institutionBudget(
      DEFAULT_RATES,
      'SCHOOL',
      { K1: 10, K3: 10, P6: 20, M1: 30, M6: 5 },
      'PASTEURISED',
    );
    expect(b.lunchPupils).toBe(40);
    expect(b.lunchRatePerDay).toBe(36);
    expect(toBaht(b.lunchSatang)).toBe(288000);
  });

  it('an empty school gets nothing and has no band', () => {
    const b = institutionBudget(DEFAULT_RATES, 'SCHOOL', {}, 'UHT');
    expect(b).toMatchObject({ lunchPupils: 0, lunchBand: null, lunchSatang: 0, milkSatang: 0 });
  });

  it('a school of another affiliation is counted the same way from its K1–P6 counts', () => {
    expect(institutionBudget(DEFAULT_RATES, 'OTHER_SCHOOL', { K2: 41 }, 'PASTEURISED').lunchRatePerDay).toBe(
      27,
    );
  });
});

describe('milk (เงินอุดหนุนค่าอาหารเสริม (นม)): pupils × 260 days × the price of a bag or box', () => {
  it('pasteurised: 6.89 baht a bag; 10 pupils a year is 17,914 baht', () => {
    const b = institutionBudget(DEFAULT_RATES, 'SCHOOL', school(10), 'PASTEURISED');
    expect(b.milkPupils).toBe(10);
    expect(toBaht(b.milkSatang)).toBe(17914); // 10 × 260 × 6.89
  });

  it('UHT: 8.13 baht a box; 10 pupils a year is 21,138 baht', () => {
    expect(toBaht(institutionBudget(DEFAULT_RATES, 'SCHOOL', school(10), 'UHT').milkSatang)).toBe(21138);
  });

  it('exact to the satang where floating point is not: 3 pupils × 260 × 6.89 = 5,374.20', () => {
    expect(toBaht(institutionBudget(DEFAULT_RATES, 'SCHOOL', school(3), 'PASTEURISED').milkSatang)).toBe(
      5374.2,
    );
  });

  it('CDC children count for milk; for lunch only once the department sets a CDC rate', () => {
    const cdc = institutionBudget(DEFAULT_RATES, 'CDC', { CDC: 25 }, 'PASTEURISED');
    expect(cdc).toMatchObject({ milkPupils: 25, lunchPupils: 0, lunchSatang: 0, lunchRatePerDay: null });
    expect(toBaht(cdc.milkSatang)).toBe(44785); // 25 × 260 × 6.89
    const withLunch = institutionBudget(
      { ...DEFAULT_RATES, cdcLunchPerDay: 21, cdcLunchDays: 245 },
      'CDC',
      { CDC: 25 },
      'UHT',
    );
    expect(toBaht(withLunch.lunchSatang)).toBe(25 * 245 * 21);
    expect(toBaht(withLunch.milkSatang)).toBe(52845); // 25 × 260 × 8.13
  });

  it('M grades get no milk', () => {
    expect(institutionBudget(DEFAULT_RATES, 'SCHOOL', { M1: 30 }, 'PASTEURISED').milkPupils).toBe(0);
  });
});

describe('rates in a dated table', () => {
  const set = (effectiveFrom: string, rate: number): BudgetRatesData => ({
    ...DEFAULT_RATES,
    effectiveFrom,
    lunchBands: DEFAULT_RATES.lunchBands.map((b) => ({ ...b, ratePerDay: rate })),
  });

  it('the rates in force on a date are the latest set on or before it, else the defaults', () => {
    const rows = [set('2025-05-16', 40), set('2024-05-16', 30)];
    expect(ratesOn('2024-05-15', rows)).toBe(DEFAULT_RATES);
    expect(ratesOn('2024-05-16', rows).lunchBands[0].ratePerDay).toBe(30);
    expect(ratesOn('2025-06-10', rows).lunchBands[0].ratePerDay).toBe(40);
  });

  it('the defaults pass the checks the department’s entries must pass, once dated', () => {
    expect(() => checkRates({ ...DEFAULT_RATES, effectiveFrom: '2025-05-16' })).not.toThrow();
  });

  it('refuses bands with a gap, an overlap, a closed last band, or a rate with fractions of a satang', () => {
    const bands = DEFAULT_RATES.lunchBands;
    const bad = (lunchBands: typeof bands, extra: Partial<BudgetRatesData> = {}) => {
      try {
        checkRates({ ...DEFAULT_RATES, effectiveFrom: '2025-05-16', lunchBands, ...extra });
        return null;
      } catch (e) {
        return Object.keys((e as { details: { fields: object } }).details.fields);
      }
    };
    expect(bad([bands[0], { ...bands[1], minPupils: 42 }, bands[2], bands[3]])).toEqual(['lunchBands']);
    expect(bad([bands[0], { ...bands[1], minPupils: 40 }, bands[2], bands[3]])).toEqual(['lunchBands']);
    expect(bad([bands[0], bands[1], bands[2], { ...bands[3], maxPupils: 999 }])).toEqual(['lunchBands']);
    expect(bad(bands, { milkUhtPerBox: 8.125 })).toEqual(['milkUhtPerBox']);
    expect(bad(bands, { cdcLunchPerDay: 21 })).toEqual(['cdcLunchPerDay']);
    expect(bad(bands, { effectiveFrom: '16/05/2568' })).toEqual(['effectiveFrom']);
  });
});
