import { readStream } from '../../event-store/event-store';
import { createLaoTree } from '../../../test/support/factories';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { seedPupil } from '../../../test/support/pupils';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { institutionStreamId } from '../pupils/pupil.events';
import { confirmDataset } from './confirm-dataset';
import type { ConfirmationRevoked } from './confirmation.events';
import { revokeConfirmation } from './revoke-confirmation';

describe('revokeConfirmation', () => {
  let sys: TestSystem;
  let roundId: string;
  beforeAll(async () => {
    sys = await openTestSystem();
    roundId = await openRoundDirect(sys.store);
  });
  afterAll(() => sys.close());

  it('the LAO revokes a school’s confirmation with a reason: ConfirmationRevoked names the LAO', async () => {
    const tree = await createLaoTree(sys.store, '46');
    const place = { provinceCode: '46', laoCode: tree.lao.code };
    const school = { ...tree.school, ...place };
    const lao = { ...tree.lao, ...place };
    await seedPupil(sys.store, school);
    await confirmDataset(sys.store, viewerFor(school), school.code, 'PUPILS', metadataFor(viewerFor(school)));
    const v = viewerFor(lao);
    const view = await revokeConfirmation(
      sys.store,
      v,
      school.code,
      'PUPILS',
      'ตรวจพบข้อมูลซ้ำ',
      metadataFor(v),
    );
    expect(view).toMatchObject({
      roundId,
      orgUnitCode: school.code,
      action: 'REVOKED',
      reason: 'ตรวจพบข้อมูลซ้ำ',
      byUnitCode: lao.code,
    });
    const events = await readStream(sys.dataSource.manager, institutionStreamId(school.code));
    const revoked = events.filter(
      (e) => e.type === 'ConfirmationRevoked',
    ) as unknown as ConfirmationRevoked[];
    expect(revoked.map((e) => e.data)).toEqual([
      {
        roundId,
        orgUnitCode: school.code,
        dataset: 'PUPILS',
        reason: 'ตรวจพบข้อมูลซ้ำ',
        revokedByUnitCode: lao.code,
      },
    ]);
    const [row] = await sys.dataSource.query(
      `SELECT confirmed FROM confirmations WHERE round_id = $1 AND org_unit_code = $2 AND dataset = 'PUPILS'`,
      [roundId, school.code],
    );
    expect(row.confirmed).toBe(false);
  });

  it('top down: the school’s confirmation stands while its LAO’s does (PARENT_CONFIRMED)', async () => {
    const tree = await createLaoTree(sys.store, '47');
    const place = { provinceCode: '47', laoCode: tree.lao.code };
    const school = { ...tree.school, ...place };
    const lao = { ...tree.lao, ...place };
    await seedPupil(sys.store, school);
    await confirmDataset(sys.store, viewerFor(school), school.code, 'PUPILS', metadataFor(viewerFor(school)));
    await confirmDataset(sys.store, viewerFor(lao), lao.code, 'PUPILS', metadataFor(viewerFor(lao)));
    const province = viewerFor({ code: '47', kind: 'PROVINCE', provinceCode: '47' });
    await expect(
      revokeConfirmation(sys.store, province, school.code, 'PUPILS', 'ตรวจพบข้อมูลซ้ำ', metadataFor(province)),
    ).rejects.toMatchObject({ code: 'PARENT_CONFIRMED' });
  });
});
