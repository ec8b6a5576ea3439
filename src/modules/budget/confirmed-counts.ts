import type { EntityManager } from 'typeorm';
import type { BudgetScope } from './budget-preview';
import type { GradeCounts } from './budget.arithmetic';

/**
 * The confirmed counts of a round by institution, or null while there is no confirmation chain to
 * read them from (it lands with the confirmations module).
 */
export async function confirmedCounts(
  _m: EntityManager,
  _roundId: string,
  _scope: BudgetScope,
): Promise<Map<string, GradeCounts> | null> {
  return null;
}
