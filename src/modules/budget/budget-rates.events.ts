import type { Event } from '../../event-store/event';
import type { BudgetRatesData } from './budget-rates.rules';

/** The department sets the rates in force from a date; setting the same date again replaces them. */
export type BudgetRatesSet = Event<'BudgetRatesSet', BudgetRatesData & { effectiveFrom: string }>;

export type BudgetRatesEvent = BudgetRatesSet;
export const budgetRatesEventTypes: readonly BudgetRatesEvent['type'][] = ['BudgetRatesSet'];

/** Every dated set of rates on one stream. */
export const BUDGET_RATES_STREAM = 'BudgetRates';
