import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActorView } from './confirmations';

export type MilkKind = 'PASTEURISED' | 'UHT';
export interface LunchBand {
  minPupils: number;
  maxPupils: number | null;
  ratePerDay: number;
}
export interface RatesView {
  effectiveFrom: string | null;
  isDefault: boolean;
  lunchBands: LunchBand[];
  lunchDays: number;
  milkDays: number;
  milkPasteurisedPerBag: number;
  milkUhtPerBox: number;
  cdcLunchPerDay: number | null;
  cdcLunchDays: number | null;
  note: string | null;
  setAt: string | null;
  setBy: ActorView | null;
}
const RATES = `effectiveFrom isDefault lunchBands { minPupils maxPupils ratePerDay } lunchDays milkDays
  milkPasteurisedPerBag milkUhtPerBox cdcLunchPerDay cdcLunchDays note setAt
  setBy { username profile { firstName lastName position } }`;

export interface BudgetLineView {
  orgUnit: { code: string; name: string; kind: string };
  institutions: number;
  lunchPupils: number;
  lunchRatePerDay: number | null;
  lunchAmount: number;
  milkPupils: number;
  milkAmount: number;
  total: number;
}
export interface BudgetFiguresView {
  basis: 'CONFIRMED' | 'PROVISIONAL' | 'LIVE';
  label: string;
  institutions: number;
  unconfirmed: number | null;
  lunchPupils: number;
  lunchAmount: number;
  milkPupils: number;
  milkAmount: number;
  total: number;
  lines: BudgetLineView[];
}
const FIGURES = `basis label institutions unconfirmed lunchPupils lunchAmount milkPupils milkAmount total
  lines { orgUnit { code name kind } institutions lunchPupils lunchRatePerDay lunchAmount milkPupils milkAmount total }`;

export interface BudgetPreviewView {
  orgUnit: { code: string; name: string };
  roundId: string | null;
  ratesOn: string;
  milkKind: MilkKind;
  rates: RatesView;
  confirmed: BudgetFiguresView | null;
  /** Confirmed only below the level asked: shown apart, never in the official figures. */
  provisional: BudgetFiguresView | null;
  live: BudgetFiguresView;
}

export const BUDGET_PREVIEW: TypedDocumentNode<
  { budgetPreview: BudgetPreviewView },
  { orgUnitCode: string; roundId?: string | null; milkKind: MilkKind }
> = gql`
  query BudgetPreview($orgUnitCode: String!, $roundId: ID, $milkKind: MilkKind) {
    budgetPreview(orgUnitCode: $orgUnitCode, roundId: $roundId, milkKind: $milkKind) {
      orgUnit { code name } roundId ratesOn milkKind rates { ${RATES} }
      confirmed { ${FIGURES} } provisional { ${FIGURES} } live { ${FIGURES} }
    }
  }
`;

export const BUDGET_RATES: TypedDocumentNode<{ budgetRates: RatesView[] }> = gql`
  query BudgetRates { budgetRates { ${RATES} } }
`;

export interface RatesInput {
  effectiveFrom: string;
  lunchBands: LunchBand[];
  lunchDays: number;
  milkDays: number;
  milkPasteurisedPerBag: number;
  milkUhtPerBox: number;
  cdcLunchPerDay: number | null;
  cdcLunchDays: number | null;
  note: string | null;
}
export const SET_BUDGET_RATES: TypedDocumentNode<{ setBudgetRates: RatesView }, { input: RatesInput }> = gql`
  mutation SetBudgetRates($input: BudgetRatesInput!) { setBudgetRates(input: $input) { ${RATES} } }
`;
