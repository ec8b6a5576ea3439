import {
  drawSample,
  orderPopulation,
  populationDigest,
  sfc32,
  uniformBelow,
  type PopulationMember,
} from './sampling';

const SEED = '000102030405060708090a0b0c0d0e0f';
const population = (n: number, institutions = 3): PopulationMember[] =>
  Array.from({ length: n }, (_, i) => ({
    pupilId: `pupil-${String(i).padStart(4, '0')}`,
    institutionCode: `10${i % institutions}`,
  }));
const ids = (ms: readonly PopulationMember[]) => ms.map((m) => m.pupilId);

describe('spot-check draw (สุ่มตรวจสอบ): seeded, recorded, reproducible', () => {
  it('sfc32 gives the same outputs as when draws were first recorded: a change here breaks old draws', () => {
    const next = sfc32(SEED);
    expect([next(), next(), next()]).toEqual([858807458, 1403912697, 1845977855]);
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      pupilId: `p${String(i).padStart(2, '0')}`,
      institutionCode: i < 10 ? 'A' : 'B',
    }));
    expect(ids(drawSample(SEED, orderPopulation(twenty), 5))).toEqual(['p18', 'p19', 'p07', 'p12', 'p05']);
  });

  it('the same seed over the same population draws the same pupils, in whatever order the database returned them', () => {
    const pop = population(500);
    const shuffled = [...pop].reverse();
    const a = drawSample(SEED, orderPopulation(pop), 25);
    const b = drawSample(SEED, orderPopulation(shuffled), 25);
    expect(ids(b)).toEqual(ids(a));
    expect(populationDigest(orderPopulation(shuffled))).toBe(populationDigest(orderPopulation(pop)));
  });

  it('another seed draws another sample', () => {
    const pop = orderPopulation(population(500));
    const other = drawSample('f'.repeat(32), pop, 25);
    expect(ids(other)).not.toEqual(ids(drawSample(SEED, pop, 25)));
  });

  it('draws the size asked for, without repeats, only from the population', () => {
    const pop = orderPopulation(population(137));
    const drawn = drawSample(SEED, pop, 40);
    expect(drawn).toHaveLength(40);
    expect(new Set(ids(drawn)).size).toBe(40);
    const all = new Set(ids(pop));
    for (const m of drawn) expect(all.has(m.pupilId)).toBe(true);
  });

  it('a sample larger than the population draws everyone once', () => {
    const pop = orderPopulation(population(7));
    expect(ids(drawSample(SEED, pop, 50)).sort()).toEqual(ids(pop).sort());
  });

  it('the digest changes when one pupil in the population differs', () => {
    const pop = orderPopulation(population(50));
    const changed = pop.map((m, i) => (i === 17 ? { ...m, pupilId: 'someone-else' } : m));
    expect(populationDigest(changed)).not.toBe(populationDigest(pop));
  });

  it('every pupil is about equally likely to be drawn (no modulo bias toward the front)', () => {
    // 10 pupils, one drawn per seed, 5,000 seeds: each expected 500 times; 400–600 is > 4.4 sigma wide.
    const pop = orderPopulation(population(10));
    const hits = new Map<string, number>();
    for (let s = 0; s < 5000; s++) {
      const [m] = drawSample(s.toString(16).padStart(32, '0'), pop, 1);
      hits.set(m.pupilId, (hits.get(m.pupilId) ?? 0) + 1);
    }
    expect(hits.size).toBe(10);
    for (const n of hits.values()) {
      expect(n).toBeGreaterThan(400);
      expect(n).toBeLessThan(600);
    }
  });

  it('uniformBelow rejects the outputs that would bias the modulo', () => {
    const outputs = [0xffffffff, 0xfffffffe, 5];
    const next = () => outputs.shift()!;
    // 2^32 mod 3 = 1: 0xffffffff is above the last whole multiple of 3, so it is redrawn.
    expect(uniformBelow(next, 3)).toBe(0xfffffffe % 3);
  });

  it('refuses a seed that is not 128-bit hex', () => {
    expect(() => sfc32('1234')).toThrow();
  });
});
