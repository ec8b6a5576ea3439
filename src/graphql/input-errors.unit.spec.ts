import { coercionProblem, labelOf, thaiConstraint } from './input-errors';

const THAI = /\p{Script=Thai}/u;

describe('variable coercion errors in Thai, at the field (issue 12, item 2)', () => {
  it('an enum not chosen or not in the list', () => {
    const blank = coercionProblem(
      'Variable "$input" got invalid value "" at "input.sex"; Value "" does not exist in "Sex" enum.',
    );
    expect(blank).toEqual({ message: 'กรุณาเลือกเพศ', fields: { 'input.sex': 'กรุณาเลือกเพศ' } });
    const wrong = coercionProblem(
      'Variable "$input" got invalid value "M" at "input.sex"; Value "M" does not exist in "Sex" enum. Did you mean the enum value "MALE"?',
    );
    expect(wrong?.fields['input.sex']).toMatch(/เพศ: กรุณาเลือกจากรายการ/);
    const nullEnum = coercionProblem(
      'Variable "$input" got invalid value null at "input.sex"; Expected non-nullable type "Sex!" not to be null.',
    );
    expect(nullEnum?.fields).toEqual({ 'input.sex': 'กรุณาเลือกเพศ' });
  });

  it('a blank or a word in a number, and null in a counts grid', () => {
    expect(
      coercionProblem(
        'Variable "$counts" got invalid value "" at "counts[2].male"; Int cannot represent non-integer value: ""',
      )?.fields,
    ).toEqual({ 'counts.2.male': 'กรุณากรอกจำนวนนักเรียนชายเป็นตัวเลข (ใส่ 0 ถ้าไม่มี)' });
    expect(
      coercionProblem(
        'Variable "$counts" got invalid value "สิบ" at "counts[0].female"; Int cannot represent non-integer value: "สิบ"',
      )?.fields,
    ).toEqual({ 'counts.0.female': 'จำนวนนักเรียนหญิงต้องเป็นตัวเลขเท่านั้น' });
    expect(
      coercionProblem(
        'Variable "$counts" got invalid value null at "counts[1].male"; Expected non-nullable type "Int!" not to be null.',
      )?.fields,
    ).toEqual({ 'counts.1.male': 'กรุณากรอกจำนวนนักเรียนชายเป็นตัวเลข (ใส่ 0 ถ้าไม่มี)' });
    expect(
      coercionProblem(
        'Variable "$y" got invalid value 2568.5; Int cannot represent non-integer value: 2568.5',
      )?.fields.y,
    ).toMatch(/จำนวนเต็ม/);
  });

  it('a required field or variable left out, a wrong type, and an unknown field', () => {
    expect(
      coercionProblem(
        'Variable "$input" got invalid value { n: 1 }; Field "sex" of required type "Sex!" was not provided.',
      )?.fields,
    ).toEqual({ 'input.sex': 'กรุณาเลือกเพศ' });
    expect(
      coercionProblem(
        'Variable "$input" got invalid value { sex: "MALE" }; Field "birthDate" of required type "String!" was not provided.',
      )?.fields,
    ).toEqual({ 'input.birthDate': 'กรุณากรอกวันเกิด' });
    expect(
      coercionProblem('Variable "$reason" of required type "String!" was not provided.')?.fields,
    ).toEqual({
      reason: 'กรุณากรอกเหตุผล',
    });
    expect(coercionProblem('Variable "$counts" of non-null type "[G!]!" must not be null.')?.fields).toEqual({
      counts: 'กรุณากรอกจำนวนนักเรียน',
    });
    expect(
      coercionProblem('Variable "$x" got invalid value 5; String cannot represent a non string value: 5')
        ?.fields,
    ).toEqual({ x: 'ช่องนี้มีรูปแบบไม่ถูกต้อง' });
    const unknown = coercionProblem(
      'Variable "$input" got invalid value { zz: 1 }; Field "zz" is not defined by type "PupilInput".',
    );
    expect(Object.keys(unknown!.fields)).toEqual(['input.zz']);
    expect(unknown!.message).toMatch(THAI);
  });

  it('leaves other messages alone', () => {
    expect(coercionProblem('Syntax Error: Expected Name, found "}".')).toBeNull();
  });
});

describe('class-validator limits in Thai', () => {
  it('turns the English defaults into Thai, naming the field and what was typed', () => {
    expect(
      thaiConstraint('birthDate', 'isLength', 'birthDate must be longer than or equal to 1 characters', ''),
    ).toBe('กรุณากรอกวันเกิด');
    expect(
      thaiConstraint(
        'firstName',
        'isLength',
        'firstName must be shorter than or equal to 100 characters',
        'ก'.repeat(120),
      ),
    ).toBe('ชื่อต้องยาวไม่เกิน 100 ตัวอักษร (กรอกมา 120 ตัวอักษร)');
    expect(thaiConstraint('first', 'max', 'first must not be greater than 200', 500)).toBe(
      'จำนวนรายการต่อหน้าต้องไม่มากกว่า 200',
    );
    expect(
      thaiConstraint('lunchBands', 'arrayMaxSize', 'lunchBands must contain no more than 20 elements', []),
    ).toMatch(/ไม่เกิน 20 รายการ/);
  });

  it('keeps a message already written in Thai', () => {
    expect(thaiConstraint('phone', 'isLength', 'หมายเลขโทรศัพท์ต้องมี 9 หลัก', '08123')).toBe(
      'หมายเลขโทรศัพท์ต้องมี 9 หลัก',
    );
  });

  it('labels the last named part of a path', () => {
    expect(labelOf('counts.2.male')).toBe('จำนวนนักเรียนชาย');
    expect(labelOf('input.whatever')).toBe('ช่องนี้');
  });
});
