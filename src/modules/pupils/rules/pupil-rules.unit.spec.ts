import { checkPupil, hasErrors, type PupilFields } from './pupil-rules';

function withCheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (13 - i), 0);
  return first12 + ((11 - (sum % 11)) % 10);
}

const ctx = { academicYear: 2568, today: '2025-06-10' };
/** A P1 boy, 6 on 16 May 2025. */
const pupil: PupilFields = {
  citizenId: withCheckDigit('154990012345'),
  prefix: 'ด.ช.',
  firstName: 'สมชาย',
  lastName: 'ใจดี',
  sex: 'MALE',
  birthDate: '2018-09-01',
  nationality: 'ไทย',
  grade: 'P1',
  enrolmentDate: '2025-05-16',
};

function check(patch: Partial<PupilFields>, context: Parameters<typeof checkPupil>[1] = ctx) {
  return checkPupil({ ...pupil, ...patch }, context);
}

describe('a pupil as entered', () => {
  it('is accepted with no errors and no queries when every field is right', () => {
    expect(check({})).toEqual({ errors: {}, queries: {} });
    expect(hasErrors(check({}))).toBe(false);
  });

  it('reports several wrong fields at once, each under its own name', () => {
    const { errors } = check({ citizenId: '123', sex: 'X', firstName: '', grade: 'P9' });
    expect(Object.keys(errors).sort()).toEqual(['citizenId', 'firstName', 'grade', 'sex']);
  });
});

describe('citizen ID rule', () => {
  it('puts a bad ID on field citizenId (the caller maps it to INVALID_CITIZEN_ID)', () => {
    expect(check({ citizenId: '1103702071812' }).errors.citizenId).toMatch(/เลขประจำตัวประชาชน/);
  });

  it('accepts an ID with dashes and a G-Code', () => {
    expect(check({ citizenId: '1-1037-02071-81-1' }).errors).toEqual({});
    expect(check({ citizenId: 'G674200000123', nationality: 'เมียนมา' })).toEqual({ errors: {}, queries: {} });
  });
});

describe('prefix rule: the prefix must agree with the sex', () => {
  it.each([
    ['ด.ช.', 'MALE'],
    ['ดช', 'MALE'],
    ['ด. ช.', 'MALE'],
    ['เด็กชาย', 'MALE'],
    ['นาย', 'MALE'],
    ['Master', 'MALE'],
    ['mr', 'MALE'],
    ['ด.ญ.', 'FEMALE'],
    ['เด็กหญิง', 'FEMALE'],
    ['นางสาว', 'FEMALE'],
    ['น.ส.', 'FEMALE'],
    ['นาง', 'FEMALE'],
    ['Miss', 'FEMALE'],
  ])('accepts %s for %s', (prefix, sex) => {
    expect(check({ prefix, sex }).errors).toEqual({});
  });

  it('refuses ด.ญ. for a boy and ด.ช. for a girl, naming both fields in Thai', () => {
    expect(check({ prefix: 'ด.ญ.', sex: 'MALE' }).errors.prefix).toBe(
      'คำนำหน้า ด.ญ. ไม่ตรงกับเพศชาย กรุณาตรวจสอบคำนำหน้าหรือเพศ',
    );
    expect(check({ prefix: 'เด็กชาย', sex: 'FEMALE' }).errors.prefix).toMatch(/เพศหญิง/);
  });

  it('refuses an unknown or missing prefix, listing the ones it knows', () => {
    expect(check({ prefix: 'คุณ' }).errors.prefix).toMatch(/ไม่รู้จักคำนำหน้า "คุณ".*ด\.ช\./);
    expect(check({ prefix: ' ' }).errors.prefix).toMatch(/กรุณาระบุคำนำหน้า/);
  });

  it('refuses a sex other than MALE or FEMALE', () => {
    expect(check({ sex: 'M' }).errors.sex).toMatch(/ชาย.*หญิง/);
  });
});

