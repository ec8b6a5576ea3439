import type { OrgUnitInputData } from '../org-units/org-unit.rules';

/**
 * A small, realistic corner of the country for trying LEC out: province 54 (แพร่) with a town
 * municipality, a subdistrict municipality and a subdistrict administrative organisation, each
 * with its institutions and the other-affiliation schools it funds. Names are typical of the
 * province; codes are made up in the official shapes.
 */
export const demoProvinceCode = '54';

export const demoUnits: readonly OrgUnitInputData[] = [
  {
    code: '5540101',
    name: 'เทศบาลเมืองแพร่',
    kind: 'LAO',
    parentCode: '54',
    district: 'เมืองแพร่',
    laoType: 'TOWN_MUNICIPALITY',
  },
  {
    code: '1054100001',
    name: 'โรงเรียนเทศบาล 1 (วัดพระบาท)',
    kind: 'SCHOOL',
    parentCode: '5540101',
    ministryCode: '1054100001',
  },
  {
    code: '1054100002',
    name: 'โรงเรียนเทศบาล 2 (วัดศรีบุญเรือง)',
    kind: 'SCHOOL',
    parentCode: '5540101',
    ministryCode: '1054100002',
  },
  { code: '5540101001', name: 'ศูนย์พัฒนาเด็กเล็กเทศบาลเมืองแพร่', kind: 'CDC', parentCode: '5540101' },

  {
    code: '5540601',
    name: 'เทศบาลตำบลสูงเม่น',
    kind: 'LAO',
    parentCode: '54',
    district: 'สูงเม่น',
    laoType: 'SUBDISTRICT_MUNICIPALITY',
  },
  {
    code: '1054160001',
    name: 'โรงเรียนเทศบาลตำบลสูงเม่น',
    kind: 'SCHOOL',
    parentCode: '5540601',
    ministryCode: '1054160001',
  },
  { code: '5540601001', name: 'ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลสูงเม่น', kind: 'CDC', parentCode: '5540601' },
  {
    code: '1054560101',
    name: 'โรงเรียนวัดสูงเม่น',
    kind: 'OTHER_SCHOOL',
    parentCode: '5540601',
    ministryCode: '1054560101',
  },

  {
    code: '6540105',
    name: 'องค์การบริหารส่วนตำบลป่าแมต',
    kind: 'LAO',
    parentCode: '54',
    district: 'เมืองแพร่',
    laoType: 'SAO',
  },
  { code: '6540105001', name: 'ศูนย์พัฒนาเด็กเล็กบ้านป่าแมต', kind: 'CDC', parentCode: '6540105' },
  { code: '6540105002', name: 'ศูนย์พัฒนาเด็กเล็กบ้านนาจักร', kind: 'CDC', parentCode: '6540105' },
  {
    code: '1054560102',
    name: 'โรงเรียนบ้านป่าแมต',
    kind: 'OTHER_SCHOOL',
    parentCode: '6540105',
    ministryCode: '1054560102',
  },
];
