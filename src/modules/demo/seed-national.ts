import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { systemMetadata, type EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { streamVersion } from '../../event-store/event-store';
import { assertNotConfirmed, assertRegisterOpen } from '../chain/register-lock';
import { findEnrolled } from '../imports/register-duplicates';
import { registerOrgUnitIn } from '../org-units/register-org-unit';
import type { OrgUnitInputData } from '../org-units/org-unit.rules';
import { otherSchoolDecider } from '../other-schools/other-school.decider';
import { otherSchoolStreamId } from '../other-schools/other-school.events';
import { decidePupil, type InstitutionState } from '../pupils/pupil.decider';
import { institutionStreamId, type PupilEvent } from '../pupils/pupil.events';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { recordedCountsDataset } from '../chain/dataset';
import {
  institutionUnits,
  laoUnits,
  nationalPupils,
  otherSchoolCounts,
  prng,
  type NationalSizes,
} from './national-dataset';

export interface SeedReport {
  units: number;
  pupils: number;
  children: number;
  otherSchools: number;
  otherSchoolPupils: number;
  events: number;
}

/** Units per registration transaction; institutions per pupil transaction. */
const UNIT_BATCH = 500;
const INSTITUTION_BATCH = 20;

async function inBatches<T>(
  store: EventStore,
  items: readonly T[],
  size: number,
  work: (tx: EntityManager, item: T, index: number) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await store.transaction(async (tx) => {
      for (let j = i; j < Math.min(i + size, items.length); j++) await work(tx, items[j], j);
    });
    progress(Math.min(i + size, items.length));
  }
}

/** Enrols an institution's pupils as a school's import would: one duplicate query, each row decided, one batched append. */
async function enrolAll(
  store: EventStore,
  tx: EntityManager,
  unit: OrgUnitInputData & { kind: 'SCHOOL' | 'CDC' },
  inputs: ReturnType<typeof nationalPupils>,
  metadata: EventMetadata,
): Promise<number> {
  const today = todayInBangkok(new Date());
  const held = await findEnrolled(
    tx,
    inputs.map((i) => i.citizenId),
  );
  const events: PupilEvent[] = inputs.flatMap((input) => {
    const state: InstitutionState = {
      institution: { code: unit.code, kind: unit.kind },
      academicYear: academicYearOf(today),
      today,
      pupil: null,
      activeElsewhere: held.get(input.citizenId) ?? null,
    };
    return decidePupil({ type: 'EnrolPupil', pupilId: randomUUID(), input }, state);
  });
  const streamId = institutionStreamId(unit.code);
  const version = await streamVersion(tx, streamId);
  await assertRegisterOpen(tx, unit);
  await store.append(tx, streamId, 'Institution', version, events, metadata);
  return events.length;
}

/**
 * `npm run seed:national`: a synthetic country written through the real command path — org units
 * registered by their decider, pupils decided by the pupil decider and appended in one batch per
 * institution (as an import commits: one duplicate query, the register lock), funded schools' counts
 * decided by their decider — with every inline projection.
 */
export async function seedNational(
  store: EventStore,
  sizes: NationalSizes,
  opts: { seed?: number; log?: (line: string) => void } = {},
): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const random = prng(opts.seed ?? 2568);
  const metadata = systemMetadata('seed-national');
  const ceYear = academicYearOf(todayInBangkok(new Date())) - 543;
  const laos = laoUnits(sizes);
  const schools = institutionUnits(laos, 'SCHOOL', sizes.schools);
  const cdcs = institutionUnits(laos, 'CDC', sizes.cdcs);
  const others = institutionUnits(laos, 'OTHER_SCHOOL', sizes.otherSchools);
  const units = [...laos, ...schools, ...cdcs, ...others];
  // About ten lines per phase.
  const progress = (what: string, total: number) => {
    let shown = 0;
    return (done: number) => {
      const tenth = Math.floor((done * 10) / total);
      if (tenth > shown || done === total) log(`  ${what}: ${done}/${total}`);
      shown = tenth;
    };
  };

  await inBatches(
    store,
    units,
    UNIT_BATCH,
    async (tx, u) => {
      await registerOrgUnitIn(store, tx, u, metadata);
    },
    progress('units', units.length),
  );

  const report: SeedReport = {
    units: units.length,
    pupils: 0,
    children: 0,
    otherSchools: others.length,
    otherSchoolPupils: 0,
    events: units.length,
  };
  const institutions = [
    ...schools.map((u) => ({ ...u, kind: 'SCHOOL' as const, size: sizes.pupilsPerSchool })),
    ...cdcs.map((u) => ({ ...u, kind: 'CDC' as const, size: sizes.childrenPerCdc })),
  ];
  await inBatches(
    store,
    institutions,
    INSTITUTION_BATCH,
    async (tx, u, index) => {
      const count = Math.max(1, Math.round(u.size * (0.5 + random())));
      const n = await enrolAll(store, tx, u, nationalPupils(index, u.kind, count, ceYear, random), metadata);
      if (u.kind === 'SCHOOL') report.pupils += n;
      else report.children += n;
      report.events += n;
    },
    progress('institutions', institutions.length),
  );

  await inBatches(
    store,
    others,
    UNIT_BATCH,
    async (tx, u) => {
      const counts = otherSchoolCounts(random);
      await assertNotConfirmed(tx, u.parentCode!, recordedCountsDataset());
      await store.decide(
        tx,
        otherSchoolStreamId(u.code),
        otherSchoolDecider,
        {
          type: 'RecordOtherSchoolCounts',
          school: { code: u.code, kind: 'OTHER_SCHOOL', laoCode: u.parentCode },
          counts,
          status: 'OPEN',
          note: null,
        },
        metadata,
      );
      report.otherSchoolPupils += counts.reduce((n, c) => n + c.male + c.female, 0);
      report.events += 1;
    },
    progress('other-school counts', others.length),
  );
  return report;
}
