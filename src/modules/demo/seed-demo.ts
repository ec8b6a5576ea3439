import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { academicYearOf, todayInBangkok } from '../pupils/rules/thai-dates';
import { demoPupils } from './demo-pupils';
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

/** Pupils and children for each demo school and CDC, enrolled through the same command as a teacher's. */
async function seedDemoPupils(store: EventStore, metadata: EventMetadata): Promise<void> {
  const today = todayInBangkok(new Date());
  const ceYear = academicYearOf(today) - 543;
  for (const unit of demoUnits) {
    if (unit.kind !== 'SCHOOL' && unit.kind !== 'CDC') continue;
    for (const input of demoPupils(unit.code, unit.kind, ceYear, unit.kind === 'SCHOOL' ? 36 : 12))
      await runPupilCommand(store, unit.code, { type: 'EnrolPupil', pupilId: randomUUID(), input }, metadata);
  }
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
  await seedDemoPupils(store, metadata);
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
