import type { EntityManager } from 'typeorm';
import { specOf } from '../chain/dataset';
import { isOfficial, recordLeaves } from '../confirmation/figures-of-record';
import type { BudgetScope } from './budget-preview';
import type { GradeCounts } from './budget.arithmetic';

export interface ConfirmedBudgetCounts {
  /** Confirmed up to the scope's level (the province's confirmation; the provinces' for the country). */
  official: Map<string, GradeCounts>;
  /** Confirmed only lower down (the level above has not confirmed, or revoked): shown apart. */
  provisional: Map<string, GradeCounts>;
}

/**
 * The figures of record of a round by institution (figures-of-record.ts): each school's and CDC's
 * confirmation in force (its frozen counts), and each funded school's K1–P6 total as its LAO's
 * confirmation of other-affiliation counts froze it (its `parts`), split by how far up they are
 * confirmed. Institutions with no confirmation in force are absent from both.
 */
export async function confirmedCounts(
  m: EntityManager,
  roundId: string,
  scope: BudgetScope,
): Promise<ConfirmedBudgetCounts> {
  const out: ConfirmedBudgetCounts = { official: new Map(), provisional: new Map() };
  for (const leaf of await recordLeaves(m, roundId, { unit: scope })) {
    const into = isOfficial(leaf.reach, scope.kind) ? out.official : out.provisional;
    if (specOf(leaf.dataset).section === 'REGISTER') {
      const counts: GradeCounts = {};
      for (const c of leaf.counts) counts[c.grade] = (counts[c.grade] ?? 0) + c.count;
      into.set(leaf.code, counts);
    } else {
      // A funded school's counts are all K1–P6, so its frozen total is its subsidised count; the
      // arithmetic only sums K1–P6, so the total stands under one of those grades.
      for (const p of leaf.parts ?? []) into.set(p.code, { P1: p.total ?? 0 });
    }
  }
  return out;
}