describe('name rule: Thai or Latin letters, spaces, dots and hyphens, 1–100 characters', () => {
  it('accepts Thai names with tone marks, Latin names, and hyphens', () => {
    expect(check({ firstName: 'ณัฐพงษ์', lastName: 'ศรีสุข' }).errors).toEqual({});
    expect(check({ firstName: 'Aung Ko', lastName: 'Min-Htet' }).errors).toEqual({});
  });

  it('refuses digits (Arabic or Thai), naming the field', () => {
    expect(check({ firstName: 'สมชาย2' }).errors.firstName).toBe('ชื่อต้องไม่มีตัวเลข');
    expect(check({ lastName: 'ใจดี๒' }).errors.lastName).toBe('นามสกุลต้องไม่มีตัวเลข');
  });

  it('refuses an empty name, a name of 101 characters, and other scripts or symbols', () => {
    expect(check({ lastName: '  ' }).errors.lastName).toBe('กรุณากรอกนามสกุล');
    expect(check({ firstName: 'ก'.repeat(101) }).errors.firstName).toMatch(/100/);
    expect(check({ firstName: 'สมชาย_' }).errors.firstName).toMatch(/อักษรไทยหรืออักษรอังกฤษ/);
    expect(check({ firstName: 'မောင်' }).errors.firstName).toBeDefined();
    expect(check({ firstName: '.-' }).errors.firstName).toBeDefined();
  });

  it('refuses a prefix typed into the first name', () => {
    expect(check({ firstName: 'ด.ช.สมชาย' }).errors.firstName).toMatch(/ไม่ต้องใส่คำนำหน้า/);
    expect(check({ firstName: 'เด็กหญิงสมศรี', prefix: 'ด.ญ.', sex: 'FEMALE' }).errors.firstName).toBeDefined();
    expect(check({ firstName: 'นางนวล', prefix: 'ด.ญ.', sex: 'FEMALE' }).errors).toEqual({});
  });
});

describe('nationality rule', () => {
  it('is required', () => {
    expect(check({ nationality: '' }).errors.nationality).toMatch(/กรุณาระบุสัญชาติ/);
  });

  it('queries (does not refuse) Thai nationality with a G-Code', () => {
    const p = check({ citizenId: 'G674200000123', nationality: 'ไทย' });
    expect(p.errors).toEqual({});
    expect(p.queries.nationality).toMatch(/รหัส G/);
  });

  it('queries Thai nationality with an ID of a person without registration status (starts with 0)', () => {
    const p = check({ citizenId: withCheckDigit('063018900012'), nationality: 'สัญชาติไทย' });
    expect(p.errors).toEqual({});
    expect(p.queries.nationality).toMatch(/ขึ้นต้นด้วย 0/);
  });
});

describe('birth date rule', () => {
  it('refuses a Buddhist-era year typed as Christian, with the year to type instead', () => {
    expect(check({ birthDate: '2561-09-01' }).errors.birthDate).toBe(
      'ปีเกิดน่าจะเป็นปี พ.ศ. กรุณากรอกเป็นปี ค.ศ. (2561 − 543 = 2018)',
    );
  });

  it('gives the BE hint, not "no such day", for 29 Feb 2563 (a leap year in BE, not as CE)', () => {
    expect(check({ birthDate: '2563-02-29', grade: 'K3' }).errors.birthDate).toMatch(/ปี พ.ศ./);
  });

  it('accepts 29 February in a leap year and refuses it in a common year', () => {
    expect(check({ birthDate: '2020-02-29', grade: 'K3', enrolmentDate: null }).errors).toEqual({});
    expect(check({ birthDate: '2019-02-29' }).errors.birthDate).toMatch(/ไม่มีอยู่จริงในปฏิทิน/);
  });

  it('refuses another shape, a future date and a date before 1950', () => {
    expect(check({ birthDate: '01/09/2018' }).errors.birthDate).toMatch(/ปปปป-ดด-วว/);
    expect(check({ birthDate: '2025-06-11' }).errors.birthDate).toMatch(/อนาคต/);
    expect(check({ birthDate: '1949-12-31' }).errors.birthDate).toMatch(/1950/);
  });

  it('names the era when a Christian-era year was typed in the Buddhist-era box (2018 as พ.ศ. = ค.ศ. 1475)', () => {
    const message = check({ birthDate: '1475-09-01' }).errors.birthDate;
    expect(message).toMatch(/พ\.ศ\. 2018 เป็นไปไม่ได้/);
    expect(message).toMatch(/ปี ค\.ศ\./);
    expect(message).toMatch(/พ\.ศ\. คือ 2561/);
  });
});

