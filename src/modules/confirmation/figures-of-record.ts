import type { EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import {
  ancestorColumn,
  atOrAbove,
  confirmingLevels,
  isAbove,
  levelOf,
  type ConfirmingLevel,
} from '../chain/levels';
import type { GradeSexCount } from './confirmation.events';
import {
  countedDatasets,
  specOf,
  type Dataset,
  type DatasetSpec,
  type FiguresSection,
} from '../chain/dataset';

/**
 * The figures of record, read the one way every consumer (figures, budget, reports, open data)
 * shares. A first holder's confirmation in force (an institution's register, an LAO's funded-school
 * counts) is a *leaf*; it reaches the highest level whose confirmation in force took it in: its
 * LAO's if the LAO confirmed after it, its province's if the province confirmed after that LAO.
 * (A confirmation above sums the confirmations in force below at that moment, and none of those can
 * be revoked while it stands, so "confirmed later and still in force" is "summed by it".)
 *
 * The figure of a unit is official up to its own level: a province's is what its province
 * confirmation took in, the country's what the provinces' took in (the department confirms
 * nothing), an LAO's what it confirmed. Leaves that reached only a lower level are provisional and
 * are always reported apart, never mixed in.
 */

/** Where the figures are asked for: a unit (and optionally one district of a province). */
export interface RecordScope {
  unit: { code: string; kind: OrgUnitKind };
  district?: string | null;
}

/** The level up to which a unit's figures must be confirmed to be its figures of record. */
export function requiredLevel(kind: OrgUnitKind): ConfirmingLevel {
  const level = levelOf(kind);
  if (level === 'DEPARTMENT') return 'PROVINCE';
  // A funded school's counts are recorded and confirmed by its LAO.
  if (kind === 'OTHER_SCHOOL') return 'LAO';
  return level;
}

export function isOfficial(reach: ConfirmingLevel, scopeKind: OrgUnitKind): boolean {
  return atOrAbove(reach, requiredLevel(scopeKind));
}

/** The kind of unit whose confirmations are the leaves of a dataset. */
function leafKind(spec: DatasetSpec): OrgUnitKind {
  return spec.firstLevel === 'INSTITUTION' ? spec.sourceKind : 'LAO';
}

function scopeWhere(scope: RecordScope, params: unknown[]): string {
  const p = (v: unknown) => `$${params.push(v)}`;
  const level = levelOf(scope.unit.kind);
  if (level === 'DEPARTMENT') return 'TRUE';
  if (level === 'INSTITUTION') return `o.code = ${p(scope.unit.code)}`;
  const own = `o.${ancestorColumn[level]} = ${p(scope.unit.code)}`;
  return scope.district ? `${own} AND o.district = ${p(scope.district)}` : own;
}

/**
 * FROM … WHERE of the leaves of one dataset under a scope, with `reach` — the chain of
 * confirmations in force above each leaf, each later than the one below it.
 */
function leavesSql(spec: DatasetSpec, roundId: string, scope: RecordScope, params: unknown[]) {
  params.push(roundId, spec.dataset, leafKind(spec));
  const chain = confirmingLevels.filter((l) => isAbove(l, spec.firstLevel)) as ('LAO' | 'PROVINCE')[];
  const joins = chain.map(
    (level, i) =>
      `LEFT JOIN confirmations a${i} ON a${i}.round_id = c.round_id AND a${i}.dataset = c.dataset
         AND a${i}.org_unit_code = o.${ancestorColumn[level]} AND a${i}.confirmed
         AND a${i}.confirmed_position > ${i === 0 ? 'c' : `a${i - 1}`}.confirmed_position`,
  );
  const reach = `CASE ${chain
    .map((level, i) => ({ level, i }))
    .reverse()
    .map(({ level, i }) => `WHEN a${i}.org_unit_code IS NOT NULL THEN '${level}'`)
    .join(' ')} ELSE '${spec.firstLevel}' END`;
  const from = `FROM confirmations c JOIN org_units o ON o.code = c.org_unit_code ${joins.join(' ')}
   WHERE c.round_id = $1 AND c.confirmed AND c.dataset = $2 AND o.kind = $3 AND ${scopeWhere(scope, params)}`;
  return { from, reach };
}

/** One first holder's confirmation in force and how far up it is confirmed. */
export interface RecordLeaf {
  code: string;
  kind: OrgUnitKind;
  laoCode: string | null;
  provinceCode: string | null;
  dataset: Dataset;
  counts: GradeSexCount[];
  /** What it summed, if anything (an LAO's funded schools with their totals). */
  parts: { code: string; total: number | null }[] | null;
  reach: ConfirmingLevel;
}

/** Every leaf under a scope, for consumers that need them one by one (the budget bands by school size). */
export async function recordLeaves(
  m: EntityManager,
  roundId: string,
  scope: RecordScope,
  datasets: readonly Dataset[] = countedDatasets,
): Promise<RecordLeaf[]> {
  const out: RecordLeaf[] = [];
  for (const dataset of datasets) {
    const params: unknown[] = [];
    const { from, reach } = leavesSql(specOf(dataset), roundId, scope, params);
    const rows: RecordLeaf[] = await m.query(
      `SELECT c.org_unit_code AS code, o.kind, o.lao_code AS "laoCode", o.province_code AS "provinceCode",
              c.dataset, c.counts, c.parts, ${reach} AS reach ${from} ORDER BY c.org_unit_code`,
      params,
    );
    out.push(...rows);
  }
  return out;
}

/** Counts by grade and sex of one section of the figures, summed over leaves that reached one level. */
export interface ReachSum {
  section: FiguresSection;
  reach: ConfirmingLevel;
  counts: GradeSexCount[];
}

/** The leaves' counts summed in SQL by section and reach (the figures read these at any scale). */
export async function recordSums(m: EntityManager, roundId: string, scope: RecordScope): Promise<ReachSum[]> {
  const sums = new Map<string, ReachSum>();
  for (const dataset of countedDatasets) {
    const spec = specOf(dataset);
    const params: unknown[] = [];
    const { from, reach } = leavesSql(spec, roundId, scope, params);
    const rows: {
      reach: ConfirmingLevel;
      grade: GradeSexCount['grade'];
      sex: GradeSexCount['sex'];
      n: number;
    }[] = await m.query(
      `SELECT l.reach, x.grade, x.sex, sum(x.count)::int AS n
           FROM (SELECT c.counts, ${reach} AS reach ${from}) l
           CROSS JOIN LATERAL jsonb_to_recordset(l.counts) AS x(grade text, sex text, count int)
          GROUP BY l.reach, x.grade, x.sex`,
      params,
    );
    for (const r of rows) {
      const key = `${spec.section}|${r.reach}`;
      const sum = sums.get(key) ?? { section: spec.section!, reach: r.reach, counts: [] };
      sums.set(key, sum);
      const cell = sum.counts.find((c) => c.grade === r.grade && c.sex === r.sex);
      if (cell) cell.count += Number(r.n);
      else sum.counts.push({ grade: r.grade, sex: r.sex, count: Number(r.n) });
    }
  }
  return [...sums.values()];
}
