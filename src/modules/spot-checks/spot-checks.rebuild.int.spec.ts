import { systemMetadata } from '../../event-store/event';
import { rebuildProjections } from '../../event-store/rebuild';
import { createLaoTree } from '../../../test/support/factories';
import { seedPupil } from '../../../test/support/pupils';
import { snapshotReadModels } from '../../../test/support/snapshot';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { budgetRatesDecider } from '../budget/budget-rates.decider';
import { BUDGET_RATES_STREAM } from '../budget/budget-rates.events';
import { DEFAULT_RATES } from '../budget/budget-rates.rules';
import { roundsDecider } from '../rounds/round.decider';
import { ROUNDS_STREAM } from '../rounds/round.events';
import { drawSpotCheck } from './draw-spot-check';
import { recordSpotCheckResult } from './record-spot-check-result';
import { readSpotCheck } from './spot-checks.reads';

describe('spot checks and budget rates rebuild from their events', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('replaying the log gives the same spot checks, results, flags and rates', async () => {
    const meta = systemMetadata('t');
    const tree = await createLaoTree(sys.store, '54');
    for (let i = 0; i < 5; i++) await seedPupil(sys.store, tree.school);
    await sys.store.transaction((tx) =>
      sys.store.decide(
        tx,
        ROUNDS_STREAM,
        roundsDecider,
        {
          type: 'OpenRound',
          input: {
            academicYear: 2568,
            roundNo: 1,
            institutionDeadline: '2025-06-20',
            laoDeadline: '2025-06-25',
            provinceDeadline: '2025-06-26',
          },
        },
        meta,
      ),
    );
    const id = await drawSpotCheck(sys.store, { provinceCode: '54', sampleSize: 3 }, meta);
    const drawn = (await readSpotCheck(sys.dataSource.manager, id))!.pupils;
    await recordSpotCheckResult(
      sys.store,
      { spotCheckId: id, pupilId: drawn[0].pupilId, result: 'NOT_FOUND', note: 'ไม่พบ' },
      meta,
    );
    await recordSpotCheckResult(
      sys.store,
      { spotCheckId: id, pupilId: drawn[0].pupilId, result: 'FOUND', note: null },
      meta,
    );
    await recordSpotCheckResult(
      sys.store,
      { spotCheckId: id, pupilId: drawn[1].pupilId, result: 'WRONG_DATA', note: 'วันเกิดผิด' },
      meta,
    );
    for (const effectiveFrom of ['2025-05-16', '2025-05-16', '2026-05-16'])
      await sys.store.transaction((tx) =>
        sys.store.decide(
          tx,
          BUDGET_RATES_STREAM,
          budgetRatesDecider,
          { type: 'SetBudgetRates', rates: { ...DEFAULT_RATES, effectiveFrom, note: effectiveFrom } },
          meta,
        ),
      );

    const live = await snapshotReadModels(sys.dataSource.manager, sys.store.projections);
    expect(live.spot_checks).toHaveLength(1);
    expect(live.spot_check_pupils).toHaveLength(3);
    expect(live.budget_rates).toHaveLength(2);
    await rebuildProjections(sys.store);
    expect(await snapshotReadModels(sys.dataSource.manager, sys.store.projections)).toEqual(live);
    const after = (await readSpotCheck(sys.dataSource.manager, id))!.pupils;
    expect(after.map((p) => p.result)).toEqual(['FOUND', 'WRONG_DATA', null]);
  });
});
