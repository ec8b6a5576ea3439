import { readAll } from '../../event-store/event-store';
import type { RecordedEvent } from '../../event-store/event';
import { rebuildProjections } from '../../event-store/rebuild';
import { createLaoTree } from '../../../test/support/factories';
import { metadataFor, openRoundDirect, viewerFor } from '../../../test/support/confirmation';
import { seedPupil } from '../../../test/support/pupils';
import { snapshotReadModels } from '../../../test/support/snapshot';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import type { PupilEvent } from '../pupils/pupil.events';
import { foldRegister } from '../pupils/register-fold';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { runLifecycleCommand } from '../pupils/run-lifecycle-command';
import type { DatasetConfirmed } from './confirmation.events';
import { confirmDataset } from './confirm-dataset';
import { revokeConfirmation } from './revoke-confirmation';
import { sumCounts } from './confirmation.reads';

describe('confirmed figures are reproduced exactly by replaying the events', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
    await openRoundDirect(sys.store);
  });
  afterAll(() => sys.close());

  it('every confirmation, through edits, revocations and re-confirmations', async () => {
    const tree = await createLaoTree(sys.store, '43');
    const place = { provinceCode: '43', laoCode: tree.lao.code };
    const school = { ...tree.school, ...place };
    const cdc = { ...tree.cdc, ...place };
    const lao = { ...tree.lao, ...place };
    const province = { code: '43', kind: 'PROVINCE' as const, provinceCode: '43' };
    const dept = { code: 'DLA', kind: 'DEPARTMENT' as const };
    const act = (unit: Parameters<typeof viewerFor>[0]) => {
      const v = viewerFor(unit);
      return {
        confirm: (code: string, d: Parameters<typeof confirmDataset>[3]) =>
          confirmDataset(sys.store, v, code, d, metadataFor(v)),
        revoke: (code: string, d: Parameters<typeof confirmDataset>[3]) =>
          revokeConfirmation(sys.store, v, code, d, 'ตรวจพบข้อมูลไม่ถูกต้อง', metadataFor(v)),
      };
    };
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await seedPupil(sys.store, school));
    for (let i = 0; i < 3; i++) await seedPupil(sys.store, cdc);

    await act(school).confirm(school.code, 'PUPILS');
    await act(cdc).confirm(cdc.code, 'CHILDREN');
    await act(lao).confirm(lao.code, 'PUPILS');
    await act(lao).confirm(lao.code, 'CHILDREN');
    await act(province).confirm('43', 'PUPILS');
    // Correction: down the chain, change the register, back up.
    await act(dept).revoke('43', 'PUPILS');
    await act(province).revoke(lao.code, 'PUPILS');
    await act(lao).revoke(school.code, 'PUPILS');
    const meta = metadataFor(viewerFor(school));
    await runPupilCommand(
      sys.store,
      school.code,
      { type: 'CorrectPupil', pupilId: ids[0], patch: { grade: 'P2' } },
      meta,
    );
    await runPupilCommand(
      sys.store,
      school.code,
      { type: 'RemovePupilAsNonExistent', pupilId: ids[1], reason: 'NEVER_ATTENDED', note: null },
      meta,
    );
    await runLifecycleCommand(
      sys.store,
      school.code,
      {
        type: 'RecordPupilLeft',
        pupilId: ids[2],
        reason: 'WITHDREW',
        date: new Date().toISOString().slice(0, 10),
        note: null,
      },
      meta,
    );
    await seedPupil(sys.store, school);
    await act(school).confirm(school.code, 'PUPILS');
    await act(lao).confirm(lao.code, 'PUPILS');
    await act(province).confirm('43', 'PUPILS');

    const log: RecordedEvent[] = await readAll(sys.dataSource.manager, 0, 1_000_000);
    const confirmations = log.filter(
      (e): e is RecordedEvent<DatasetConfirmed> => e.type === 'DatasetConfirmed',
    );
    expect(confirmations).toHaveLength(8);

    // Institutions: the register folded from the stream's events before the confirmation.
    for (const c of confirmations.filter((e) => e.streamId.startsWith('Institution-'))) {
      const before = log.filter((e) => e.streamId === c.streamId && e.streamVersion < c.streamVersion);
      const register = foldRegister(before as unknown as PupilEvent[]);
      const active = [...register].filter(([, p]) => p.active);
      expect(c.data.pupilIds).toEqual(active.map(([id]) => id).sort());
      expect(c.data.total).toBe(active.length);
      expect(c.data.counts).toEqual(
        sumCounts([active.map(([, p]) => ({ grade: p.grade, sex: p.sex, count: 1 }))]),
      );
    }
    // LAOs and provinces: the sum of the confirmations below in force at that moment.
    for (const c of confirmations.filter((e) => !e.streamId.startsWith('Institution-'))) {
      const inForce = new Map<string, DatasetConfirmed['data']>();
      for (const e of log.filter((x) => x.globalPosition < c.globalPosition)) {
        if (e.type === 'DatasetConfirmed') {
          const d = e.data as DatasetConfirmed['data'];
          inForce.set(`${d.orgUnitCode}|${d.dataset}`, d);
        }
        if (e.type === 'ConfirmationRevoked')
          inForce.delete(`${(e.data as { orgUnitCode: string }).orgUnitCode}|${c.data.dataset}`);
      }
      const parts = c.data.parts!.map((p) => inForce.get(`${p.code}|${c.data.dataset}`)!);
      expect(parts.every(Boolean)).toBe(true);
      expect(c.data.total).toBe(parts.reduce((n, p) => n + (p.total ?? 0), 0));
      expect(c.data.counts).toEqual(sumCounts(parts.map((p) => p.counts)));
    }
    // The school's second confirmation reflects the corrections: 5 − removed − left + new = 4.
    const schoolTotals = confirmations
      .filter((c) => c.data.orgUnitCode === school.code)
      .map((c) => c.data.total);
    expect(schoolTotals).toEqual([5, 4]);

    // And the read models rebuilt from the log are the live ones.
    const live = await snapshotReadModels(sys.dataSource.manager, sys.store.projections);
    await rebuildProjections(sys.store);
    expect(await snapshotReadModels(sys.dataSource.manager, sys.store.projections)).toEqual(live);
  });
});
