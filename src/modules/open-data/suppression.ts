// Over 300 lines on purpose: the three attacks a suppression must survive (single hidden cell,
// interval propagation, elimination) share one cell/equation model and are run in one loop; apart,
// each file would re-declare that model.
/**
 * Small-cell suppression of published figures (pure).
 *
 * The published figures are a set of cells (non-negative integers) tied by additive equations:
 * a total equals the sum of its parts (a grade's boys + girls, a unit's grades, a province's
 * districts, ...). A cell between 1 and 4 is not shown (`SMALL`, printed `<5`). Hiding it is not
 * enough: if it is the only hidden cell of an equation, its total minus the shown parts gives it
 * back. So more cells are hidden (`COMPLEMENTARY`, printed `x`) until no hidden cell can be
 * recomputed by an attacker who knows every shown cell, every equation, that a `<5` lies in 1..4
 * and that an `x` is at least 5 (a zero is never hidden as a complement):
 * - by intervals: the bounds every equation puts on its hidden cells, tightened to a fixpoint
 *   (this covers "total minus the others", repeated across rows and columns);
 * - by linear algebra: a hidden cell that is a linear combination of shown values, found by
 *   elimination over groups of equations (by default every group sharing hidden cells; the
 *   published table passes each province's subtree and the national table, which keeps the cost
 *   down on a whole country).
 * The complement chosen is the smallest shown non-zero cell of the equation, a part before a
 * total, so the least information is lost.
 */

export type Mark = 'SHOWN' | 'SMALL' | 'COMPLEMENTARY';

/** `cells[total] = Σ cells[parts]` (indices into the values). */
export interface Equation {
  total: number;
  parts: readonly number[];
}

export interface SuppressionProblem {
  values: readonly number[];
  equations: readonly Equation[];
  /**
   * Equation indices eliminated together (e.g. a province's subtree; the national table). Default:
   * every group of equations sharing hidden cells, which is exact but grows with the country.
   */
  eliminationGroups?: readonly (readonly number[])[];
}

export const SMALL_MAX = 4;
export const SMALL_MARK = '<5';
export const COMPLEMENTARY_MARK = 'x';

export function isSmall(v: number): boolean {
  return v >= 1 && v <= SMALL_MAX;
}

/** What a reader sees for a cell. */
export function shown(value: number, mark: Mark): number | typeof SMALL_MARK | typeof COMPLEMENTARY_MARK {
  if (mark === 'SMALL') return SMALL_MARK;
  if (mark === 'COMPLEMENTARY') return COMPLEMENTARY_MARK;
  return value;
}

export type Interval = [lo: number, hi: number];

/** What an attacker knows of each cell before using any equation. */
function initialInterval(value: number, mark: Mark): Interval {
  if (mark === 'SHOWN') return [value, value];
  if (mark === 'SMALL') return [1, SMALL_MAX];
  return [SMALL_MAX + 1, Infinity];
}

/**
 * The attacker's interval for every cell after tightening the bounds by every equation until
 * nothing changes (a worklist: an equation is looked at again when one of its cells tightened).
 * A hidden cell whose interval is a single value is disclosed.
 */
export function intervalsOf(
  values: readonly number[],
  marks: readonly Mark[],
  equations: readonly Equation[],
  maxVisits = 50 * equations.length + 1000,
): Interval[] {
  const { lo, hi } = boundsOf(values, marks, equations, maxVisits);
  return values.map((_, i) => [lo[i], hi[i]]);
}

