import type { EntityManager } from 'typeorm';
import type { OtherSchoolCountsRecorded } from '../other-schools/other-school.events';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { scopeFilter, type CountScope } from './count-scope';
import { countColumns, type GradeSexCell } from './figures.model';

/** Scope conditions on `o` (already joined): scopeFilter's join is not needed here. */
function where(scope: CountScope, params: unknown[]): string {
  return scopeFilter(scope, 'o.code', params).where;
}

const cells = (rows: { grade: Grade; sex: Sex; count: number }[]): GradeSexCell[] =>
  rows.map((r) => ({ grade: r.grade, sex: r.sex, count: Number(r.count) }));

/** A funded school's counts as its LAO confirmed them: its last record before that confirmation. */
async function confirmedOtherSchool(
  m: EntityManager,
  scope: CountScope,
  roundId: string,
): Promise<GradeSexCell[]> {
  const rows: { data: OtherSchoolCountsRecorded['data'] }[] = await m.query(
    `SELECT e.data FROM org_units o
       JOIN confirmations c ON c.org_unit_code = o.lao_code AND c.round_id = $1
        AND c.dataset = 'OTHER_SCHOOL_COUNTS' AND c.confirmed
       JOIN events e ON e.stream_id = 'OtherSchool-' || o.code AND e.global_position < c.confirmed_position
      WHERE o.code = $2 AND e.type = 'OtherSchoolCountsRecorded'
      ORDER BY e.global_position DESC LIMIT 1`,
    [roundId, scope.unit.code],
  );
  return (rows[0]?.data.counts ?? []).flatMap((g) => [
    { grade: g.grade, sex: 'MALE' as const, count: g.male },
    { grade: g.grade, sex: 'FEMALE' as const, count: g.female },
  ]);
}

/** Above an institution: the per-LAO sums of the standing confirmations (confirmed-counts projection). */
async function confirmedAbove(m: EntityManager, scope: CountScope, roundId: string): Promise<ConfirmedCells> {
  const params: unknown[] = [roundId];
  const f = scopeFilter(scope, 'c.lao_code', params);
  const rows: Record<string, number | string>[] = await m.query(
    `SELECT c.part, ${countColumns.map((c) => `sum(${c.column})::int AS ${c.column}`).join(', ')}
       FROM confirmed_counts_by_lao c ${f.join}
      WHERE c.round_id = $1 AND ${f.where}
      GROUP BY c.part`,
    params,
  );
  const part = (name: string): GradeSexCell[] =>
    rows
      .filter((r) => r.part === name)
      .flatMap((r) =>
        countColumns.map((c) => ({ grade: c.grade, sex: c.sex, count: Number(r[c.column] ?? 0) })),
      )
      .filter((c) => c.count !== 0);
  return { enrolled: part('REGISTER'), otherSchools: part('OTHER_SCHOOLS') };
}

type ConfirmedCells = { enrolled: GradeSexCell[]; otherSchools: GradeSexCell[] };

/**
 * The confirmed figures of a round under a scope: the frozen counts of every institution whose
 * confirmation stands (revoked ones are not confirmed figures), and the funded schools' counts as
 * their LAOs confirmed them (OTHER_SCHOOL_COUNTS). Summed from the institutions and LAOs (kept per
 * LAO by the confirmed-counts projection), not taken from the levels above, so any unit — a
 * district too — gets the figures of what is confirmed under it.
 */
export async function readConfirmedCounts(
  m: EntityManager,
  scope: CountScope,
  roundId: string,
): Promise<ConfirmedCells> {
  if (scope.unit.kind === 'DEPARTMENT' || scope.unit.kind === 'PROVINCE' || scope.unit.kind === 'LAO')
    return confirmedAbove(m, scope, roundId);
  const params: unknown[] = [roundId];
  const enrolled = await m.query(
    `SELECT x.grade, x.sex, sum(x.count)::int AS count
       FROM confirmations c
       JOIN org_units o ON o.code = c.org_unit_code
       CROSS JOIN LATERAL jsonb_to_recordset(c.counts) AS x(grade text, sex text, count int)
      WHERE c.round_id = $1 AND c.confirmed AND c.dataset IN ('PUPILS', 'CHILDREN')
        AND o.kind IN ('SCHOOL', 'CDC') AND ${where(scope, params)}
      GROUP BY x.grade, x.sex`,
    params,
  );
  const otherSchools =
    scope.unit.kind === 'OTHER_SCHOOL' ? await confirmedOtherSchool(m, scope, roundId) : [];
  return { enrolled: cells(enrolled), otherSchools };
}
