import type { EventStore } from '../../event-store/event-store.service';
import { systemMetadata } from '../../event-store/event';
import { issueCredentials } from '../accounts/issue-credentials';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { registerOrgUnitIn } from '../org-units/register-org-unit';
import { demoProvinceCode, demoUnits } from './demo-data';

export interface DemoAccount {
  username: string;
  initialPassword: string;
  unitName: string;
}

/** True when nothing but the fixed master data (department, provinces) has been registered. */
export async function isEmpty(store: EventStore): Promise<boolean> {
  const n = await store.dataSource.manager.count(OrgUnitRow, { where: [{ kind: 'LAO' }] });
  return n === 0;
}

/**
 * Seeds the demo through the same commands and events as real use: the units are registered
 * and their accounts issued like any others, so the demo exercises the real paths.
 */
export async function seedDemo(store: EventStore): Promise<DemoAccount[]> {
  const metadata = systemMetadata('demo');
  await store.transaction(async (tx) => {
    for (const unit of demoUnits) await registerOrgUnitIn(store, tx, unit, metadata);
  });
  const accountHolders = [
    demoProvinceCode,
    ...demoUnits.filter((u) => u.kind !== 'OTHER_SCHOOL').map((u) => u.code),
  ];
  const accounts: DemoAccount[] = [];
  for (const code of accountHolders) {
    const issued = await issueCredentials(store, { orgUnitCode: code }, metadata, {
      ip: null,
      userAgent: null,
      requestId: 'demo',
    });
    accounts.push({
      username: issued.username,
      initialPassword: issued.initialPassword,
      unitName: issued.orgUnit.name,
    });
  }
  return accounts;
}
