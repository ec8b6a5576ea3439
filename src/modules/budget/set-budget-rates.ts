import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { budgetRatesDecider } from './budget-rates.decider';
import { BudgetRatesRow } from './budget-rates.entity';
import { BUDGET_RATES_STREAM } from './budget-rates.events';
import { viewOf, type BudgetRatesView } from './budget-rates.reads';
import type { BudgetRatesData } from './budget-rates.rules';

/** The department sets the rates in force from a date (the same date again replaces them). */
export async function setBudgetRates(
  store: EventStore,
  rates: BudgetRatesData & { effectiveFrom: string },
  metadata: EventMetadata,
): Promise<BudgetRatesView> {
  return store.transaction(async (tx) => {
    await store.decide(
      tx,
      BUDGET_RATES_STREAM,
      budgetRatesDecider,
      { type: 'SetBudgetRates', rates },
      metadata,
    );
    return viewOf(await tx.findOneByOrFail(BudgetRatesRow, { effectiveFrom: rates.effectiveFrom }));
  });
}
