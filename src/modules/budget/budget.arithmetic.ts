import type { Grade } from '../pupils/rules/grades';
import type { BudgetRatesData, LunchBand } from './budget-rates.rules';

export type MilkKind = 'PASTEURISED' | 'UHT';
export const milkKinds: readonly MilkKind[] = ['PASTEURISED', 'UHT'];

/** Grades that count for school lunch and milk: อนุบาล 1 to ป.6 (the grades LAOs record for funded schools too). */
// prettier-ignore
export const SUBSIDISED_GRADES = ['K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const satisfies readonly Grade[];

export type InstitutionKind = 'SCHOOL' | 'CDC' | 'OTHER_SCHOOL';

/** Pupils by grade at one institution (sexes summed). */
export type GradeCounts = Partial<Record<Grade, number>>;

export interface InstitutionBudget {
  /** Pupils the lunch subsidy counts: K1–P6 at a school; CDC children only if a CDC rate is set. */
  lunchPupils: number;
  /** The school-size band, by the same K1–P6 count; null when nobody counts or for a CDC. */
  lunchBand: LunchBand | null;
  lunchRatePerDay: number | null;
  lunchDays: number;
  lunchSatang: number;
  /** Pupils the milk subsidy counts: K1–P6 at a school, every child at a CDC. */
  milkPupils: number;
  milkRatePerDay: number;
  milkDays: number;
  milkSatang: number;
}

/** Baht to satang, exactly: rates have at most two decimals. */
export const toSatang = (baht: number) => Math.round(baht * 100);
export const toBaht = (satang: number) => satang / 100;

/** The band a school of `pupils` pupils falls in; null for none (an empty school gets nothing). */
export function lunchBandFor(rates: BudgetRatesData, pupils: number): LunchBand | null {
  if (pupils < 1) return null;
  return (
    rates.lunchBands.find((b) => pupils >= b.minPupils && (b.maxPupils === null || pupils <= b.maxPupils)) ??
    null
  );
}

function subsidised(counts: GradeCounts): number {
  return SUBSIDISED_GRADES.reduce((n, g) => n + (counts[g] ?? 0), 0);
}

/**
 * One institution's lunch and milk for a year, in satang (integers, so sums are exact):
 * pupils × days × rate. A school's lunch rate follows its size band, counted in K1–P6 pupils.
 */
export function institutionBudget(
  rates: BudgetRatesData,
  kind: InstitutionKind,
  counts: GradeCounts,
  milk: MilkKind,
): InstitutionBudget {
  const milkRatePerDay = milk === 'PASTEURISED' ? rates.milkPasteurisedPerBag : rates.milkUhtPerBox;
  if (kind === 'CDC') {
    const children = counts.CDC ?? 0;
    const lunchRatePerDay = children > 0 ? rates.cdcLunchPerDay : null;
    const lunchDays = rates.cdcLunchDays ?? 0;
    const lunchPupils = lunchRatePerDay === null ? 0 : children;
    return {
      lunchPupils,
      lunchBand: null,
      lunchRatePerDay,
      lunchDays,
      lunchSatang: lunchPupils * lunchDays * toSatang(lunchRatePerDay ?? 0),
      milkPupils: children,
      milkRatePerDay,
      milkDays: rates.milkDays,
      milkSatang: children * rates.milkDays * toSatang(milkRatePerDay),
    };
  }
  const pupils = subsidised(counts);
  const band = lunchBandFor(rates, pupils);
  return {
    lunchPupils: pupils,
    lunchBand: band,
    lunchRatePerDay: band?.ratePerDay ?? null,
    lunchDays: rates.lunchDays,
    lunchSatang: pupils * rates.lunchDays * toSatang(band?.ratePerDay ?? 0),
    milkPupils: pupils,
    milkRatePerDay,
    milkDays: rates.milkDays,
    milkSatang: pupils * rates.milkDays * toSatang(milkRatePerDay),
  };
}

export interface BudgetTotals {
  institutions: number;
  lunchPupils: number;
  lunchSatang: number;
  milkPupils: number;
  milkSatang: number;
}

export const emptyTotals = (): BudgetTotals => ({
  institutions: 0,
  lunchPupils: 0,
  lunchSatang: 0,
  milkPupils: 0,
  milkSatang: 0,
});

export function addTo(t: BudgetTotals, b: InstitutionBudget): BudgetTotals {
  t.institutions += 1;
  t.lunchPupils += b.lunchPupils;
  t.lunchSatang += b.lunchSatang;
  t.milkPupils += b.milkPupils;
  t.milkSatang += b.milkSatang;
  return t;
}
