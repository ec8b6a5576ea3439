import { LecError } from '../../shared/errors';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import type { Viewer } from './viewer';

/** Where a unit sits in the tree: enough to decide scope without walking it. */
export interface UnitPlace {
  code: string;
  kind: OrgUnitKind;
  parentCode?: string | null;
  provinceCode: string | null;
  laoCode: string | null;
}

/**
 * Access by place in the hierarchy (DOMAIN.md, "Who uses it"): the department sees all; a
 * province its LAOs and their institutions; an LAO its institutions and funded schools; an
 * institution itself. This module is the one place that decides it.
 */
export function isWithin(viewerUnit: UnitPlace, unit: UnitPlace): boolean {
  switch (viewerUnit.kind) {
    case 'DEPARTMENT':
      return true;
    case 'PROVINCE':
      return unit.provinceCode === viewerUnit.code;
    case 'LAO':
      return unit.laoCode === viewerUnit.code;
    case 'SCHOOL':
    case 'CDC':
    case 'OTHER_SCHOOL':
      return unit.code === viewerUnit.code;
  }
}

/** A unit above the viewer's own (its LAO, province, the department): visible by name, not by data. */
export function isAncestor(viewerUnit: UnitPlace, unit: UnitPlace): boolean {
  if (unit.kind === 'DEPARTMENT') return true;
  return (
    unit.code !== viewerUnit.code &&
    (unit.code === viewerUnit.provinceCode || unit.code === viewerUnit.laoCode)
  );
}

export function canSeeUnit(viewerUnit: UnitPlace, unit: UnitPlace): boolean {
  return isWithin(viewerUnit, unit) || isAncestor(viewerUnit, unit);
}

/** The signed-in viewer who has completed the first login; everything but me/logout needs one. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new LecError('UNAUTHENTICATED');
  if (viewer.mustCompleteFirstLogin) throw new LecError('FIRST_LOGIN_REQUIRED');
  return viewer;
}

export function requireKind(viewer: Viewer | null, ...kinds: OrgUnitKind[]): Viewer {
  const v = requireViewer(viewer);
  if (!kinds.includes(v.orgUnit.kind)) throw new LecError('FORBIDDEN');
  return v;
}

export function assertWithin(viewer: Viewer, unit: UnitPlace): void {
  if (!isWithin(viewer.orgUnit, unit))
    throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของหน่วยงาน ${unit.code}`);
}

/**
 * Who sees a pupil's whole citizen ID (personal data): only an institution that holds it, the one whose
 * register the pupil is on (in a transfer request, both institutions). Everyone else, the levels above
 * and lists drawn up for them (`looker` null), sees it masked: `citizenIdFor` in `pupils/rules/citizen-id.ts`.
 */
export function seesWholeCitizenId(
  looker: { code: string } | null | undefined,
  holders: string | readonly string[] | null,
): boolean {
  if (!looker || holders === null) return false;
  return typeof holders === 'string' ? holders === looker.code : holders.includes(looker.code);
}

/** Who hands out accounts: the department for any unit; a province for its LAOs and their institutions. */
export function canIssueCredentials(viewerUnit: UnitPlace, unit: UnitPlace): boolean {
  if (viewerUnit.kind === 'DEPARTMENT') return unit.code !== viewerUnit.code;
  if (viewerUnit.kind === 'PROVINCE') return unit.kind !== 'PROVINCE' && isWithin(viewerUnit, unit);
  return false;
}
