import type { OrgUnitInputData } from '../org-units/org-unit.rules';
import { provinces } from '../chain/provinces';
import type { GradeCountData } from '../other-schools/other-school-counts.rules';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import type { PupilInputData } from '../pupils/pupil.decider';
import { citizenIdCheckDigit } from '../pupils/rules/citizen-id';
import { schoolGrades, typicalAge, type Grade } from '../pupils/rules/grades';

/** How big the synthetic country is; `nationalSizes(1)` is the real one (DOMAIN.md, the department's figures). */
export interface NationalSizes {
  laos: number;
  schools: number;
  pupilsPerSchool: number;
  cdcs: number;
  childrenPerCdc: number;
  otherSchools: number;
}

export const FULL_SCALE: NationalSizes = {
  laos: 7_850,
  schools: 1_100,
  pupilsPerSchool: 545,
  cdcs: 20_000,
  childrenPerCdc: 43,
  otherSchools: 29_000,
};

/** The country scaled down (units scale, institution sizes stay real), with at least one of each kind. */
export function nationalSizes(scale: number, over: Partial<NationalSizes> = {}): NationalSizes {
  const n = (v: number) => Math.max(1, Math.round(v * scale));
  return {
    laos: n(FULL_SCALE.laos),
    schools: n(FULL_SCALE.schools),
    pupilsPerSchool: FULL_SCALE.pupilsPerSchool,
    cdcs: n(FULL_SCALE.cdcs),
    childrenPerCdc: FULL_SCALE.childrenPerCdc,
    otherSchools: n(FULL_SCALE.otherSchools),
    ...over,
  };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same country. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS_PER_PROVINCE = 12;

/** LAO i sits in province i mod 76, so every province has LAOs as soon as there are 76. */
export function laoUnits(sizes: NationalSizes): OrgUnitInputData[] {
  return Array.from({ length: sizes.laos }, (_, i) => {
    const province = provinces[i % provinces.length].code;
    const k = Math.floor(i / provinces.length);
    const type =
      k === 0 ? 'PAO' : k % 7 === 0 ? 'TOWN_MUNICIPALITY' : k % 3 === 0 ? 'SUBDISTRICT_MUNICIPALITY' : 'SAO';
    return {
      code: `${province}${String(k + 1).padStart(5, '0')}`,
      kind: 'LAO',
      parentCode: province,
      name: `${type === 'PAO' ? 'องค์การบริหารส่วนจังหวัด' : type === 'SAO' ? 'องค์การบริหารส่วนตำบล' : 'เทศบาล'}จำลอง ${province}-${k + 1}`,
      laoType: type,
      district: k === 0 ? 'เมือง' : `อำเภอจำลอง ${1 + (k % DISTRICTS_PER_PROVINCE)}`,
    };
  });
}

const KIND_DIGIT = { SCHOOL: '1', CDC: '2', OTHER_SCHOOL: '3' } as const;
const KIND_NAME = { SCHOOL: 'โรงเรียนจำลอง', CDC: 'ศูนย์พัฒนาเด็กเล็กจำลอง', OTHER_SCHOOL: 'โรงเรียนสังกัดอื่นจำลอง' };

/** `count` institutions of a kind spread over the LAOs in turn: code = kind digit + LAO code + number. */
export function institutionUnits(
  laos: readonly OrgUnitInputData[],
  kind: keyof typeof KIND_DIGIT,
  count: number,
): OrgUnitInputData[] {
  return Array.from({ length: count }, (_, j) => {
    const lao = laos[j % laos.length];
    const n = Math.floor(j / laos.length) + 1;
    return {
      code: `${KIND_DIGIT[kind]}${lao.code}${String(n).padStart(2, '0')}`,
      kind,
      parentCode: lao.code,
      name: `${KIND_NAME[kind]} ${lao.code}-${n}`,
    };
  });
}

const boys = ['ธนากร', 'ภูมิพัฒน์', 'กิตติพงษ์', 'ณัฐวุฒิ', 'ปกรณ์', 'วรเมธ', 'อนุชา', 'ชยพล'];
const girls = ['กัญญาณัฐ', 'ปุณยวีร์', 'ชนิดาภา', 'วรรณิศา', 'อรปรียา', 'ณิชาภัทร', 'พิมพ์ชนก', 'ธัญชนก'];
const surnames = ['ใจดี', 'ศรีสุข', 'แก้วมณี', 'คำปัน', 'อินทร์แก้ว', 'ปัญญาดี', 'บุญมา', 'สายทอง'];
const otherNationalities = ['เมียนมา', 'ลาว', 'กัมพูชา'];

/** Born within the year that makes the child `age` on 16 May of the academic year starting in `ceYear`. */
function birthDateAt(ceYear: number, age: number, random: () => number): string {
  const start = Date.UTC(ceYear - age - 1, 4, 17);
  return new Date(start + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The pupils of institution number `index` (unique country-wide, it makes the citizen IDs unique):
 * a school teaches K1–P6 and every fourth one M1–M3 too; a CDC has children of 2 to 4; 3% are not Thai.
 */
export function nationalPupils(
  index: number,
  kind: 'SCHOOL' | 'CDC',
  count: number,
  ceYear: number,
  random: () => number,
): PupilInputData[] {
  const grades: Grade[] =
    kind === 'CDC'
      ? ['CDC']
      : schoolGrades.filter((g) => !['M4', 'M5', 'M6'].includes(g) && (index % 4 === 0 || g[0] !== 'M'));
  return Array.from({ length: count }, (_, n) => {
    const male = random() < 0.5;
    const grade = grades[Math.floor(random() * grades.length)];
    const age = grade === 'CDC' ? 2 + Math.floor(random() * 3) : typicalAge(grade);
    const first12 = `1${String(index).padStart(6, '0')}${String(n).padStart(5, '0')}`;
    return {
      citizenId: first12 + citizenIdCheckDigit(first12),
      prefix: male ? 'ด.ช.' : 'ด.ญ.',
      firstName: (male ? boys : girls)[n % 8],
      lastName: surnames[(n + index) % 8],
      sex: male ? 'MALE' : 'FEMALE',
      birthDate: birthDateAt(ceYear, age, random),
      nationality: random() < 0.03 ? otherNationalities[n % 3] : 'ไทย',
      religion: 'พุทธ',
      grade,
    };
  });
}

/** An other-affiliation school's certified counts, K1–P6: 5 to 40 a grade and sex. */
export function otherSchoolCounts(random: () => number): GradeCountData[] {
  return otherSchoolGrades.map((grade) => ({
    grade,
    male: 5 + Math.floor(random() * 36),
    female: 5 + Math.floor(random() * 36),
  }));
}
