import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from '../confirmation/confirmation.events';
import type { BudgetScope } from './budget-preview';
import type { GradeCounts } from './budget.arithmetic';

const SCOPE: Record<BudgetScope['kind'], string> = {
  DEPARTMENT: '$2::text IS NOT NULL',
  PROVINCE: 'u.province_code = $2',
  LAO: 'u.lao_code = $2',
};

/**
 * The figures of record of a round by institution: each school's and CDC's confirmation in force
 * (its frozen counts), and each funded school's K1–P6 total as its LAO's confirmation of
 * other-affiliation counts froze it (the `parts` of that event). Institutions with no confirmation
 * in force are absent.
 */
export async function confirmedCounts(
  m: EntityManager,
  roundId: string,
  scope: BudgetScope,
): Promise<Map<string, GradeCounts>> {
  const out = new Map<string, GradeCounts>();
  const institutions: { code: string; counts: GradeSexCount[] }[] = await m.query(
    `SELECT c.org_unit_code AS code, c.counts FROM confirmations c JOIN org_units u ON u.code = c.org_unit_code
      WHERE c.round_id = $1 AND c.confirmed AND c.dataset IN ('PUPILS', 'CHILDREN')
        AND u.kind IN ('SCHOOL', 'CDC') AND (${SCOPE[scope.kind]})`,
    [roundId, scope.code],
  );
  for (const i of institutions) {
    const counts: GradeCounts = {};
    for (const c of i.counts) counts[c.grade] = (counts[c.grade] ?? 0) + c.count;
    out.set(i.code, counts);
  }
  const laos: { parts: { code: string; total: number | null }[] | null }[] = await m.query(
    `SELECT e.data->'parts' AS parts FROM confirmations c
       JOIN org_units u ON u.code = c.org_unit_code
       JOIN events e ON e.global_position = c.confirmed_position
      WHERE c.round_id = $1 AND c.confirmed AND c.dataset = 'OTHER_SCHOOL_COUNTS' AND u.kind = 'LAO'
        AND (${SCOPE[scope.kind]})`,
    [roundId, scope.code],
  );
  // A funded school's counts are all K1–P6, so its frozen total is its subsidised count; the
  // arithmetic only sums K1–P6, so the total stands under one of those grades.
  for (const l of laos) for (const p of l.parts ?? []) out.set(p.code, { P1: p.total ?? 0 });
  return out;
}
