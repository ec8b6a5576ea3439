import type { OrgUnitKind } from './org-unit-kind';

/**
 * The four levels of DOMAIN.md ("Who uses it") and where each kind of unit stands: the one place
 * for "unit kind → level" rules. Funded schools of another affiliation sit at the institution level
 * of the tree (under their LAO) but confirm nothing: their LAO records and confirms their counts.
 */
export type Level = 'INSTITUTION' | 'LAO' | 'PROVINCE' | 'DEPARTMENT';
/** The levels that confirm, bottom up. */
export type ConfirmingLevel = Exclude<Level, 'DEPARTMENT'>;
export const confirmingLevels: readonly ConfirmingLevel[] = ['INSTITUTION', 'LAO', 'PROVINCE'];

const levelOfKind: Record<OrgUnitKind, Level> = {
  DEPARTMENT: 'DEPARTMENT',
  PROVINCE: 'PROVINCE',
  LAO: 'LAO',
  SCHOOL: 'INSTITUTION',
  CDC: 'INSTITUTION',
  OTHER_SCHOOL: 'INSTITUTION',
};
const rank: Record<Level, number> = { INSTITUTION: 0, LAO: 1, PROVINCE: 2, DEPARTMENT: 3 };

export const levelLabels: Record<Level, string> = {
  INSTITUTION: 'สถานศึกษา',
  LAO: 'อปท.',
  PROVINCE: 'จังหวัด',
  DEPARTMENT: 'กรม',
};

export function levelOf(kind: OrgUnitKind): Level {
  return levelOfKind[kind];
}

export function isAbove(a: Level, b: Level): boolean {
  return rank[a] > rank[b];
}

export function atOrAbove(a: Level, b: Level): boolean {
  return rank[a] >= rank[b];
}

/** The level directly above (null for the department). */
export function levelAbove(level: Level): Level | null {
  return (Object.keys(rank) as Level[]).find((l) => rank[l] === rank[level] + 1) ?? null;
}

/** The level directly below (null for institutions). */
export function levelBelow(level: Level): Level | null {
  return (Object.keys(rank) as Level[]).find((l) => rank[l] === rank[level] - 1) ?? null;
}

/** Units that confirm at all: schools, CDCs, LAOs and provinces (the department only revokes). */
export function confirmsAtAll(kind: OrgUnitKind): boolean {
  return kind !== 'DEPARTMENT' && kind !== 'OTHER_SCHOOL';
}

/**
 * The column of `org_units` that names a unit's ancestor at a level, so "the subtree of X" is
 * `<column> = X` (an LAO's and a province's own rows carry their own code there).
 */
export const ancestorColumn: Record<'LAO' | 'PROVINCE', 'lao_code' | 'province_code'> = {
  LAO: 'lao_code',
  PROVINCE: 'province_code',
};

/** The round's deadline column for each confirming level. */
export const deadlineColumn: Record<ConfirmingLevel, string> = {
  INSTITUTION: 'institution_deadline',
  LAO: 'lao_deadline',
  PROVINCE: 'province_deadline',
};
