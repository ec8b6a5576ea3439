import type { EntityManager } from 'typeorm';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { scopeFilter, type CountScope } from './count-scope';
import {
  ageGroupOn,
  countColumns,
  type AgeCell,
  type EnrolledCell,
  type GradeSexCell,
  type NationalityGroup,
} from './figures.model';

const otherSchoolColumns = countColumns.filter((c) =>
  (otherSchoolGrades as readonly Grade[]).includes(c.grade),
);
const sums = (cols: typeof countColumns) =>
  cols.map((c) => `sum(${c.column})::int AS ${c.column}`).join(', ');

export interface LiveCounts {
  enrolled: EnrolledCell[];
  otherSchools: GradeSexCell[];
}

type SumRow = Record<string, number | string | null>;

/**
 * The register's counts are summed from the per-institution rows at every level (no per-LAO row on
 * the write path: it serialised an LAO's schools); funded schools' totals above one school come from
 * their per-LAO sums (only their LAO writes them).
 */
function sources(scope: CountScope) {
  const above = ['DEPARTMENT', 'PROVINCE', 'LAO'].includes(scope.unit.kind);
  return {
    enrolled: { table: 'enrolment_counts', code: 'c.institution_code' },
    other: above
      ? { table: 'other_school_totals_by_lao', code: 't.lao_code' }
      : { table: 'other_school_totals', code: 't.school_code' },
  };
}

/** The register's counts and the funded schools' latest counts under a scope (enrolment-counts projection). */
export async function readLiveCounts(m: EntityManager, scope: CountScope): Promise<LiveCounts> {
  const src = sources(scope);
  const ep: unknown[] = [];
  const e = scopeFilter(scope, src.enrolled.code, ep);
  const op: unknown[] = [];
  const o = scopeFilter(scope, src.other.code, op);
  // Two statements on two connections at once, outside a transaction: the slower one sets the time.
  const [enrolledRows, otherRows]: [SumRow[], SumRow[]] = await Promise.all([
    m.query(
      `SELECT c.nationality_group, ${sums(countColumns)}
         FROM ${src.enrolled.table} c ${e.join} WHERE ${e.where} GROUP BY c.nationality_group`,
      ep,
    ),
    m.query(`SELECT ${sums(otherSchoolColumns)} FROM ${src.other.table} t ${o.join} WHERE ${o.where}`, op),
  ]);
  const enrolled: EnrolledCell[] = [];
  for (const r of enrolledRows)
    for (const c of countColumns) {
      const count = Number(r[c.column] ?? 0);
      if (count)
        enrolled.push({
          grade: c.grade,
          sex: c.sex,
          nationalityGroup: r.nationality_group as NationalityGroup,
          count,
        });
    }
  const otherSchools: GradeSexCell[] = [];
  for (const r of otherRows)
    for (const c of otherSchoolColumns) {
      const count = Number(r[c.column] ?? 0);
      if (count) otherSchools.push({ grade: c.grade, sex: c.sex, count });
    }
  return { enrolled, otherSchools };
}

/**
 * CDC children by age group on a reference day, from the register itself: an age group depends on
 * the day asked about, so it cannot be kept in a count table. One row per birth date and sex.
 */
export async function readLiveAgeGroups(
  m: EntityManager,
  scope: CountScope,
  referenceDate: string,
): Promise<AgeCell[]> {
  const params: unknown[] = [];
  const f = scopeFilter(scope, 'p.institution_code', params);
  const rows: { birth_date: string; sex: Sex; n: number }[] = await m.query(
    `SELECT p.birth_date::text AS birth_date, p.sex, count(*)::int AS n
       FROM pupils p ${f.join}
      WHERE p.status = 'ACTIVE' AND p.grade = 'CDC' AND ${f.where}
      GROUP BY p.birth_date, p.sex`,
    params,
  );
  const cells = new Map<string, AgeCell>();
  for (const r of rows) {
    const ageGroup = ageGroupOn(r.birth_date, referenceDate);
    const key = `${ageGroup}|${r.sex}`;
    const cell = cells.get(key) ?? { ageGroup, sex: r.sex, count: 0 };
    cell.count += Number(r.n);
    cells.set(key, cell);
  }
  return [...cells.values()];
}