function boundsOf(
  values: readonly number[],
  marks: readonly Mark[],
  equations: readonly Equation[],
  maxVisits: number,
  byCell?: ReadonlyMap<number, readonly number[]>,
): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(values.length);
  const hi = new Float64Array(values.length);
  values.forEach((v, i) => {
    const [a, b] = initialInterval(v, marks[i]);
    lo[i] = a;
    hi[i] = b;
  });
  const index = byCell ?? cellIndex(equations);
  const hasHidden = (e: Equation) => marks[e.total] !== 'SHOWN' || e.parts.some((p) => marks[p] !== 'SHOWN');
  const queued = new Uint8Array(equations.length);
  const queue: number[] = [];
  equations.forEach((e, i) => {
    if (hasHidden(e)) {
      queue.push(i);
      queued[i] = 1;
    }
  });
  const changedCell = (cell: number) => {
    for (const j of index.get(cell) ?? [])
      if (!queued[j]) {
        queued[j] = 1;
        queue.push(j);
      }
  };
  const tighten = (cell: number, a: number, b: number) => {
    let changed = false;
    if (a > lo[cell]) {
      lo[cell] = a;
      changed = true;
    }
    if (b < hi[cell]) {
      hi[cell] = b;
      changed = true;
    }
    if (changed) changedCell(cell);
  };
  for (let head = 0, visits = 0; head < queue.length && visits < maxVisits; head++, visits++) {
    const i = queue[head];
    queued[i] = 0;
    const e = equations[i];
    let loSum = 0;
    let hiSum = 0;
    let hiInfinite = 0;
    for (const p of e.parts) {
      loSum += lo[p];
      if (hi[p] === Infinity) hiInfinite++;
      else hiSum += hi[p];
    }
    tighten(e.total, loSum, hiInfinite ? Infinity : hiSum);
    const tLo = lo[e.total];
    const tHi = hi[e.total];
    for (const p of e.parts) {
      if (marks[p] === 'SHOWN') continue;
      const pLo = lo[p];
      const pHi = hi[p];
      const othersLo = loSum - pLo;
      const othersHiInfinite = hiInfinite - (pHi === Infinity ? 1 : 0);
      const othersHi = othersHiInfinite ? Infinity : hiSum - (pHi === Infinity ? 0 : pHi);
      tighten(p, tLo - othersHi, tHi - othersLo);
    }
    if (head > 4 * equations.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  return { lo, hi };
}

function cellIndex(equations: readonly Equation[]): Map<number, number[]> {
  const byCell = new Map<number, number[]>();
  equations.forEach((e, i) => {
    for (const c of [e.total, ...e.parts]) {
      const list = byCell.get(c);
      if (list) list.push(i);
      else byCell.set(c, [i]);
    }
  });
  return byCell;
}

// A prime below 2^26: products of two residues stay below 2^53, exact in a double.
const P = 67108859;

function inverse(a: number): number {
  // Fermat: a^(P-2) mod P, by squaring.
  let result = 1;
  let base = a % P;
  let e = P - 2;
  while (e > 0) {
    if (e & 1) result = (result * base) % P;
    base = (base * base) % P;
    e = Math.floor(e / 2);
  }
  return result;
}

/**
 * The hidden cells of these equations that a linear combination of the equations pins down,
 * found by Gauss–Jordan elimination modulo a large prime over the hidden cells (the shown
 * ones move to the constant side and do not matter for whether a cell is determined).
 */
export function determinedByElimination(marks: readonly Mark[], equations: readonly Equation[]): number[] {
  const unknown = new Map<number, number>();
  const rows: Map<number, number>[] = [];
  for (const e of equations) {
    const row = new Map<number, number>();
    const add = (cell: number, coef: number) => {
      if (marks[cell] === 'SHOWN') return;
      if (!unknown.has(cell)) unknown.set(cell, unknown.size);
      const col = unknown.get(cell)!;
      const v = ((row.get(col) ?? 0) + coef + P) % P;
      if (v) row.set(col, v);
      else row.delete(col);
    };
    add(e.total, P - 1);
    for (const p of e.parts) add(p, 1);
    if (row.size) rows.push(row);
  }
  if (!rows.length) return [];
  // Sparse Gauss–Jordan: one pivot per column, eliminated from every other row.
  const pivots = new Map<number, Map<number, number>>();
  for (const start of rows) {
    let row = new Map(start);
    for (const [col, prow] of pivots) {
      const f = row.get(col);
      if (!f) continue;
      row = combine(row, prow, P - f);
    }
    if (!row.size) continue;
    const [col, lead] = row.entries().next().value as [number, number];
    const inv = inverse(lead);
    for (const [c, v] of row) row.set(c, (v * inv) % P);
    for (const [pc, prow] of pivots) {
      const f = prow.get(col);
      if (f) pivots.set(pc, combine(prow, row, P - f));
    }
    pivots.set(col, row);
  }
  const cellOf = [...unknown.keys()];
  return [...pivots.entries()].filter(([, row]) => row.size === 1).map(([col]) => cellOf[col]);
}

/** a + f·b (mod P), dropping zeros. */
function combine(a: Map<number, number>, b: Map<number, number>, f: number): Map<number, number> {
  const out = new Map(a);
  for (const [c, v] of b) {
    const nv = ((out.get(c) ?? 0) + ((v * f) % P)) % P;
    if (nv) out.set(c, nv);
    else out.delete(c);
  }
  return out;
}

/** The cell to hide next to protect an equation: the smallest shown non-zero part, else its total. */
function complementIn(e: Equation, values: readonly number[], marks: readonly Mark[]): number | null {
  let best: number | null = null;
  for (const p of e.parts) {
    if (marks[p] !== 'SHOWN' || values[p] === 0) continue;
    if (best === null || values[p] < values[best]) best = p;
  }
  if (best !== null) return best;
  return marks[e.total] === 'SHOWN' && values[e.total] !== 0 ? e.total : null;
}

function hiddenCount(e: Equation, marks: readonly Mark[]): number {
  let n = marks[e.total] === 'SHOWN' ? 0 : 1;
  for (const p of e.parts) if (marks[p] !== 'SHOWN') n++;
  return n;
}

/** The equations that hold hidden cells, grouped by the hidden cells they share (union–find). */
function hiddenComponents(
  marks: readonly Mark[],
  equations: readonly Equation[],
): { equations: Equation[]; cells: number[] }[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const withHidden: [Equation, number][] = [];
  for (const e of equations) {
    const hidden = [e.total, ...e.parts].filter((c) => marks[c] !== 'SHOWN');
    if (!hidden.length) continue;
    for (const c of hidden) if (!parent.has(c)) parent.set(c, c);
    for (const c of hidden.slice(1)) parent.set(find(c), find(hidden[0]));
    withHidden.push([e, hidden[0]]);
  }
  const groups = new Map<number, { equations: Equation[]; cells: number[] }>();
  for (const [e, c] of withHidden) {
    const root = find(c);
    const group = groups.get(root) ?? { equations: [], cells: [] };
    group.equations.push(e);
    groups.set(root, group);
  }
  for (const c of parent.keys()) groups.get(find(c))?.cells.push(c);
  return [...groups.values()];
}

/** Marks every cell: `SMALL` (1..4), `COMPLEMENTARY` (hidden to protect them) or `SHOWN`. */
export function suppress(problem: SuppressionProblem): Mark[] {
  const { values, equations } = problem;
  for (const v of values)
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`suppress: a cell must be a non-negative integer (${v})`);
  const marks: Mark[] = values.map((v) => (isSmall(v) ? 'SMALL' : 'SHOWN'));
  const byCell = cellIndex(equations);
  // Equations given a complement in this round: their other disclosures are judged again after it.
  let protectedNow = new Set<number>();
  // Cells hidden since the last elimination: a group without any cannot have become solvable
  // (hiding a cell only takes information away), so it is not eliminated again.
  const sinceElimination = new Set(marks.flatMap((m, i) => (m === 'SHOWN' ? [] : [i])));
  const hide = (cell: number) => {
    marks[cell] = 'COMPLEMENTARY';
    sinceElimination.add(cell);
    for (const i of byCell.get(cell) ?? []) protectedNow.add(i);
  };
  /**
   * Protects one disclosed cell: a complement in the nearest equation that has one, its own
   * equations first, then outwards through the hidden cells they share (when every cell around
   * it is hidden already, what pins it down comes from further away).
   */
  const protect = (cell: number, once = true): boolean => {
    if (once && (byCell.get(cell) ?? []).some((i) => protectedNow.has(i))) return true;
    const seenCells = new Set([cell]);
    const seenEquations = new Set<number>();
    let frontier = [cell];
    while (frontier.length) {
      const next: number[] = [];
      for (const c of frontier)
        for (const i of byCell.get(c) ?? []) {
          if (seenEquations.has(i)) continue;
          seenEquations.add(i);
          const e = equations[i];
          const candidate = complementIn(e, values, marks);
          if (candidate !== null) {
            hide(candidate);
            return true;
          }
          for (const h of [e.total, ...e.parts])
            if (marks[h] !== 'SHOWN' && !seenCells.has(h)) {
              seenCells.add(h);
              next.push(h);
            }
        }
      frontier = next;
    }
    return false;
  };

  for (let round = 0; round < values.length + 1; round++) {
    protectedNow = new Set();
    // 1. No equation with a single hidden cell (the total-minus-the-rest attack).
    let queue = equations.map((_, i) => i);
    while (queue.length) {
      const next = new Set<number>();
      for (const i of queue) {
        const e = equations[i];
        if (hiddenCount(e, marks) !== 1) continue;
        const c = complementIn(e, values, marks);
        if (c === null) continue;
        hide(c);
        for (const j of byCell.get(c) ?? []) next.add(j);
      }
      queue = [...next];
    }
    protectedNow = new Set();
    let added = false;
    // 2. Bounds: a hidden cell squeezed to one value.
    const { lo, hi } = boundsOf(values, marks, equations, 50 * equations.length + 1000, byCell);
    for (let cell = 0; cell < values.length; cell++)
      if (marks[cell] !== 'SHOWN' && lo[cell] === hi[cell] && protect(cell)) added = true;
    if (added) continue;
    // 3. Elimination over each group of equations sharing hidden cells.
    const groups = hiddenComponents(marks, equations).filter((g) =>
      g.cells.some((c) => sinceElimination.has(c)),
    );
    sinceElimination.clear();
    for (const group of groups)
      // Every solvable cell gets its complement in this pass (elimination is the costly step: fewer
      // passes, at the price of a few more hidden cells).
      for (const cell of determinedByElimination(marks, group.equations))
        if (protect(cell, false)) added = true;
    if (!added) return marks;
  }
  return marks;
}
