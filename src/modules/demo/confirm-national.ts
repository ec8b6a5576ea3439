import { systemMetadata, type EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { Viewer } from '../access/viewer';
import { confirmDataset } from '../confirmation/confirm-dataset';
import {
  countedDatasets,
  isFirstHolder,
  recordedCountsDataset,
  registerDataset,
  type Dataset,
} from '../chain/dataset';
import { isLecError } from '../../shared/errors';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { openRound } from '../rounds/open-round';
import { roundIdOf } from '../rounds/round.events';
import { institutionUnits, laoUnits, type NationalSizes } from './national-dataset';

const day = (offset: number) => todayInBangkok(new Date(Date.now() + offset * 86_400_000));

/** The open round, or round 1 (else 2) of this academic year opened as the department would. */
async function currentRound(store: EventStore): Promise<string> {
  const open = await store.dataSource.manager.findOneBy(RoundRow, { status: 'OPEN' });
  if (open) return open.id;
  const academicYear = academicYearOf(day(0));
  const used = await store.dataSource.manager.findBy(RoundRow, { academicYear });
  const roundNo = used.some((r) => r.roundNo === 1) ? 2 : 1;
  await openRound(
    store,
    {
      academicYear,
      roundNo,
      snapshotDate: day(0),
      institutionDeadline: day(10),
      laoDeadline: day(15),
      provinceDeadline: day(16),
    },
    systemMetadata('seed-national'),
  );
  return roundIdOf(academicYear, roundNo);
}

function actingFor(
  code: string,
  kind: Viewer['orgUnit']['kind'],
  laoCode: string | null,
): { viewer: Viewer; metadata: EventMetadata } {
  const viewer: Viewer = {
    accountId: `seed-${code}`,
    username: code,
    sessionId: 'seed-national',
    orgUnit: { code, kind, provinceCode: null, laoCode },
    profileId: null,
    mustCompleteFirstLogin: false,
  };
  return {
    viewer,
    metadata: { ...systemMetadata('seed-national'), accountId: viewer.accountId, orgUnitCode: code },
  };
}

/**
 * `seed:national -- --confirm`: in the open round (opened if none is), every seeded school confirms
 * its pupils, every CDC its children, and every LAO its funded schools' counts, then every LAO and
 * every province what it holds — through `confirm`.
 */
export async function confirmNational(
  store: EventStore,
  sizes: NationalSizes,
  log: (line: string) => void = () => {},
): Promise<{ roundId: string; confirmations: number }> {
  const roundId = await currentRound(store);
  const laos = laoUnits(sizes);
  const targets: { code: string; kind: 'SCHOOL' | 'CDC' | 'LAO'; laoCode: string; dataset: Dataset }[] = [
    ...institutionUnits(laos, 'SCHOOL', sizes.schools).map((u) => ({
      code: u.code,
      kind: 'SCHOOL' as const,
      laoCode: u.parentCode!,
      dataset: registerDataset('SCHOOL'),
    })),
    ...institutionUnits(laos, 'CDC', sizes.cdcs).map((u) => ({
      code: u.code,
      kind: 'CDC' as const,
      laoCode: u.parentCode!,
      dataset: registerDataset('CDC'),
    })),
    ...laos.slice(0, Math.min(laos.length, sizes.otherSchools)).map((u) => ({
      code: u.code,
      kind: 'LAO' as const,
      laoCode: u.code,
      dataset: recordedCountsDataset(),
    })),
  ];
  let done = 0;
  for (const t of targets) {
    const { viewer, metadata } = actingFor(t.code, t.kind, t.laoCode);
    await confirmDataset(store, viewer, t.code, t.dataset, metadata);
    done += 1;
    if (done % Math.max(1, Math.ceil(targets.length / 10)) === 0 || done === targets.length)
      log(`  confirmations: ${done}/${targets.length}`);
  }
  // Up the chain, so the national figures are official: every LAO, then every province, confirms
  // each counted dataset it holds (one it does not hold is refused and skipped).
  const provinces = [...new Set(laos.map((l) => l.parentCode!))];
  const above = [
    ...laos.map((l) => ({ code: l.code, kind: 'LAO' as const, laoCode: l.code })),
    ...provinces.map((code) => ({ code, kind: 'PROVINCE' as const, laoCode: null })),
  ];
  for (const u of above)
    for (const dataset of countedDatasets) {
      if (u.kind === 'LAO' && isFirstHolder('LAO', dataset)) continue; // confirmed above already
      const { viewer, metadata } = actingFor(u.code, u.kind, u.laoCode);
      try {
        await confirmDataset(store, viewer, u.code, dataset, metadata);
        done += 1;
      } catch (e) {
        if (!isLecError(e) || e.code !== 'BAD_USER_INPUT') throw e;
      }
    }
  log(`  confirmations up the chain: ${done}`);
  return { roundId, confirmations: done };
}
