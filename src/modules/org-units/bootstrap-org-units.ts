import type { EventStore } from '../../event-store/event-store.service';
import { systemMetadata } from '../../event-store/event';
import { OrgUnitRow } from './org-unit.entity';
import { DEPARTMENT_CODE, kindLabels } from '../chain/org-unit-kind';
import { provinces } from '../chain/provinces';
import { registerOrgUnitIn } from './register-org-unit';

/**
 * Makes sure the department and the 76 provinces exist, through the same command as any other
 * registration. Idempotent: only what is missing is registered, so it runs on every start.
 */
export async function bootstrapOrgUnits(store: EventStore): Promise<number> {
  return store.transaction(async (tx) => {
    const existing = new Set(
      (
        await tx.find(OrgUnitRow, {
          select: { code: true },
          where: [{ kind: 'DEPARTMENT' }, { kind: 'PROVINCE' }],
        })
      ).map((r) => r.code),
    );
    const metadata = systemMetadata('bootstrap');
    let added = 0;
    if (!existing.has(DEPARTMENT_CODE)) {
      await registerOrgUnitIn(
        store,
        tx,
        { code: DEPARTMENT_CODE, name: kindLabels.DEPARTMENT, kind: 'DEPARTMENT', parentCode: null },
        metadata,
      );
      added++;
    }
    for (const p of provinces) {
      if (existing.has(p.code)) continue;
      await registerOrgUnitIn(
        store,
        tx,
        { code: p.code, name: p.nameTh, kind: 'PROVINCE', parentCode: DEPARTMENT_CODE },
        metadata,
      );
      added++;
    }
    return added;
  });
}
