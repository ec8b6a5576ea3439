import type { EntityManager } from 'typeorm';
import { badInput } from '../../shared/errors';
import type { ConfirmingLevel } from '../chain/levels';
import { todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { requiredLevel } from '../confirmation/figures-of-record';
import { DEFAULT_VIEW, readBudgetRates, type BudgetRatesView } from './budget-rates.reads';
import { ratesOn } from './budget-rates.rules';
import type { MilkKind } from './budget.arithmetic';
import {
  figuresOf,
  institutionsIn,
  liveCounts,
  type BudgetFiguresView,
  type BudgetScope,
} from './budget-preview';
import { confirmedCounts } from './confirmed-counts';

export interface BudgetPreviewView {
  orgUnitCode: string;
  roundId: string | null;
  ratesOn: string;
  rates: BudgetRatesView;
  milkKind: MilkKind;
  confirmedUpTo: ConfirmingLevel;
  /** Null while no round was ever opened. */
  confirmed: BudgetFiguresView | null;
  provisional: BudgetFiguresView | null;
  live: BudgetFiguresView;
}

/** The round a preview is of: the one named, else the open one, else the latest. */
async function roundFor(m: EntityManager, roundId: string | null | undefined): Promise<RoundRow | null> {
  if (roundId) {
    const round = await m.findOneBy(RoundRow, { id: roundId });
    if (!round) throw badInput({ roundId: `ไม่พบรอบการบันทึกข้อมูล ${roundId}` });
    return round;
  }
  return (
    (await m.findOneBy(RoundRow, { status: 'OPEN' })) ??
    (await m.findOne(RoundRow, { where: {}, order: { academicYear: 'DESC', roundNo: 'DESC' } }))
  );
}

/**
 * A year's lunch and milk budget for a scope: from the round's figures of record (official, and
 * provisional apart) and from the live registers, at the rates in force on the round's snapshot date.
 */
export async function budgetPreviewOf(
  m: EntityManager,
  scope: BudgetScope,
  roundId: string | null,
  milkKind: MilkKind,
): Promise<BudgetPreviewView> {
  const round = await roundFor(m, roundId);
  const on = round?.snapshotDate ?? todayInBangkok(new Date());
  const all = await readBudgetRates(m);
  const rates = ratesOn(on, all);
  const rateView = all.find((r) => r.effectiveFrom === rates.effectiveFrom) ?? DEFAULT_VIEW;
  const institutions = await institutionsIn(m, scope);
  const confirmed = round ? await confirmedCounts(m, round.id, scope) : null;
  return {
    orgUnitCode: scope.code,
    roundId: round?.id ?? null,
    ratesOn: on,
    rates: rateView,
    milkKind,
    confirmedUpTo: requiredLevel(scope.kind),
    confirmed: confirmed && figuresOf('CONFIRMED', scope, institutions, confirmed.official, rates, milkKind),
    provisional:
      confirmed && figuresOf('PROVISIONAL', scope, institutions, confirmed.provisional, rates, milkKind),
    live: figuresOf('LIVE', scope, institutions, await liveCounts(m, scope), rates, milkKind),
  };
}
