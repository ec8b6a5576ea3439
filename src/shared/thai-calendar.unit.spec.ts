import {
  academicYearOf,
  academicYearStart,
  ageOn,
  beToCe,
  ceToBe,
  formatThaiDate,
  isIsoDate,
  parseThaiDate,
  todayInBangkok,
  toArabicDigits,
} from './thai-calendar';

describe('Buddhist era (พ.ศ.) and Christian era (ค.ศ.)', () => {
  it('converts both ways: 2568 = 2025', () => {
    expect(beToCe(2568)).toBe(2025);
    expect(ceToBe(2025)).toBe(2568);
  });

  it('reads Thai digits', () => {
    expect(toArabicDigits('๑๒ พ.ค. ๒๕๖๑')).toBe('12 พ.ค. 2561');
  });
});

describe('ISO dates', () => {
  it('accepts 29 February in a leap year only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const s of ['2018-06-31', '2018-13-01', '2018-00-10', '2018-5-12', '12/05/2018', ''])
      expect(isIsoDate(s)).toBe(false);
  });
});

describe('dates as written in Thai spreadsheets', () => {
  it.each([
    ['12/05/2561', '2018-05-12'],
    ['1/5/2561', '2018-05-01'],
    ['12-05-2561', '2018-05-12'],
    ['12.05.2561', '2018-05-12'],
    ['12 พ.ค. 2561', '2018-05-12'],
    ['12 พ.ค.2561', '2018-05-12'],
    ['12 พค 2561', '2018-05-12'],
    ['12 พฤษภาคม 2561', '2018-05-12'],
    ['12 พฤษภาคม พ.ศ. 2561', '2018-05-12'],
    ['๑๒ พฤษภาคม ๒๕๖๑', '2018-05-12'],
    ['5 กรกฏาคม 2560', '2017-07-05'],
    ['31 ธ.ค. 2567', '2024-12-31'],
    ['1 ม.ค. 2568', '2025-01-01'],
    ['2561-05-12', '2018-05-12'],
    ['2018-05-12', '2018-05-12'],
    ['12/05/2018', '2018-05-12'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseThaiDate(raw)).toBe(iso);
  });

  it('knows 29 Feb 2563 (= 2020, a leap year) exists and 29 Feb 2562 does not', () => {
    expect(parseThaiDate('29/02/2563')).toBe('2020-02-29');
    expect(parseThaiDate('29 ก.พ. 2562')).toBeNull();
  });

  it('refuses 2-digit years, unknown months and impossible days', () => {
    for (const s of ['12/05/61', '12 พฤษ 2561', '31 เม.ย. 2561', '13/13/2561', 'พรุ่งนี้', ''])
      expect(parseThaiDate(s)).toBeNull();
  });
});

describe('the academic year starts on 16 May', () => {
  it('2568 starts on 2025-05-16', () => {
    expect(academicYearStart(2568)).toBe('2025-05-16');
  });

  it('15 May still belongs to the previous academic year', () => {
    expect(academicYearOf('2025-05-15')).toBe(2567);
    expect(academicYearOf('2025-05-16')).toBe(2568);
    expect(academicYearOf('2026-03-31')).toBe(2568);
  });
});

describe('age in completed years', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2019-05-16', '2025-05-16')).toBe(6);
    expect(ageOn('2019-05-17', '2025-05-16')).toBe(5);
  });

  it('makes a 29 February child a year older on 1 March in a common year', () => {
    expect(ageOn('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageOn('2020-02-29', '2021-03-01')).toBe(1);
    expect(ageOn('2020-02-29', '2024-02-29')).toBe(4);
  });
});

describe('formatting and today', () => {
  it('formats a date the Thai way', () => {
    expect(formatThaiDate('2025-05-16')).toBe('16 พ.ค. 2568');
  });

  it('takes today in Thailand (UTC+7): 18:00 UTC on 31 May is already 1 June', () => {
    expect(todayInBangkok(new Date('2025-05-31T18:00:00Z'))).toBe('2025-06-01');
    expect(todayInBangkok(new Date('2025-05-31T16:59:59Z'))).toBe('2025-05-31');
  });
});
