import { isThai } from '../pupils/rules/pupil-rules';
import {
  cdcAgeGroupLabels,
  cdcAgeGroups,
  grades,
  type CdcAgeGroup,
  type Grade,
} from '../pupils/rules/grades';
import { sexes, type Sex } from '../pupils/rules/name-prefixes';
import { ageOn } from '../../shared/thai-calendar';
import type { Register } from '../pupils/register-fold';

/** Figures count Thai nationals and everyone else apart (DOMAIN.md, "What the department needs"). */
export const nationalityGroups = ['THAI', 'OTHER'] as const;
export type NationalityGroup = (typeof nationalityGroups)[number];
export const nationalityGroupLabels: Record<NationalityGroup, string> = {
  THAI: 'สัญชาติไทย',
  OTHER: 'สัญชาติอื่น',
};

export function nationalityGroupOf(nationality: string): NationalityGroup {
  return isThai(nationality) ? 'THAI' : 'OTHER';
}

/**
 * A CDC child's age group on a reference day (the round's snapshot date, or today): completed
 * years as in the CDC age rule, plus "under 2" so that no child drops out of the figures.
 */
export const ageGroups = ['under-2', ...cdcAgeGroups] as const;
export type AgeGroup = 'under-2' | CdcAgeGroup;
export const ageGroupLabels: Record<AgeGroup, string> = { 'under-2': 'อายุต่ำกว่า 2 ปี', ...cdcAgeGroupLabels };

export function ageGroupOn(birthDate: string, referenceDate: string): AgeGroup {
  const age = ageOn(birthDate, referenceDate);
  if (age < 2) return 'under-2';
  return age >= 5 ? '5+' : cdcAgeGroups[age - 2];
}

/** One cell of the register's figures. */
export interface EnrolledCell {
  grade: Grade;
  sex: Sex;
  nationalityGroup: NationalityGroup;
  count: number;
}

export interface AgeCell {
  ageGroup: AgeGroup;
  sex: Sex;
  count: number;
}

export interface GradeSexCell {
  grade: Grade;
  sex: Sex;
  count: number;
}

/** The read model keeps one column per grade and sex: `k1_male` … `cdc_female`. */
export function countColumn(grade: Grade, sex: Sex): string {
  return `${grade.toLowerCase()}_${sex.toLowerCase()}`;
}

export const countColumns: readonly { grade: Grade; sex: Sex; column: string }[] = grades.flatMap((grade) =>
  sexes.map((sex) => ({ grade, sex, column: countColumn(grade, sex) })),
);

/** The active pupils of a register, counted by grade, sex and nationality, and CDC children by age group. */
export function tallyRegister(
  register: Register,
  referenceDate: string,
  includes: (institutionCode: string) => boolean = () => true,
): { enrolled: EnrolledCell[]; ages: AgeCell[] } {
  const enrolled = new Map<string, EnrolledCell>();
  const ages = new Map<string, AgeCell>();
  for (const p of register.values()) {
    if (!p.active || !includes(p.institutionCode)) continue;
    const nationalityGroup = nationalityGroupOf(p.nationality);
    const key = `${p.grade}|${p.sex}|${nationalityGroup}`;
    const cell = enrolled.get(key) ?? { grade: p.grade, sex: p.sex, nationalityGroup, count: 0 };
    cell.count += 1;
    enrolled.set(key, cell);
    if (p.grade !== 'CDC') continue;
    const ageGroup = ageGroupOn(p.birthDate, referenceDate);
    const ageCell = ages.get(`${ageGroup}|${p.sex}`) ?? { ageGroup, sex: p.sex, count: 0 };
    ageCell.count += 1;
    ages.set(`${ageGroup}|${p.sex}`, ageCell);
  }
  return { enrolled: [...enrolled.values()], ages: [...ages.values()] };
}
