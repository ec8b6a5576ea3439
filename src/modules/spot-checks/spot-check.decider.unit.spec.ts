import { spotCheckDecider, type SpotCheckCommand, type SpotCheckState } from './spot-check.decider';
import type { SpotCheckDrawn, SpotCheckEvent } from './spot-check.events';
import { drawSample, orderPopulation } from './sampling';

const SEED = 'a'.repeat(32);
const population = Array.from({ length: 30 }, (_, i) => ({
  pupilId: `p${i}`,
  institutionCode: i % 2 ? '5400000001' : '5400000002',
}));
const draw = (
  over: Partial<Extract<SpotCheckCommand, { type: 'DrawSpotCheck' }>> = {},
): SpotCheckCommand => ({
  type: 'DrawSpotCheck',
  spotCheckId: 'sc-1',
  provinceCode: '54',
  roundId: '2568-1',
  seed: SEED,
  requestedSize: 5,
  institutionCodes: [],
  population,
  ...over,
});
const given = (...events: SpotCheckEvent[]): SpotCheckState =>
  events.reduce(spotCheckDecider.evolve, spotCheckDecider.initialState());
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? 'thrown';
  }
  return 'accepted';
};

describe('spot check decider', () => {
  it('records the seed, the ordering rule, the population size and digest, and the pupils drawn', () => {
    const [e] = spotCheckDecider.decide(draw(), given()) as SpotCheckDrawn[];
    expect(e.type).toBe('SpotCheckDrawn');
    expect(e.data).toMatchObject({
      spotCheckId: 'sc-1',
      provinceCode: '54',
      roundId: '2568-1',
      seed: SEED,
      populationSize: 30,
      requestedSize: 5,
      sampleSize: 5,
    });
    expect(e.data.populationOrder).toMatch(/institution code, then pupil id/);
    expect(e.data.populationDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(e.data.drawn).toEqual(drawSample(SEED, orderPopulation(population), 5));
  });

  it('refuses a sample size out of range and an empty population as bad input', () => {
    expect(codeOf(() => spotCheckDecider.decide(draw({ requestedSize: 0 }), given()))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => spotCheckDecider.decide(draw({ requestedSize: 501 }), given()))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => spotCheckDecider.decide(draw({ population: [] }), given()))).toBe('BAD_USER_INPUT');
  });

  const drawn = spotCheckDecider.decide(draw(), given())[0];
  const first = (drawn as SpotCheckDrawn).data.drawn[0];

  it('records a result for a drawn pupil, with its institution', () => {
    expect(
      spotCheckDecider.decide(
        { type: 'RecordSpotCheckResult', pupilId: first.pupilId, result: 'NOT_FOUND', note: ' ไม่พบที่บ้าน ' },
        given(drawn),
      ),
    ).toEqual([
      {
        type: 'SpotCheckResultRecorded',
        data: {
          spotCheckId: 'sc-1',
          pupilId: first.pupilId,
          institutionCode: first.institutionCode,
          result: 'NOT_FOUND',
          note: 'ไม่พบที่บ้าน',
        },
      },
    ]);
  });

  it('wants a note for NOT_FOUND and WRONG_DATA, and a pupil that was drawn', () => {
    const record = (pupilId: string, result: 'FOUND' | 'NOT_FOUND' | 'WRONG_DATA', note: string | null) =>
      codeOf(() =>
        spotCheckDecider.decide({ type: 'RecordSpotCheckResult', pupilId, result, note }, given(drawn)),
      );
    expect(record(first.pupilId, 'NOT_FOUND', null)).toBe('BAD_USER_INPUT');
    expect(record(first.pupilId, 'WRONG_DATA', '  ')).toBe('BAD_USER_INPUT');
    expect(record(first.pupilId, 'FOUND', null)).toBe('accepted');
    const notDrawn = population.find(
      (p) => !(drawn as SpotCheckDrawn).data.drawn.some((d) => d.pupilId === p.pupilId),
    )!;
    expect(record(notDrawn.pupilId, 'FOUND', null)).toBe('BAD_USER_INPUT');
    expect(
      codeOf(() =>
        spotCheckDecider.decide(
          { type: 'RecordSpotCheckResult', pupilId: 'x', result: 'FOUND', note: null },
          given(),
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('draws once per spot check', () => {
    expect(codeOf(() => spotCheckDecider.decide(draw(), given(drawn)))).toBe('BAD_USER_INPUT');
  });
});
