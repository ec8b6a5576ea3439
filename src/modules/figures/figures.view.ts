import { gradeLabels, grades, type Grade } from '../pupils/rules/grades';
import { sexes, type Sex } from '../pupils/rules/name-prefixes';
import type { CountScope } from './count-scope';
import {
  ageGroupLabels,
  ageGroups,
  nationalityGroupLabels,
  nationalityGroups,
  type AgeCell,
  type AgeGroup,
  type EnrolledCell,
  type GradeSexCell,
  type NationalityGroup,
} from './figures.model';

export type CountsMode = 'LIVE' | 'CONFIRMED' | 'AS_OF';
export const countsModes: readonly CountsMode[] = ['LIVE', 'CONFIRMED', 'AS_OF'];

export interface CountRowView {
  grade: Grade;
  label: string;
  sex: Sex;
  count: number;
}

export interface CountsSectionView {
  total: number;
  male: number;
  female: number;
  rows: CountRowView[];
}

export interface NationalityCountView {
  nationality: NationalityGroup;
  label: string;
  male: number;
  female: number;
  total: number;
}

export interface AgeGroupCountView {
  ageGroup: AgeGroup;
  label: string;
  male: number;
  female: number;
  total: number;
}

export interface EnrolmentCountsView extends CountsSectionView {
  scope: CountScope;
  orgUnitCode: string;
  district: string | null;
  mode: CountsMode;
  roundId: string | null;
  /** The day CDC age groups are counted on: the round's snapshot date, the as-of day, or today. */
  referenceDate: string;
  at: Date | null;
  enrolled: CountsSectionView;
  otherSchools: CountsSectionView;
  combined: CountsSectionView;
  byNationality: NationalityCountView[] | null;
  /** Known already (as-of), null when the mode has none (confirmed), undefined: read when asked. */
  cdcAgeGroups?: AgeGroupCountView[] | null;
}

/** Grade × sex counts, summed, in grade then sex order; cells of 0 are left out. */
export function sectionOf(cells: readonly GradeSexCell[]): CountsSectionView {
  const byKey = new Map<string, number>();
  for (const c of cells) byKey.set(`${c.grade}|${c.sex}`, (byKey.get(`${c.grade}|${c.sex}`) ?? 0) + c.count);
  const rows: CountRowView[] = [];
  for (const grade of grades)
    for (const sex of sexes) {
      const count = byKey.get(`${grade}|${sex}`) ?? 0;
      if (count) rows.push({ grade, label: gradeLabels[grade].short, sex, count });
    }
  const of = (sex: Sex) => rows.filter((r) => r.sex === sex).reduce((n, r) => n + r.count, 0);
  const male = of('MALE');
  const female = of('FEMALE');
  return { total: male + female, male, female, rows };
}

export function nationalityOf(cells: readonly EnrolledCell[]): NationalityCountView[] {
  return nationalityGroups.map((nationality) => {
    const of = (sex: Sex) =>
      cells
        .filter((c) => c.nationalityGroup === nationality && c.sex === sex)
        .reduce((n, c) => n + c.count, 0);
    const male = of('MALE');
    const female = of('FEMALE');
    return { nationality, label: nationalityGroupLabels[nationality], male, female, total: male + female };
  });
}

export function ageGroupsOf(cells: readonly AgeCell[]): AgeGroupCountView[] {
  return ageGroups.map((ageGroup) => {
    const of = (sex: Sex) =>
      cells.filter((c) => c.ageGroup === ageGroup && c.sex === sex).reduce((n, c) => n + c.count, 0);
    const male = of('MALE');
    const female = of('FEMALE');
    return { ageGroup, label: ageGroupLabels[ageGroup], male, female, total: male + female };
  });
}

/**
 * The figures of a scope: the register (pupils and children), the funded schools of another
 * affiliation, and both together; the top-level total and rows are the combined figures.
 */
export function countsView(args: {
  scope: CountScope;
  mode: CountsMode;
  roundId: string | null;
  referenceDate: string;
  at: Date | null;
  enrolled: readonly GradeSexCell[];
  nationality: readonly EnrolledCell[] | null;
  otherSchools: readonly GradeSexCell[];
  ages?: readonly AgeCell[] | null;
}): EnrolmentCountsView {
  const combined = sectionOf([...args.enrolled, ...args.otherSchools]);
  return {
    ...combined,
    scope: args.scope,
    orgUnitCode: args.scope.unit.code,
    district: args.scope.district,
    mode: args.mode,
    roundId: args.roundId,
    referenceDate: args.referenceDate,
    at: args.at,
    enrolled: sectionOf(args.enrolled),
    otherSchools: sectionOf(args.otherSchools),
    combined,
    byNationality: args.nationality && nationalityOf(args.nationality),
    cdcAgeGroups: args.ages === undefined ? undefined : args.ages && ageGroupsOf(args.ages),
  };
}
