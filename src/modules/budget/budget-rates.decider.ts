import type { Decider } from '../../event-store/decider';
import { checkRates, type BudgetRatesData } from './budget-rates.rules';
import type { BudgetRatesEvent } from './budget-rates.events';

export type BudgetRatesCommand = { type: 'SetBudgetRates'; rates: BudgetRatesData };

/** The rates carry no state a decision needs beyond their own checks: each set is dated and stands alone. */
export const budgetRatesDecider: Decider<null, BudgetRatesCommand, BudgetRatesEvent> = {
  streamType: 'BudgetRates',
  initialState: () => null,
  evolve: (state) => state,
  decide(command) {
    switch (command.type) {
      case 'SetBudgetRates': {
        const rates = checkRates(command.rates);
        return [{ type: 'BudgetRatesSet', data: { ...rates, effectiveFrom: rates.effectiveFrom! } }];
      }
    }
  },
};
