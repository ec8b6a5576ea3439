import type { EntityManager } from 'typeorm';
import type { OtherSchoolCountsRecorded } from '../other-schools/other-school.events';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import type { CountScope } from './count-scope';
import { isOfficial, recordSums, requiredLevel } from '../confirmation/figures-of-record';
import { recordedCountsDataset, type FiguresSection } from '../chain/dataset';
import { isAbove, type ConfirmingLevel } from '../chain/levels';
import type { GradeSexCell } from './figures.model';

const cells = (rows: { grade: Grade; sex: Sex; count: number }[]): GradeSexCell[] =>
  rows.map((r) => ({ grade: r.grade, sex: r.sex, count: Number(r.count) }));

/** A funded school's counts as its LAO confirmed them: its last record before that confirmation. */
async function confirmedOtherSchool(
  m: EntityManager,
  scope: CountScope,
  roundId: string,
): Promise<GradeSexCell[]> {
  const rows: { data: OtherSchoolCountsRecorded['data'] }[] = await m.query(
    `SELECT e.data FROM org_units o
       JOIN confirmations c ON c.org_unit_code = o.lao_code AND c.round_id = $1
        AND c.dataset = $3 AND c.confirmed
       JOIN events e ON e.stream_id = 'OtherSchool-' || o.code AND e.global_position < c.confirmed_position
      WHERE o.code = $2 AND e.type = 'OtherSchoolCountsRecorded'
      ORDER BY e.global_position DESC LIMIT 1`,
    [roundId, scope.unit.code, recordedCountsDataset()],
  );
  return (rows[0]?.data.counts ?? []).flatMap((g) => [
    { grade: g.grade, sex: 'MALE' as const, count: g.male },
    { grade: g.grade, sex: 'FEMALE' as const, count: g.female },
  ]);
}

type ConfirmedCells = { enrolled: GradeSexCell[]; otherSchools: GradeSexCell[] };

/** Figures that reached only a level below the one asked: confirmed there, not yet above. */
export interface ProvisionalCells extends ConfirmedCells {
  level: ConfirmingLevel;
}

export interface ConfirmedFiguresCells extends ConfirmedCells {
  /** The level the official figures are confirmed up to (the scope's own, or the provinces' for the country). */
  upTo: ConfirmingLevel;
  /** Highest level first. */
  provisional: ProvisionalCells[];
}

const sectionKey: Record<FiguresSection, keyof ConfirmedCells> = {
  REGISTER: 'enrolled',
  OTHER_SCHOOLS: 'otherSchools',
};

/**
 * The confirmed figures of a round under a scope (figures-of-record.ts): official — confirmed up to
 * the scope's level (a province's confirmation in force; the provinces' for the country) — and,
 * apart, what is confirmed only lower down, by the level it reached. A funded school's figures are
 * its last record before its LAO's confirmation in force.
 */
export async function readConfirmedCounts(
  m: EntityManager,
  scope: CountScope,
  roundId: string,
): Promise<ConfirmedFiguresCells> {
  const upTo = requiredLevel(scope.unit.kind);
  const official: ConfirmedCells = { enrolled: [], otherSchools: [] };
  const provisional = new Map<ConfirmingLevel, ProvisionalCells>();
  for (const sum of await recordSums(m, roundId, scope)) {
    const target = isOfficial(sum.reach, scope.unit.kind)
      ? official
      : (provisional.get(sum.reach) ??
        provisional.set(sum.reach, { level: sum.reach, enrolled: [], otherSchools: [] }).get(sum.reach)!);
    target[sectionKey[sum.section]].push(...cells(sum.counts));
  }
  if (scope.unit.kind === 'OTHER_SCHOOL')
    official.otherSchools = await confirmedOtherSchool(m, scope, roundId);
  return {
    ...official,
    upTo,
    provisional: [...provisional.values()].sort((a, b) => (isAbove(a.level, b.level) ? -1 : 1)),
  };
}
