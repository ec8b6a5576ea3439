import { determinedExactly, recomputeFromTotals } from '../../../test/support/disclosure-attack';
import type { GradeSexCount } from '../confirmation/confirmation.events';
import { grades, type Grade } from '../pupils/rules/grades';
import { layOut, publishUnits, type UnitFigures } from './published-table';
import { intervalsOf, suppress, type Mark } from './suppression';

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function add(into: Map<string, number>, counts: readonly GradeSexCount[]) {
  for (const c of counts) into.set(`${c.grade}|${c.sex}`, (into.get(`${c.grade}|${c.sex}`) ?? 0) + c.count);
}
function toCounts(m: Map<string, number>): GradeSexCount[] {
  return [...m].map(([k, count]) => {
    const [grade, sex] = k.split('|');
    return { grade: grade as Grade, sex: sex as 'MALE' | 'FEMALE', count };
  });
}

/** A small country: provinces, districts, LAOs (some with funded schools) and institutions with many small cells. */
function randomCountry(seed: number): UnitFigures[] {
  const r = rng(seed);
  const n = (max: number) => Math.floor(r() * (max + 1));
  const units: UnitFigures[] = [];
  const country = new Map<string, number>();
  for (let p = 0; p < 2; p++) {
    const pc = `P${p}`;
    const province = new Map<string, number>();
    const provinceUnits: UnitFigures[] = [];
    for (let d = 0; d < 2; d++) {
      const dc = `${pc}D${d}`;
      const district = new Map<string, number>();
      for (let l = 0; l < 1 + n(2); l++) {
        const lc = `${dc}L${l}`;
        const lao = new Map<string, number>();
        for (let i = 0; i < 1 + n(2); i++) {
          const cdc = r() < 0.3;
          const gs: Grade[] = cdc ? ['CDC'] : grades.filter((g) => g !== 'CDC' && r() < 0.4);
          const counts: GradeSexCount[] = gs.flatMap((grade) => [
            { grade, sex: 'MALE' as const, count: n(r() < 0.5 ? 4 : 12) },
            { grade, sex: 'FEMALE' as const, count: n(r() < 0.5 ? 4 : 12) },
          ]);
          add(lao, counts);
          provinceUnits.push({
            code: `${lc}I${i}`,
            name: 'i',
            kind: cdc ? 'CDC' : 'SCHOOL',
            parentCode: lc,
            confirmedAt: null,
            counts,
          });
        }
        // Funded schools: in the LAO's figures, not published one by one.
        if (r() < 0.4) add(lao, [{ grade: 'P1', sex: 'MALE', count: 1 + n(6) }]);
        add(district, toCounts(lao));
        provinceUnits.push({
          code: lc,
          name: 'l',
          kind: 'LAO',
          parentCode: dc,
          confirmedAt: null,
          counts: toCounts(lao),
        });
      }
      add(province, toCounts(district));
      provinceUnits.push({
        code: dc,
        name: 'd',
        kind: 'DISTRICT',
        parentCode: pc,
        confirmedAt: null,
        counts: toCounts(district),
      });
    }
    add(country, toCounts(province));
    units.push(
      {
        code: pc,
        name: 'p',
        kind: 'PROVINCE',
        parentCode: 'TH',
        confirmedAt: null,
        counts: toCounts(province),
      },
      ...provinceUnits,
    );
  }
  return [
    {
      code: 'TH',
      name: 'c',
      kind: 'COUNTRY',
      parentCode: null,
      confirmedAt: null,
      counts: toCounts(country),
    },
    ...units,
  ];
}

const hiddenCells = (marks: readonly Mark[]) => marks.flatMap((m, i) => (m === 'SHOWN' ? [] : [i]));

describe('small-cell suppression', () => {
  it('hides every cell from 1 to 4 as <5 and shows zeros and cells of 5 or more that need no protection', () => {
    const [unit] = publishUnits([
      {
        code: 'TH',
        name: 'c',
        kind: 'COUNTRY',
        parentCode: null,
        confirmedAt: null,
        counts: [
          { grade: 'P1', sex: 'MALE', count: 3 },
          { grade: 'P1', sex: 'FEMALE', count: 20 },
          { grade: 'P2', sex: 'MALE', count: 30 },
          { grade: 'P2', sex: 'FEMALE', count: 40 },
        ],
      },
    ]).units;
    const p1 = unit.grades.find((g) => g.grade === 'P1')!;
    const p2 = unit.grades.find((g) => g.grade === 'P2')!;
    expect(p1.male).toBe('<5');
    // Complements: P1 girls (else 23 − 3), P2 boys (else the boys' total gives it), P2 girls (else
    // P2's total gives those): a rectangle, which no row or column total opens.
    expect(p1).toEqual({ grade: 'P1', male: '<5', female: 'x', total: 23 });
    expect(p2).toEqual({ grade: 'P2', male: 'x', female: 'x', total: 70 });
    expect(unit.total).toEqual({ male: 33, female: 60, total: 93 });
    expect(unit.grades.find((g) => g.grade === 'K1')).toEqual({ grade: 'K1', male: 0, female: 0, total: 0 });
  });

  it('the attacks find the cells of a table where only the small cells are hidden (they do work)', () => {
    const table = layOut(randomCountry(1));
    const primaryOnly: Mark[] = table.values.map((v) => (v >= 1 && v <= 4 ? 'SMALL' : 'SHOWN'));
    const found = recomputeFromTotals(table.values, primaryOnly, table.equations);
    expect(found.size).toBeGreaterThan(0);
    for (const [cell, value] of found) expect(value).toBe(table.values[cell]);
    expect(determinedExactly(primaryOnly, table.equations).length).toBeGreaterThan(0);
  });

  it('no hidden cell can be recomputed from the row and column totals, nor by any combination of the equations', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const table = layOut(randomCountry(seed));
      const marks = suppress(table);
      table.values.forEach((v, i) => {
        if (v >= 1 && v <= 4) expect(marks[i]).toBe('SMALL');
        // A complement is never a zero: an "x" always stands for 5 or more.
        if (marks[i] === 'COMPLEMENTARY') expect(v).toBeGreaterThanOrEqual(5);
      });
      expect(hiddenCells(marks).length).toBeGreaterThan(0);
      expect(recomputeFromTotals(table.values, marks, table.equations).size).toBe(0);
      expect(determinedExactly(marks, table.equations)).toEqual([]);
      // Nor squeezed to one value by the bounds a reader knows (<5 is 1..4, x is 5 or more).
      const iv = intervalsOf(table.values, marks, table.equations);
      for (const c of hiddenCells(marks)) expect(iv[c][1]).toBeGreaterThan(iv[c][0]);
    }
  });

  it('protects two small cells whose sum would give them away (1 + 1 under a known total)', () => {
    // Row: 1 + 1 + 10 = 12. Hiding the two 1s leaves a sum of 2, so both must be 1: a third cell goes.
    const values = [1, 1, 10, 12];
    const marks = suppress({ values, equations: [{ total: 3, parts: [0, 1, 2] }] });
    expect(marks).toEqual(['SMALL', 'SMALL', 'COMPLEMENTARY', 'SHOWN']);
    const iv = intervalsOf(values, marks, [{ total: 3, parts: [0, 1, 2] }]);
    expect(iv[0][1]).toBeGreaterThan(iv[0][0]);
  });

  it('refuses a negative or fractional cell instead of publishing it', () => {
    expect(() => suppress({ values: [-1], equations: [] })).toThrow();
    expect(() => suppress({ values: [1.5], equations: [] })).toThrow();
  });
});