describe('age against grade (completed years on 16 May of the academic year)', () => {
  const cdc = { grade: 'CDC', enrolmentDate: null };

  it('a CDC child must be 2 by 16 May: born 16 May 2023 is accepted, born a day later is refused', () => {
    expect(check({ ...cdc, birthDate: '2023-05-16' }).errors).toEqual({});
    expect(check({ ...cdc, birthDate: '2023-05-17' }).errors.birthDate).toMatch(/2 ปีบริบูรณ์.*16 พ.ค. 2568/);
  });

  it('a CDC child over 6 is queried: should be at a school', () => {
    expect(check({ ...cdc, birthDate: '2019-01-01' })).toEqual({ errors: {}, queries: {} });
    expect(check({ ...cdc, birthDate: '2018-05-16' }).queries.birthDate).toMatch(/ควรเข้าเรียนในโรงเรียน/);
  });

  it('a K1 pupil must be 3: a 2-year-old is refused', () => {
    expect(check({ grade: 'K1', birthDate: '2022-05-16', enrolmentDate: null }).errors).toEqual({});
    expect(check({ grade: 'K1', birthDate: '2022-05-17', enrolmentDate: null }).errors.birthDate).toMatch(
      /อ\.1.*อย่างน้อย 3 ปี/,
    );
  });

  it('a pupil one year younger than usual is accepted; more than one year younger is refused', () => {
    expect(check({ birthDate: '2019-09-01', enrolmentDate: null }).errors).toEqual({});
    expect(check({ birthDate: '2020-09-01', enrolmentDate: null }).errors.birthDate).toMatch(/ป\.1/);
    expect(check({ grade: 'M1', birthDate: '2015-01-01' }).errors.birthDate).toMatch(/ม\.1.*อย่างน้อย 11 ปี/);
  });

  it('a pupil one year older is accepted; two or more years older is a query asking for the reason', () => {
    expect(check({ birthDate: '2017-09-01' })).toEqual({ errors: {}, queries: {} });
    const p = check({ birthDate: '2016-09-01' });
    expect(p.errors).toEqual({});
    expect(p.queries.birthDate).toMatch(/^อายุมากกว่าเกณฑ์ของระดับชั้น กรุณาระบุเหตุผล/);
    expect(check({ grade: 'M6', birthDate: '2005-01-01' }).queries.birthDate).toMatch(/ม\.6/);
  });

  it('a child born after the start of the academic year is refused for any grade', () => {
    expect(check({ ...cdc, birthDate: '2025-06-01' }).errors.birthDate).toMatch(/ยังไม่เกิด/);
  });
});

describe('enrolment date rule', () => {
  it('refuses a future enrolment, an enrolment before birth, and a BE year', () => {
    expect(check({ enrolmentDate: '2025-06-11' }).errors.enrolmentDate).toMatch(/อนาคต/);
    expect(check({ enrolmentDate: '2018-08-31' }).errors.enrolmentDate).toMatch(/ก่อนวันเกิด/);
    expect(check({ enrolmentDate: '2568-05-16' }).errors.enrolmentDate).toMatch(/ปีที่เข้าเรียนน่าจะเป็นปี พ.ศ./);
  });

  it('is optional', () => {
    expect(check({ enrolmentDate: undefined }).errors).toEqual({});
    expect(check({ enrolmentDate: '' }).errors).toEqual({});
  });
});

describe('grade rule', () => {
  it('refuses an unknown grade', () => {
    expect(check({ grade: 'ป.1' }).errors.grade).toMatch(/ระดับชั้น/);
  });

  it('keeps CDC children at CDCs and K1–M6 at schools, when the institution is known', () => {
    expect(check({}, { ...ctx, institutionKind: 'CDC' }).errors.grade).toMatch(/ศูนย์พัฒนาเด็กเล็ก/);
    expect(
      check(
        { grade: 'CDC', birthDate: '2022-01-01', enrolmentDate: null },
        { ...ctx, institutionKind: 'SCHOOL' },
      ).errors.grade,
    ).toMatch(/โรงเรียน/);
  });

  it('takes the academic year in Buddhist era only', () => {
    expect(() => check({}, { academicYear: 2025, today: '2025-06-10' })).toThrow(/Buddhist/);
  });
});
