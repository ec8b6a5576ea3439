import { orgUnitDecider, type OrgUnitState } from './org-unit.decider';
import type { ParentInfo } from './org-unit.rules';

const province: ParentInfo = {
  code: '54',
  kind: 'PROVINCE',
  provinceCode: '54',
  laoCode: null,
  district: null,
};
const lao: ParentInfo = {
  code: '5450101',
  kind: 'LAO',
  provinceCode: '54',
  laoCode: '5450101',
  district: 'เมืองแพร่',
};
const fresh: OrgUnitState = { status: 'new' };

describe('org unit decider', () => {
  it('registers an LAO under a province, carrying its province code', () => {
    const events = orgUnitDecider.decide(
      {
        type: 'RegisterOrgUnit',
        input: {
          code: '5450101',
          name: ' อบต.ไรโคก ',
          kind: 'LAO',
          parentCode: '54',
          district: 'เมืองแพร่',
          laoType: 'SAO',
        },
        parent: province,
      },
      fresh,
    );
    expect(events).toEqual([
      {
        type: 'OrgUnitRegistered',
        data: {
          code: '5450101',
          kind: 'LAO',
          name: 'อบต.ไรโคก',
          parentCode: '54',
          provinceCode: '54',
          laoCode: '5450101',
          district: 'เมืองแพร่',
          laoType: 'SAO',
          ministryCode: null,
        },
      },
    ]);
  });

  it('lets a school inherit its LAO district and codes', () => {
    const [e] = orgUnitDecider.decide(
      {
        type: 'RegisterOrgUnit',
        input: { code: '1054010001', name: 'โรงเรียนบ้านไรโคก', kind: 'SCHOOL', parentCode: lao.code },
        parent: lao,
      },
      fresh,
    );
    expect(e.data).toMatchObject({
      provinceCode: '54',
      laoCode: '5450101',
      district: 'เมืองแพร่',
      parentCode: '5450101',
    });
  });

  it.each([
    [
      'a school directly under a province',
      { code: '1054010002', name: 'โรงเรียนผิดที่', kind: 'SCHOOL' as const, parentCode: '54' },
      province,
      'parentCode',
    ],
    [
      'an LAO without its type',
      { code: '5450102', name: 'อบต.ไม่มีประเภท', kind: 'LAO' as const, parentCode: '54', district: 'เมืองแพร่' },
      province,
      'laoType',
    ],
    [
      'an LAO without its district',
      {
        code: '5450103',
        name: 'อบต.ไม่มีอำเภอ',
        kind: 'LAO' as const,
        parentCode: '54',
        laoType: 'SAO' as const,
      },
      province,
      'district',
    ],
    [
      'a unit whose parent does not exist',
      { code: '1054010003', name: 'โรงเรียนลอย', kind: 'SCHOOL' as const, parentCode: '9999999' },
      null,
      'parentCode',
    ],
    [
      'a code with spaces',
      { code: '10 54', name: 'โรงเรียนรหัสผิด', kind: 'SCHOOL' as const, parentCode: lao.code },
      lao,
      'code',
    ],
    [
      'a ministry code that is not 10 digits',
      {
        code: '1054010004',
        name: 'โรงเรียนบ้านนา',
        kind: 'SCHOOL' as const,
        parentCode: lao.code,
        ministryCode: '12345',
      },
      lao,
      'ministryCode',
    ],
  ])('refuses %s, naming the field', (_what, input, parent, field) => {
    try {
      orgUnitDecider.decide({ type: 'RegisterOrgUnit', input, parent }, fresh);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((e as { details: { fields: Record<string, string> } }).details.fields[field]).toMatch(/[ก-๙]/);
    }
  });

  it('refuses a code that is already registered', () => {
    const state = orgUnitDecider.evolve(
      fresh,
      orgUnitDecider.decide(
        {
          type: 'RegisterOrgUnit',
          input: { code: '1054010001', name: 'โรงเรียนบ้านไรโคก', kind: 'SCHOOL', parentCode: lao.code },
          parent: lao,
        },
        fresh,
      )[0],
    );
    expect(() =>
      orgUnitDecider.decide(
        {
          type: 'RegisterOrgUnit',
          input: { code: '1054010001', name: 'ซ้ำ', kind: 'SCHOOL', parentCode: lao.code },
          parent: lao,
        },
        state,
      ),
    ).toThrow(/มีอยู่ในระบบแล้ว/);
  });

  it('records a change of details only when something changed', () => {
    const state = orgUnitDecider.evolve(
      fresh,
      orgUnitDecider.decide(
        {
          type: 'RegisterOrgUnit',
          input: { code: '1054010001', name: 'โรงเรียนบ้านไรโคก', kind: 'SCHOOL', parentCode: lao.code },
          parent: lao,
        },
        fresh,
      )[0],
    );
    const same = { name: 'โรงเรียนบ้านไรโคก', district: 'เมืองแพร่', laoType: null, ministryCode: null };
    expect(
      orgUnitDecider.decide({ type: 'ChangeOrgUnitDetails', code: '1054010001', details: same }, state),
    ).toEqual([]);
    expect(
      orgUnitDecider.decide(
        {
          type: 'ChangeOrgUnitDetails',
          code: '1054010001',
          details: { ...same, name: 'โรงเรียนบ้านไรโคก (ไรโคกวิทยา)' },
        },
        state,
      ),
    ).toHaveLength(1);
  });
});
