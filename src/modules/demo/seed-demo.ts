import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { runPupilCommand } from '../pupils/run-pupil-command';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { demoPupils } from './demo-pupils';
import { systemMetadata } from '../../event-store/event';
import { issueCredentials } from '../accounts/issue-credentials';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { registerOrgUnitIn } from '../org-units/register-org-unit';
import { demoProvinceCode, demoUnits } from './demo-data';
import { openRound } from '../rounds/open-round';
import { isInstitution } from '../chain/org-unit-kind';

/** ISO date `days` after an ISO date. */
function plusDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Opens the round of the current term (round 1 from May to October, else round 2) with deadlines a
 * week or so ahead, so the demo's units can confirm right away.
 */
async function openDemoRound(store: EventStore, metadata: EventMetadata): Promise<void> {
  const today = todayInBangkok(new Date());
  const month = Number(today.slice(5, 7));
  const roundNo = month >= 5 && month <= 10 ? 1 : 2;
  await openRound(
    store,
    {
      academicYear: academicYearOf(today),
      roundNo,
      snapshotDate: plusDays(today, -7),
      institutionDeadline: plusDays(today, 7),
      laoDeadline: plusDays(today, 10),
      provinceDeadline: plusDays(today, 11),
    },
    metadata,
  );
}

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
    if (!isInstitution(unit.kind)) continue;
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
  await openDemoRound(store, metadata);
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
