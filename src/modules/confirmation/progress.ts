import type { EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { daysBetween } from './tasks';
import {
  ancestorColumn,
  atOrAbove,
  confirmingLevels,
  deadlineColumn,
  isAbove,
  levelOf,
  type ConfirmingLevel,
} from '../chain/levels';
import { datasetSpecs, type Dataset } from '../chain/dataset';
import { RoundRow } from '../rounds/round.entity';
import { roundForReading } from './confirmation.reads';
import { todayInBangkok } from '../../shared/thai-calendar';

/** The levels whose progress a unit follows: every confirming level below it. */
export type ProgressLevel = ConfirmingLevel;
/** Top down: the confirming levels under a unit's own. */
const levelsBelow = (kind: OrgUnitKind): ProgressLevel[] =>
  confirmingLevels.filter((l) => isAbove(levelOf(kind), l)).reverse();
/** How many of the units not yet confirmed are listed by code (the counts are always complete). */
export const LISTED = 200;

export interface DatasetProgressView {
  dataset: Dataset;
  units: number;
  confirmed: number;
  late: number;
  deadline: string;
  daysLeft: number;
  notConfirmedCodes: string[];
}
export interface LevelProgressView {
  level: ProgressLevel;
  datasets: DatasetProgressView[];
}
export interface ProvinceProgressView {
  provinceCode: string;
  levels: LevelProgressView[];
}
export interface ConfirmationProgressView {
  orgUnitCode: string;
  round: RoundRow;
  levels: LevelProgressView[];
  byProvince: ProvinceProgressView[];
}

function unitsSql(level: ProgressLevel, scope: { kind: OrgUnitKind; code: string }): string {
  const own = levelOf(scope.kind);
  const subtree = own === 'DEPARTMENT' ? 'true' : `u.${ancestorColumn[own as 'LAO' | 'PROVINCE']} = $4`;
  // A unit of the level holds the dataset when units of its source kind sit under it (or it is one).
  const holds =
    level === 'INSTITUTION'
      ? 'u.kind = $3'
      : `u.kind = '${level}' AND EXISTS (SELECT 1 FROM org_units i WHERE i.${ancestorColumn[level]} = u.code AND i.kind = $3)`;
  return `FROM org_units u
    JOIN rounds r ON r.id = $1
    LEFT JOIN confirmations c ON c.round_id = $1 AND c.org_unit_code = u.code AND c.dataset = $2
    LEFT JOIN round_extensions e ON e.round_id = $1 AND e.org_unit_code = u.code
   WHERE ${holds} AND ${subtree}`;
}

/**
 * Per level below a unit and per dataset: how many units hold it, how many confirmed, how many are
 * late (confirmed after their deadline, or past it and not confirmed), who has not (first LISTED by
 * code), and the days to the level's deadline. Counted in SQL, grouped by province, so the
 * department's national view and its by-province table come from the same queries.
 */
export async function confirmationProgress(
  tx: EntityManager,
  roundId: string,
  scope: { kind: OrgUnitKind; code: string },
  today: string,
): Promise<{ levels: LevelProgressView[]; byProvince: ProvinceProgressView[] }> {
  const levels: LevelProgressView[] = [];
  // Department only: the same figures per province, level by level.
  const provinces = new Map<string, Map<ProgressLevel, DatasetProgressView[]>>();
  const [round]: Record<string, string>[] = await tx.query(
    `SELECT to_char(province_deadline, 'YYYY-MM-DD') AS "PROVINCE", to_char(lao_deadline, 'YYYY-MM-DD') AS "LAO",
            to_char(institution_deadline, 'YYYY-MM-DD') AS "INSTITUTION" FROM rounds WHERE id = $1`,
    [roundId],
  );
  for (const level of levelsBelow(scope.kind)) {
    const rows: DatasetProgressView[] = [];
    for (const { dataset, sourceKind, firstLevel } of datasetSpecs) {
      if (!atOrAbove(level, firstLevel)) continue;
      const from = unitsSql(level, scope);
      const params = [roundId, dataset, sourceKind, ...(scope.kind === 'DEPARTMENT' ? [] : [scope.code])];
      const groups: { province: string; units: number; confirmed: number; late: number }[] = await tx.query(
        `SELECT u.province_code AS province, count(*)::int AS units,
                count(*) FILTER (WHERE c.confirmed)::int AS confirmed,
                count(*) FILTER (WHERE (c.confirmed AND c.late) OR (NOT coalesce(c.confirmed, false)
                  AND $${params.length + 1}::date > GREATEST(r.${deadlineColumn[level]}, e.until)))::int AS late
           ${from} GROUP BY u.province_code`,
        [...params, today],
      );
      if (!groups.length) continue;
      const missing: { code: string }[] = await tx.query(
        `SELECT u.code ${from} AND NOT coalesce(c.confirmed, false) ORDER BY u.code LIMIT ${LISTED}`,
        params,
      );
      const deadline = round[level];
      const base = { dataset, deadline, daysLeft: daysBetween(today, deadline) };
      const sum = (k: 'units' | 'confirmed' | 'late') => groups.reduce((n, g) => n + g[k], 0);
      rows.push({
        ...base,
        units: sum('units'),
        confirmed: sum('confirmed'),
        late: sum('late'),
        notConfirmedCodes: missing.map((m) => m.code),
      });
      if (scope.kind === 'DEPARTMENT')
        for (const g of groups) {
          const byLevel = provinces.get(g.province) ?? new Map<ProgressLevel, DatasetProgressView[]>();
          provinces.set(g.province, byLevel);
          byLevel.set(level, [
            ...(byLevel.get(level) ?? []),
            { ...base, units: g.units, confirmed: g.confirmed, late: g.late, notConfirmedCodes: [] },
          ]);
        }
    }
    levels.push({ level, datasets: rows });
  }
  const byProvince = [...provinces]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provinceCode, byLevel]) => ({
      provinceCode,
      levels: [...byLevel].map(([level, ds]) => ({ level, datasets: ds })),
    }));
  return { levels, byProvince };
}

/** A unit's progress in a round (the one named, else the open or latest); null when no round was ever opened. */
export async function progressOf(
  manager: EntityManager,
  unit: { kind: OrgUnitKind; code: string },
  roundId: string | null,
): Promise<ConfirmationProgressView | null> {
  const round = await roundForReading(manager, roundId);
  if (!round) return null;
  const progress = await confirmationProgress(manager, round.id, unit, todayInBangkok(new Date()));
  return {
    orgUnitCode: unit.code,
    round: await manager.findOneByOrFail(RoundRow, { id: round.id }),
    ...progress,
  };
}
