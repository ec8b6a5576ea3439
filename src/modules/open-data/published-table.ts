import type { GradeSexCount } from '../confirmation/confirmation.events';
import { grades, type Grade } from '../pupils/rules/grades';
import { suppress, shown, type Equation, type Mark, COMPLEMENTARY_MARK, SMALL_MARK } from './suppression';
import { isInstitution } from '../chain/org-unit-kind';

/**
 * The published table of a closed round (pure): the units' figures of record laid out as cells,
 * the equations that tie them (margins inside a unit, a parent = the sum of its children), and
 * the suppressed view of them. Areas (country, province, district, LAO) by grade and sex;
 * institutions by grade only (issue 15): fewer, larger cells.
 */

export type PublicUnitKind = 'COUNTRY' | 'PROVINCE' | 'DISTRICT' | 'LAO' | 'SCHOOL' | 'CDC';
export const COUNTRY_CODE = 'TH';

export interface UnitFigures {
  code: string;
  name: string;
  kind: PublicUnitKind;
  parentCode: string | null;
  /** When the confirmation in force was made (the latest of its datasets); null for sums. */
  confirmedAt: string | null;
  counts: readonly GradeSexCount[];
}

export type ShownValue = number | typeof SMALL_MARK | typeof COMPLEMENTARY_MARK;

export interface PublishedGrade {
  grade: Grade;
  /** Areas only. */
  male: ShownValue | null;
  female: ShownValue | null;
  total: ShownValue;
}

export interface PublishedUnit {
  code: string;
  name: string;
  kind: PublicUnitKind;
  parentCode: string | null;
  confirmedAt: string | null;
  grades: PublishedGrade[];
  total: { male: ShownValue | null; female: ShownValue | null; total: ShownValue };
}

const bySex = (kind: PublicUnitKind) => !isInstitution(kind);

/** Cells per unit: areas 16 grades × (male, female, total) + (male, female, total); institutions 16 + 1. */
function cellCount(kind: PublicUnitKind): number {
  return bySex(kind) ? grades.length * 3 + 3 : grades.length + 1;
}

function cellValues(u: UnitFigures): number[] {
  const male = new Map<Grade, number>();
  const female = new Map<Grade, number>();
  for (const c of u.counts) {
    const m = c.sex === 'MALE' ? male : female;
    m.set(c.grade, (m.get(c.grade) ?? 0) + c.count);
  }
  const out: number[] = [];
  let tm = 0;
  let tf = 0;
  for (const g of grades) {
    const m = male.get(g) ?? 0;
    const f = female.get(g) ?? 0;
    tm += m;
    tf += f;
    if (bySex(u.kind)) out.push(m, f, m + f);
    else out.push(m + f);
  }
  if (bySex(u.kind)) out.push(tm, tf, tm + tf);
  else out.push(tm + tf);
  return out;
}

export interface LaidOutTable {
  units: readonly UnitFigures[];
  /** The index of each unit's first cell. */
  offsets: number[];
  values: number[];
  equations: Equation[];
  /** Elimination groups: each province's subtree, and the national table (country + provinces). */
  eliminationGroups: number[][];
}

/** Cell index helpers for a unit starting at `o`. */
const areaCell = (o: number, gi: number, s: 0 | 1 | 2) => o + gi * 3 + s;
const areaTotal = (o: number, s: 0 | 1 | 2) => o + grades.length * 3 + s;
const instCell = (o: number, gi: number) => o + gi;
const instTotal = (o: number) => o + grades.length;

