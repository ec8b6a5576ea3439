import type { Equation, Mark } from '../../src/modules/open-data/suppression';

/**
 * Attacks on a suppressed table, written apart from the suppression code so that the tests do not
 * check the code against itself.
 */

/**
 * The "row and column totals" attack: whenever an equation has one hidden cell left, compute it
 * from the others (shown or already recomputed), and go on until nothing more comes out.
 * Returns each cell recomputed and the value found.
 */
export function recomputeFromTotals(
  values: readonly number[],
  marks: readonly Mark[],
  equations: readonly Equation[],
): Map<number, number> {
  const known = new Map<number, number>();
  values.forEach((v, i) => {
    if (marks[i] === 'SHOWN') known.set(i, v);
  });
  const found = new Map<number, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const e of equations) {
      const cells = [e.total, ...e.parts];
      const missing = cells.filter((c) => !known.has(c));
      if (missing.length !== 1) continue;
      const [m] = missing;
      const partsSum = e.parts.filter((p) => p !== m).reduce((s, p) => s + known.get(p)!, 0);
      const value = m === e.total ? partsSum : known.get(e.total)! - partsSum;
      known.set(m, value);
      found.set(m, value);
      changed = true;
    }
  }
  return found;
}

const abs = (a: bigint) => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Every hidden cell that some combination of the equations pins down, by exact fraction-free
 * Gauss–Jordan elimination over all the equations at once (BigInt, no modulus, no blocks).
 */
export function determinedExactly(marks: readonly Mark[], equations: readonly Equation[]): number[] {
  const hidden = [...new Set(equations.flatMap((e) => [e.total, ...e.parts]))].filter(
    (c) => marks[c] !== 'SHOWN',
  );
  const col = new Map(hidden.map((c, i) => [c, i]));
  const rows: bigint[][] = [];
  for (const e of equations) {
    const row: bigint[] = hidden.map(() => 0n);
    if (col.has(e.total)) row[col.get(e.total)!] -= 1n;
    for (const p of e.parts) if (col.has(p)) row[col.get(p)!] += 1n;
    if (row.some((x) => x !== 0n)) rows.push(row);
  }
  let r = 0;
  for (let c = 0; c < hidden.length && r < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot], rows[r]];
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i][c] === 0n) continue;
      const a = rows[r][c];
      const b = rows[i][c];
      rows[i] = rows[i].map((x, k) => x * a - rows[r][k] * b);
      const g = rows[i].reduce((s, x) => gcd(s, x), 0n);
      if (g > 1n) rows[i] = rows[i].map((x) => x / g);
    }
    r++;
  }
  return rows
    .filter((row) => row.filter((x) => x !== 0n).length === 1)
    .map((row) => hidden[row.findIndex((x) => x !== 0n)]);
}
