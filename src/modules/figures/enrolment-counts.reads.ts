import type { EntityManager } from 'typeorm';
import { badInput } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import { todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { countScope, type CountScope } from './count-scope';
import { countsView, type EnrolmentCountsView } from './figures.view';
import { parseAsOf, readAsOfCounts } from './read-as-of-counts';
import { readConfirmedCounts } from './read-confirmed-counts';
import { readLiveCounts } from './read-live-counts';

export interface CountsRequest {
  orgUnitCode: string;
  roundId?: string | null;
  confirmedOnly?: boolean | null;
  district?: string | null;
}

/** The unit asked about, if the viewer may read its figures: its own unit and everything below it. */
export async function scopeFor(
  m: EntityManager,
  viewer: Viewer,
  orgUnitCode: string,
  district?: string | null,
): Promise<CountScope> {
  const unit = await requireUnitInScope(m, viewer, orgUnitCode.trim());
  return countScope(unit, district);
}

async function roundFor(m: EntityManager, req: CountsRequest): Promise<RoundRow | null> {
  if (req.roundId) {
    const round = await m.findOneBy(RoundRow, { id: req.roundId });
    if (!round) throw badInput({ roundId: `ไม่พบรอบการบันทึกข้อมูล ${req.roundId}` });
    return round;
  }
  if (!req.confirmedOnly) return null;
  const [latest] = await m.find(RoundRow, { order: { academicYear: 'DESC', roundNo: 'DESC' }, take: 1 });
  if (!latest) throw badInput({ roundId: 'ยังไม่มีรอบการบันทึกข้อมูล จึงยังไม่มีข้อมูลที่ยืนยันแล้ว' });
  return latest;
}

/**
 * enrolmentCounts: the figures of a unit and everything below it, as they stand now (with a round:
 * CDC ages on its snapshot date), or with `confirmedOnly` the confirmed figures of the round.
 */
export async function enrolmentCounts(
  m: EntityManager,
  viewer: Viewer,
  req: CountsRequest,
): Promise<EnrolmentCountsView> {
  const scope = await scopeFor(m, viewer, req.orgUnitCode, req.district);
  const round = await roundFor(m, req);
  if (req.confirmedOnly && round) {
    const confirmed = await readConfirmedCounts(m, scope, round.id);
    return countsView({
      scope,
      mode: 'CONFIRMED',
      roundId: round.id,
      referenceDate: round.snapshotDate,
      at: null,
      enrolled: confirmed.enrolled,
      nationality: null,
      otherSchools: confirmed.otherSchools,
      ages: null,
      confirmedUpTo: confirmed.upTo,
      provisional: confirmed.provisional,
    });
  }
  const live = await readLiveCounts(m, scope);
  return countsView({
    scope,
    mode: 'LIVE',
    roundId: round?.id ?? null,
    referenceDate: round?.snapshotDate ?? todayInBangkok(new Date()),
    at: null,
    enrolled: live.enrolled,
    nationality: live.enrolled,
    otherSchools: live.otherSchools,
  });
}

/** enrolmentCountsAsOf: the figures as they stood at an instant, replayed from the events. */
export async function enrolmentCountsAsOf(
  m: EntityManager,
  viewer: Viewer,
  req: { orgUnitCode: string; at: string; district?: string | null },
): Promise<EnrolmentCountsView> {
  const at = parseAsOf(req.at);
  const scope = await scopeFor(m, viewer, req.orgUnitCode, req.district);
  const counts = await readAsOfCounts(m, scope, at);
  return countsView({
    scope,
    mode: 'AS_OF',
    roundId: null,
    referenceDate: counts.referenceDate,
    at,
    enrolled: counts.enrolled,
    nationality: counts.enrolled,
    otherSchools: counts.otherSchools,
    ages: counts.ages,
  });
}
