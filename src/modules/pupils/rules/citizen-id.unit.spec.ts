import {
  checkPupilId,
  citizenIdCheckDigit,
  citizenIdFor,
  formatPupilId,
  maskPupilId,
  parsePupilId,
} from './citizen-id';

/** Completes 12 digits with the check digit, computed here independently of the code under test. */
function withCheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (13 - i), 0);
  return first12 + ((11 - (sum % 11)) % 10);
}

const today = '2025-06-10';

describe('Thai citizen ID (เลขประจำตัวประชาชน 13 หลัก)', () => {
  it('computes the check digit with weights 13..2 and (11 − sum mod 11) mod 10', () => {
    expect(citizenIdCheckDigit('110370207181')).toBe(1);
    for (const first12 of ['123456789012', '310010000000', '000000000001', '876543210987'])
      expect(citizenIdCheckDigit(first12)).toBe(Number(withCheckDigit(first12)[12]));
  });

  it('accepts a valid ID typed with dashes or spaces and normalises it to 13 digits', () => {
    expect(parsePupilId('1-1037-02071-81-1')).toEqual({ kind: 'CITIZEN_ID', value: '1103702071811' });
    expect(parsePupilId(' 1 1037 02071 81 1 ')).toEqual({ kind: 'CITIZEN_ID', value: '1103702071811' });
    expect(parsePupilId('1–1037–02071–81–1')?.value).toBe('1103702071811');
  });

  it('accepts Thai digits as typed on a Thai keyboard', () => {
    expect(parsePupilId('๑๑๐๓๗๐๒๐๗๑๘๑๑')?.value).toBe('1103702071811');
  });

  it.each(['1', '2', '3', '5', '6', '7', '8'])('accepts registration category %s', (first) => {
    const id = withCheckDigit(`${first}54990012345`);
    expect(parsePupilId(id)).toEqual({ kind: 'CITIZEN_ID', value: id });
  });

  it('accepts an ID starting with 0 (a person without registration status, e.g. 0-xxxx-89xxx)', () => {
    const id = withCheckDigit('063018900012');
    expect(parsePupilId(id)).toEqual({ kind: 'CITIZEN_ID', value: id });
  });

  it('refuses an ID starting with 9 even with a correct check digit, saying why', () => {
    const check = checkPupilId(withCheckDigit('954990012345'));
    expect(check).toEqual({ ok: false, problem: expect.stringMatching(/ขึ้นต้นด้วย 9/) });
  });

  it('refuses a wrong check digit, and two swapped digits', () => {
    expect(checkPupilId('1103702071812')).toEqual({
      ok: false,
      problem: expect.stringMatching(/เลขตรวจสอบ/),
    });
    expect(parsePupilId('1103702071181')).toBeNull();
  });

  it('refuses the wrong number of digits, saying how many were typed', () => {
    expect(checkPupilId('110370207181')).toEqual({
      ok: false,
      problem: expect.stringMatching(/กรอกมา 12 หลัก/),
    });
    expect(parsePupilId('11037020718111')).toBeNull();
  });

  it('refuses letters, an empty field, and a number Excel turned into 1.10370E+12', () => {
    expect(checkPupilId('')).toEqual({ ok: false, problem: expect.stringMatching(/กรุณากรอก/) });
    expect(parsePupilId('1.10370E+12')).toBeNull();
    expect(parsePupilId('A103702071811')).toBeNull();
  });
});

describe('G-Code (รหัส G): G + BE year (2) + province (2) + running number (8)', () => {
  it('accepts the ministry’s example G644200000001 (2564, Loei)', () => {
    expect(parsePupilId('G644200000001', today)).toEqual({ kind: 'G_CODE', value: 'G644200000001' });
  });

  it('accepts a lower-case g and spaces, and stores an upper-case G', () => {
    expect(parsePupilId('g 64 42 00000001', today)).toEqual({ kind: 'G_CODE', value: 'G644200000001' });
  });

  it('accepts Bangkok (10), since G-Codes are issued country-wide', () => {
    expect(parsePupilId('G671000001234', today)?.kind).toBe('G_CODE');
  });

  it('refuses a province code that is no province', () => {
    expect(checkPupilId('G640000000001', today)).toEqual({
      ok: false,
      problem: expect.stringMatching(/รหัสจังหวัด/),
    });
    expect(parsePupilId('G642800000001', today)).toBeNull();
  });

  it('refuses a year of issue in the future, but only when today is known', () => {
    expect(checkPupilId('G694200000001', today)).toEqual({
      ok: false,
      problem: expect.stringMatching(/2569/),
    });
    expect(parsePupilId('G684200000001', today)?.kind).toBe('G_CODE');
    expect(parsePupilId('G694200000001')?.kind).toBe('G_CODE');
  });

  it('refuses the wrong number of digits and a running number of zeros', () => {
    expect(checkPupilId('G64420000001', today)).toEqual({
      ok: false,
      problem: expect.stringMatching(/12 หลัก/),
    });
    expect(parsePupilId('G6442000000012', today)).toBeNull();
    expect(parsePupilId('G644200000000', today)).toBeNull();
    expect(parsePupilId('GX44200000001', today)).toBeNull();
  });
});

describe('masking an ID for lists', () => {
  it('shows a citizen ID’s first digit and last 4, grouped as on the card', () => {
    expect(maskPupilId('1103702071811')).toBe('1-xxxx-xxxx1-81-1');
    expect(maskPupilId('1-1037-02071-81-1')).toBe('1-xxxx-xxxx1-81-1');
  });

  it('shows a G-Code’s G and last 4', () => {
    expect(maskPupilId('G644200000001')).toBe('Gxxxxxxxx0001');
  });

  it('shows only the last 4 of anything else, never the whole value', () => {
    expect(maskPupilId('1103702071812')).toBe('xxxxxxxxx1812');
    expect(maskPupilId('12')).toBe('12');
  });
});

describe('who sees a whole citizen ID (citizenIdFor)', () => {
  const id = '1103702071811';
  it('the institution holding the pupil sees it whole, as stored or grouped as on the card', () => {
    expect(citizenIdFor({ code: '1054010001' }, '1054010001', id)).toBe(id);
    expect(citizenIdFor({ code: '1054010001' }, '1054010001', id, formatPupilId)).toBe('1-1037-02071-81-1');
  });
  it('both institutions of a transfer request see it whole', () => {
    expect(citizenIdFor({ code: 'B' }, ['A', 'B'], id)).toBe(id);
  });
  it('everyone else, and lists for the levels above, see it masked', () => {
    expect(citizenIdFor({ code: '5450101' }, '1054010001', id)).toBe('1-xxxx-xxxx1-81-1');
    expect(citizenIdFor(null, '1054010001', id)).toBe('1-xxxx-xxxx1-81-1');
    expect(citizenIdFor(undefined, null, id)).toBe('1-xxxx-xxxx1-81-1');
  });
});
