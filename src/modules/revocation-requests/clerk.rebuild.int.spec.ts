import { rebuildProjections } from '../../event-store/rebuild';
import { dayFromToday, metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { createLaoTree } from '../../../test/support/factories';
import { seedPupil } from '../../../test/support/pupils';
import { snapshotReadModels } from '../../../test/support/snapshot';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { confirmDataset } from '../confirmation/confirm-dataset';
import { revokeConfirmation } from '../confirmation/revoke-confirmation';
import { postNotice } from '../notices/post-notice';
import { noticesProjection } from '../notices/notices.projection';
import { provinceTargetsProjection } from '../province-targets/province-targets.projection';
import { setProvinceTargets } from '../province-targets/set-province-targets';
import { refuseRevocationRequest } from './refuse-revocation-request';
import { requestRevocation } from './request-revocation';
import { revocationRequestsProjection } from './revocation-requests.projection';

describe('revocation requests, notices and province targets rebuild from their events', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('replaying the log gives the same requests (closed by revocations too), notices and targets', async () => {
    const tree = await createLaoTree(sys.store, '54');
    await seedPupil(sys.store, tree.school);
    await seedPupil(sys.store, tree.cdc);
    await openRoundDirect(sys.store);
    const school = viewerFor({ ...tree.school, provinceCode: '54', laoCode: tree.lao.code });
    const cdc = viewerFor({ ...tree.cdc, provinceCode: '54', laoCode: tree.lao.code });
    const lao = viewerFor({ ...tree.lao, provinceCode: '54', laoCode: tree.lao.code });
    const province = viewerFor({ code: '54', kind: 'PROVINCE', provinceCode: '54' });
    const dept = viewerFor({ code: 'DLA', kind: 'DEPARTMENT' });
    await confirmDataset(sys.store, school, tree.school.code, 'PUPILS', metadataFor(school));
    await confirmDataset(sys.store, cdc, tree.cdc.code, 'CHILDREN', metadataFor(cdc));
    await requestRevocation(sys.store, school, tree.school.code, 'PUPILS', 'ชั้นผิด', metadataFor(school));
    await revokeConfirmation(sys.store, lao, tree.school.code, 'PUPILS', 'ตามคำขอ', metadataFor(lao));
    const refused = await requestRevocation(
      sys.store,
      cdc,
      tree.cdc.code,
      'CHILDREN',
      'ขอแก้',
      metadataFor(cdc),
    );
    await refuseRevocationRequest(sys.store, lao, refused.id, 'ไม่จำเป็น', metadataFor(lao));
    await postNotice(
      sys.store,
      dept,
      { title: 'ประกาศ', body: 'ถึงจังหวัดแพร่', provinceCodes: ['54'] },
      metadataFor(dept),
    );
    await postNotice(
      sys.store,
      province,
      { title: 'ถึง อปท.', body: 'เร่งรัด', kinds: ['LAO'] },
      metadataFor(province),
    );
    await setProvinceTargets(
      sys.store,
      '54',
      { institutionTarget: dayFromToday(2), laoTarget: dayFromToday(4) },
      metadataFor(province),
    );
    await setProvinceTargets(
      sys.store,
      '54',
      { institutionTarget: dayFromToday(3), laoTarget: dayFromToday(5), note: 'เลื่อน' },
      metadataFor(province),
    );

    const mine = [revocationRequestsProjection, noticesProjection, provinceTargetsProjection];
    const before = await snapshotReadModels(sys.dataSource.manager, mine);
    expect(before.revocation_requests.map((r) => (r as { status: string }).status).sort()).toEqual([
      'REFUSED',
      'REVOKED',
    ]);
    expect(before.notices).toHaveLength(3); // the round's own, the department's, the province's
    expect(before.province_targets).toHaveLength(1);
    await rebuildProjections(sys.store);
    expect(await snapshotReadModels(sys.dataSource.manager, mine)).toEqual(before);
  });
});
