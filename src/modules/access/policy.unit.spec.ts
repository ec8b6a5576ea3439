import { canSeeUnit, isWithin, type UnitPlace } from './policy';

const dla: UnitPlace = { code: 'DLA', kind: 'DEPARTMENT', provinceCode: null, laoCode: null };
const phrae: UnitPlace = { code: '54', kind: 'PROVINCE', provinceCode: '54', laoCode: null };
const nan: UnitPlace = { code: '55', kind: 'PROVINCE', provinceCode: '55', laoCode: null };
const lao: UnitPlace = { code: '5450101', kind: 'LAO', provinceCode: '54', laoCode: '5450101' };
const otherLao: UnitPlace = { code: '5450102', kind: 'LAO', provinceCode: '54', laoCode: '5450102' };
const school: UnitPlace = { code: '1054010001', kind: 'SCHOOL', provinceCode: '54', laoCode: '5450101' };
const sibling: UnitPlace = { code: '1054010002', kind: 'SCHOOL', provinceCode: '54', laoCode: '5450101' };
const otherSchool: UnitPlace = { code: '1054020001', kind: 'SCHOOL', provinceCode: '54', laoCode: '5450102' };

describe('access by place in the hierarchy', () => {
  it('the department sees every unit', () => {
    for (const u of [phrae, nan, lao, school]) expect(isWithin(dla, u)).toBe(true);
  });
  it('a province sees its LAOs and their institutions, not another province', () => {
    expect([lao, otherLao, school, otherSchool].every((u) => isWithin(phrae, u))).toBe(true);
    expect(isWithin(phrae, nan)).toBe(false);
    expect(isWithin(nan, school)).toBe(false);
  });
  it('an LAO sees its own institutions, not another LAO’s', () => {
    expect(isWithin(lao, school)).toBe(true);
    expect(isWithin(lao, otherSchool)).toBe(false);
    expect(isWithin(lao, otherLao)).toBe(false);
    expect(isWithin(lao, phrae)).toBe(false);
  });
  it('an institution sees itself only, though it may see the names of the units above it', () => {
    expect(isWithin(school, school)).toBe(true);
    expect(isWithin(school, sibling)).toBe(false);
    expect(isWithin(school, lao)).toBe(false);
    expect(canSeeUnit(school, lao)).toBe(true);
    expect(canSeeUnit(school, phrae)).toBe(true);
    expect(canSeeUnit(school, sibling)).toBe(false);
    expect(canSeeUnit(school, otherLao)).toBe(false);
    expect(canSeeUnit(school, nan)).toBe(false);
  });
});
