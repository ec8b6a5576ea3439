import { readStream } from '../../event-store/event-store';
import { createLaoTree } from '../../../test/support/factories';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { seedPupil } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { institutionStreamId } from '../pupils/pupil.events';
import { confirmDataset } from './confirm-dataset';
import type { DatasetConfirmed } from './confirmation.events';

describe('confirmDataset', () => {
  let sys: TestSystem;
  let roundId: string;
  beforeAll(async () => {
    sys = await openTestSystem();
    roundId = await openRoundDirect(sys.store);
  });
  afterAll(() => sys.close());

  it('a school confirms its register: DatasetConfirmed on its own stream freezes the pupils it counted', async () => {
    const tree = await createLaoTree(sys.store, '44');
    const school = { ...tree.school, provinceCode: '44', laoCode: tree.lao.code };
    const ids = [await seedPupil(sys.store, school), await seedPupil(sys.store, school)];
    const v = viewerFor(school);
    const view = await confirmDataset(sys.store, v, school.code, 'PUPILS', metadataFor(v));
    expect(view).toMatchObject({
      roundId,
      orgUnitCode: school.code,
      dataset: 'PUPILS',
      action: 'CONFIRMED',
      total: 2,
      accountId: v.accountId,
      late: false,
    });
    const events = await readStream(sys.dataSource.manager, institutionStreamId(school.code));
    const confirmed = events.filter((e) => e.type === 'DatasetConfirmed') as unknown as DatasetConfirmed[];
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0].data).toMatchObject({
      roundId,
      orgUnitCode: school.code,
      dataset: 'PUPILS',
      total: 2,
    });
    expect([...(confirmed[0].data.pupilIds ?? [])].sort()).toEqual([...ids].sort());
  });

  it('the LAO confirms only once its schools have (NOT_READY), then sums what they confirmed', async () => {
    const tree = await createLaoTree(sys.store, '45');
    const place = { provinceCode: '45', laoCode: tree.lao.code };
    const school = { ...tree.school, ...place };
    const lao = { ...tree.lao, ...place };
    await seedPupil(sys.store, school);
    const v = viewerFor(lao);
    await expect(confirmDataset(sys.store, v, lao.code, 'PUPILS', metadataFor(v))).rejects.toMatchObject({
      code: 'NOT_READY',
    });
    await confirmDataset(sys.store, viewerFor(school), school.code, 'PUPILS', metadataFor(viewerFor(school)));
    const view = await confirmDataset(sys.store, v, lao.code, 'PUPILS', metadataFor(v));
    expect(view).toMatchObject({ orgUnitCode: lao.code, action: 'CONFIRMED', total: 1 });
  });
});
