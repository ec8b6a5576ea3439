import { openTestSystem, type TestSystem } from '../../test/support/test-system';
import { snapshotReadModels } from '../../test/support/snapshot';
import { registerOrgUnit } from '../modules/org-units/register-org-unit';
import { orgUnitDecider } from '../modules/org-units/org-unit.decider';
import { orgUnitStreamId } from '../modules/org-units/org-unit.events';
import { systemMetadata } from './event';
import { rebuildProjections } from './rebuild';

describe('projection rebuild', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('reproduces the live read models exactly from the events', async () => {
    const meta = systemMetadata('t');
    await registerOrgUnit(
      sys.store,
      {
        code: '5450101',
        name: 'องค์การบริหารส่วนตำบลไรโคก',
        kind: 'LAO',
        parentCode: '54',
        district: 'เมืองแพร่',
        laoType: 'SAO',
      },
      meta,
    );
    await registerOrgUnit(
      sys.store,
      {
        code: '1054010001',
        name: 'โรงเรียนบ้านไรโคก',
        kind: 'SCHOOL',
        parentCode: '5450101',
        ministryCode: '1054010001',
      },
      meta,
    );
    await registerOrgUnit(
      sys.store,
      { code: '545010101', name: 'ศูนย์พัฒนาเด็กเล็กบ้านไรโคก', kind: 'CDC', parentCode: '5450101' },
      meta,
    );
    await sys.store.transaction((tx) =>
      sys.store.decide(
        tx,
        orgUnitStreamId('5450101'),
        orgUnitDecider,
        {
          type: 'ChangeOrgUnitDetails',
          code: '5450101',
          details: {
            name: 'เทศบาลตำบลไรโคก',
            district: 'เมืองแพร่',
            laoType: 'SUBDISTRICT_MUNICIPALITY',
            ministryCode: null,
          },
        },
        meta,
      ),
    );

    const live = await snapshotReadModels(sys.dataSource.manager, sys.store.projections);
    expect(live.org_units.length).toBe(1 + 76 + 3);
    const { events } = await rebuildProjections(sys.store);
    expect(events).toBeGreaterThanOrEqual(81);
    const rebuilt = await snapshotReadModels(sys.dataSource.manager, sys.store.projections);
    expect(rebuilt).toEqual(live);
    expect(rebuilt.org_units).toContainEqual(
      expect.objectContaining({
        code: '5450101',
        name: 'เทศบาลตำบลไรโคก',
        lao_type: 'SUBDISTRICT_MUNICIPALITY',
      }),
    );
  });
});
