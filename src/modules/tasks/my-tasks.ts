import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { todayInBangkok } from '../../shared/thai-calendar';
import { tasksFrom, type TaskView } from '../confirmation/tasks';
import { statusOf } from '../confirmation/unit-status.reads';
import { openSpotCheckFlags, spotCheckFlagMessage } from '../spot-checks/spot-checks.reads';
import { revocationRequestTasks } from '../revocation-requests/revocation-request-tasks';
import { provinceTargetTasks } from '../province-targets/province-target-status';

/** How the tasks name units: the request's loader, so a unit read once is not read again. */
type UnitOf = (code: string) => Promise<{ code: string; kind: OrgUnitKind; name: string } | null | undefined>;

/** Pupils the province's spot check did not find, still on the register: the institution and its LAO act on them. */
async function spotCheckTasks(manager: EntityManager, viewer: Viewer): Promise<TaskView[]> {
  if (!['SCHOOL', 'CDC', 'LAO'].includes(viewer.orgUnit.kind)) return [];
  const flags = await openSpotCheckFlags(manager, [viewer.orgUnit.code]);
  return flags.map((f) => ({
    kind: 'SPOT_CHECK_FLAG',
    message: spotCheckFlagMessage(f),
    orgUnitCode: f.pupil.institutionCode,
    dataset: null,
    dueDate: null,
    daysLeft: null,
  }));
}

/**
 * What the viewer's unit must do now: revocation requests waiting on it, the province's own
 * targets, what its confirmation status asks (in the open round only), and spot-check flags.
 */
export async function myTasks(manager: EntityManager, viewer: Viewer, unitOf: UnitOf): Promise<TaskView[]> {
  const unit = await unitOf(viewer.orgUnit.code);
  const flags = await spotCheckTasks(manager, viewer);
  const requests = await revocationRequestTasks(manager, viewer);
  const status = unit && (await statusOf(manager, unit));
  if (!status || status.round.status !== 'OPEN') return [...requests, ...flags];
  const revokers = new Map<string, string>();
  for (const s of status.datasets)
    if (s.revokedByUnitCode)
      revokers.set(s.revokedByUnitCode, (await unitOf(s.revokedByUnitCode))?.name ?? '');
  const confirmation = tasksFrom(status, unit.kind, todayInBangkok(new Date()), {
    revokedBy: (s) => revokers.get(s.revokedByUnitCode ?? '') || 'หน่วยงานต้นสังกัด',
  });
  const targets = await provinceTargetTasks(manager, viewer, status.datasets, todayInBangkok(new Date()));
  return [...requests, ...targets, ...confirmation, ...flags];
}
