import type { EntityManager } from 'typeorm';
import { BudgetRatesRow } from './budget-rates.entity';
import { DEFAULT_RATES, type BudgetRatesData } from './budget-rates.rules';

/** A set of rates as shown: the data, and who set it (null for the built-in defaults). */
export type BudgetRatesView = BudgetRatesData & {
  isDefault: boolean;
  setAt: Date | null;
  setByAccount: string | null;
  setByProfile: string | null;
};

const num = (s: string | null) => (s === null ? null : Number(s));

export function viewOf(r: BudgetRatesRow): BudgetRatesView {
  return {
    effectiveFrom: r.effectiveFrom,
    lunchBands: r.lunchBands,
    lunchDays: r.lunchDays,
    milkPasteurisedPerBag: Number(r.milkPasteurisedPerBag),
    milkUhtPerBox: Number(r.milkUhtPerBox),
    milkDays: r.milkDays,
    cdcLunchPerDay: num(r.cdcLunchPerDay),
    cdcLunchDays: r.cdcLunchDays,
    note: r.note,
    isDefault: false,
    setAt: r.setAt,
    setByAccount: r.setByAccount,
    setByProfile: r.setByProfile,
  };
}

export const DEFAULT_VIEW: BudgetRatesView = {
  ...DEFAULT_RATES,
  isDefault: true,
  setAt: null,
  setByAccount: null,
  setByProfile: null,
};

/** Every set of rates the department entered, latest first. */
export async function readBudgetRates(m: EntityManager): Promise<BudgetRatesView[]> {
  return (await m.find(BudgetRatesRow, { order: { effectiveFrom: 'DESC' } })).map(viewOf);
}
