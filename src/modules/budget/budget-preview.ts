import type { EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { levelLabels } from '../chain/levels';
import { requiredLevel } from '../confirmation/figures-of-record';
import type { Grade } from '../pupils/rules/grades';
import type { BudgetRatesData } from './budget-rates.rules';
import {
  addTo,
  emptyTotals,
  institutionBudget,
  toBaht,
  type BudgetTotals,
  type GradeCounts,
  type InstitutionKind,
  type MilkKind,
} from './budget.arithmetic';

/** An institution the budget counts: a school, a CDC, or a funded school of another affiliation. */
export interface BudgetInstitution {
  code: string;
  kind: InstitutionKind;
  laoCode: string | null;
  provinceCode: string | null;
}

/** Where a preview is asked for: the country (the department), a province or an LAO. */
export interface BudgetScope {
  code: string;
  kind: Extract<OrgUnitKind, 'DEPARTMENT' | 'PROVINCE' | 'LAO'>;
}

export interface BudgetLineView {
  orgUnitCode: string;
  institutions: number;
  lunchPupils: number;
  /** For one institution: its band's rate; null for a group. */
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
  lunchPupils: number;
  lunchAmount: number;
  milkPupils: number;
  milkAmount: number;
  total: number;
  /** By institution for an LAO, by LAO for a province, by province for the country. */
  lines: BudgetLineView[];
  /** Institutions in scope with no figures of record in the round (CONFIRMED only). */
  unconfirmed: number | null;
}

const SCOPE_COLUMN: Record<BudgetScope['kind'], string> = {
  DEPARTMENT: '$1::text IS NOT NULL',
  PROVINCE: 'ou.province_code = $1',
  LAO: 'ou.lao_code = $1',
};

export async function institutionsIn(m: EntityManager, scope: BudgetScope): Promise<BudgetInstitution[]> {
  const rows: {
    code: string;
    kind: InstitutionKind;
    lao_code: string | null;
    province_code: string | null;
  }[] = await m.query(
    `SELECT ou.code, ou.kind, ou.lao_code, ou.province_code FROM org_units ou
        WHERE ou.kind IN ('SCHOOL', 'CDC', 'OTHER_SCHOOL') AND (${SCOPE_COLUMN[scope.kind]}) ORDER BY ou.code`,
    [scope.code],
  );
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    laoCode: r.lao_code,
    provinceCode: r.province_code,
  }));
}

/** Counts as they stand now: pupils active on each register, and each funded school's latest recorded counts. */
export async function liveCounts(m: EntityManager, scope: BudgetScope): Promise<Map<string, GradeCounts>> {
  const rows: { code: string; grade: Grade; n: number }[] = await m.query(
    `SELECT p.institution_code AS code, p.grade, count(*)::int AS n
       FROM pupils p JOIN org_units ou ON ou.code = p.institution_code
      WHERE p.status = 'ACTIVE' AND (${SCOPE_COLUMN[scope.kind]})
      GROUP BY p.institution_code, p.grade
     UNION ALL
     SELECT c.school_code, c.grade, (c.male + c.female)::int
       FROM other_school_counts c JOIN org_units ou ON ou.code = c.school_code
      WHERE (${SCOPE_COLUMN[scope.kind]})`,
    [scope.code],
  );
  const counts = new Map<string, GradeCounts>();
  for (const r of rows) {
    const c = counts.get(r.code) ?? {};
    c[r.grade] = (c[r.grade] ?? 0) + Number(r.n);
    counts.set(r.code, c);
  }
  return counts;
}

const groupOf = (scope: BudgetScope, i: BudgetInstitution) =>
  scope.kind === 'LAO'
    ? i.code
    : scope.kind === 'PROVINCE'
      ? (i.laoCode ?? i.code)
      : (i.provinceCode ?? i.code);

const baht = (t: BudgetTotals) => ({
  institutions: t.institutions,
  lunchPupils: t.lunchPupils,
  lunchAmount: toBaht(t.lunchSatang),
  milkPupils: t.milkPupils,
  milkAmount: toBaht(t.milkSatang),
  total: toBaht(t.lunchSatang + t.milkSatang),
});

const levelName = (scope: BudgetScope) => levelLabels[requiredLevel(scope.kind)];
const basisLabels: Record<BudgetFiguresView['basis'], (scope: BudgetScope) => string> = {
  CONFIRMED: (scope) => `ตามข้อมูลที่ยืนยันแล้วถึงระดับ${levelName(scope)}ของรอบ (ข้อมูลที่ใช้จัดสรรงบประมาณ)`,
  PROVISIONAL: (scope) =>
    `ยืนยันแล้วเฉพาะระดับล่าง ระดับ${levelName(scope)}ยังไม่ยืนยันหรือยกเลิกการยืนยันแล้ว (ยังไม่ใช่ข้อมูลที่ใช้จัดสรรงบประมาณ)`,
  LIVE: () => 'ประมาณการจากทะเบียนปัจจุบัน (ยังไม่ใช่ข้อมูลที่ยืนยันแล้ว)',
};

/**
 * The budget of every institution with counts, summed by the level below the scope's. Institutions
 * without counts (none given) are left out of the sums; `unconfirmed` reports them when asked.
 */
export function figuresOf(
  basis: BudgetFiguresView['basis'],
  scope: BudgetScope,
  institutions: readonly BudgetInstitution[],
  counts: ReadonlyMap<string, GradeCounts>,
  rates: BudgetRatesData,
  milk: MilkKind,
): BudgetFiguresView {
  const total = emptyTotals();
  const groups = new Map<string, { totals: BudgetTotals; rate: number | null }>();
  let without = 0;
  for (const i of institutions) {
    const c = counts.get(i.code);
    if (!c) {
      without += 1;
      if (basis !== 'LIVE') continue;
    }
    const b = institutionBudget(rates, i.kind, c ?? {}, milk);
    addTo(total, b);
    const key = groupOf(scope, i);
    const g = groups.get(key) ?? { totals: emptyTotals(), rate: null };
    addTo(g.totals, b);
    if (scope.kind === 'LAO') g.rate = b.lunchRatePerDay;
    groups.set(key, g);
  }
  return {
    basis,
    label: basisLabels[basis](scope),
    ...baht(total),
    lines: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([orgUnitCode, g]) => ({ orgUnitCode, lunchRatePerDay: g.rate, ...baht(g.totals) })),
    unconfirmed: basis === 'LIVE' ? null : without,
  };
}