/** Lays the units out as cells and equations; a parent–children equation only where it holds. */
export function layOut(units: readonly UnitFigures[]): LaidOutTable {
  const offsets: number[] = [];
  const values: number[] = [];
  for (const u of units) {
    offsets.push(values.length);
    values.push(...cellValues(u));
  }
  const equations: Equation[] = [];
  // The group of each equation: the province whose subtree it belongs to, or '' for the national
  // table; a province's own equations belong to both.
  const groupsOf: string[][] = [];
  let current: string[] = [];
  const push = (e: Equation): void => {
    equations.push(e);
    groupsOf.push(current);
  };
  const index0 = new Map(units.map((u, i) => [u.code, i]));
  const provinceOf = (ui: number): string => {
    let u = units[ui];
    for (let guard = 0; u && u.kind !== 'PROVINCE' && u.parentCode !== null && guard < 10; guard++) {
      const p = index0.get(u.parentCode);
      if (p === undefined) return u.kind === 'COUNTRY' ? '' : `orphan:${u.code}`;
      u = units[p];
    }
    return u && u.kind === 'PROVINCE' ? u.code : '';
  };
  units.forEach((u, ui) => {
    const o = offsets[ui];
    const province = provinceOf(ui);
    current = u.kind === 'PROVINCE' ? [province, ''] : [province];
    if (bySex(u.kind)) {
      grades.forEach((_, gi) =>
        push({ total: areaCell(o, gi, 2), parts: [areaCell(o, gi, 0), areaCell(o, gi, 1)] }),
      );
      for (const s of [0, 1] as const)
        push({ total: areaTotal(o, s), parts: grades.map((_, gi) => areaCell(o, gi, s)) });
      push({ total: areaTotal(o, 2), parts: [areaTotal(o, 0), areaTotal(o, 1)] });
      push({ total: areaTotal(o, 2), parts: grades.map((_, gi) => areaCell(o, gi, 2)) });
    } else {
      push({ total: instTotal(o), parts: grades.map((_, gi) => instCell(o, gi)) });
    }
  });
  const index = new Map(units.map((u, i) => [u.code, i]));
  const children = new Map<number, number[]>();
  units.forEach((u, i) => {
    const p = u.parentCode === null ? undefined : index.get(u.parentCode);
    if (p === undefined) return;
    const list = children.get(p);
    if (list) list.push(i);
    else children.set(p, [i]);
  });
  for (const [p, kids] of children) {
    const parent = units[p];
    current = [parent.kind === 'COUNTRY' ? '' : provinceOf(p)];
    const po = offsets[p];
    const kidsBySex = kids.every((k) => bySex(units[k].kind));
    // Which cell of the parent matches which cell of a child.
    const pairs: [parentCell: number, childCell: (o: number) => number][] = [];
    if (bySex(parent.kind) && kidsBySex) {
      for (let c = 0; c < cellCount(parent.kind); c++) pairs.push([po + c, (o) => o + c]);
    } else if (bySex(parent.kind)) {
      grades.forEach((_, gi) => pairs.push([areaCell(po, gi, 2), (o) => instCell(o, gi)]));
      pairs.push([areaTotal(po, 2), (o) => instTotal(o)]);
    }
    for (const [pc, childCell] of pairs) {
      const parts = kids.map((k) => childCell(offsets[k]));
      // An LAO's figures include its funded schools, which are not published one by one: the
      // equation is only known to a reader where it holds exactly, and then it is protected.
      if (parts.reduce((s, c) => s + values[c], 0) === values[pc]) push({ total: pc, parts });
    }
  }
  const groups = new Map<string, number[]>();
  groupsOf.forEach((gs, i) => {
    for (const g of gs) {
      const list = groups.get(g);
      if (list) list.push(i);
      else groups.set(g, [i]);
    }
  });
  return { units, offsets, values, equations, eliminationGroups: [...groups.values()] };
}

function toShown(table: LaidOutTable, marks: readonly Mark[], ui: number): PublishedUnit {
  const u = table.units[ui];
  const o = table.offsets[ui];
  const v = (c: number) => shown(table.values[c], marks[c]);
  const sexed = bySex(u.kind);
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentCode: u.parentCode,
    confirmedAt: u.confirmedAt,
    grades: grades.map((grade, gi) =>
      sexed
        ? {
            grade,
            male: v(areaCell(o, gi, 0)),
            female: v(areaCell(o, gi, 1)),
            total: v(areaCell(o, gi, 2)),
          }
        : { grade, male: null, female: null, total: v(instCell(o, gi)) },
    ),
    total: sexed
      ? { male: v(areaTotal(o, 0)), female: v(areaTotal(o, 1)), total: v(areaTotal(o, 2)) }
      : { male: null, female: null, total: v(instTotal(o)) },
  };
}

/** The units as the public sees them: every small cell and its complements hidden. */
export function publishUnits(units: readonly UnitFigures[]): {
  units: PublishedUnit[];
  marks: Mark[];
  table: LaidOutTable;
} {
  const table = layOut(units);
  const marks = suppress(table);
  return { units: units.map((_, i) => toShown(table, marks, i)), marks, table };
}
