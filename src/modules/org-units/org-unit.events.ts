import type { Event } from '../../event-store/event';
import type { LaoType, OrgUnitKind } from '../chain/org-unit-kind';

export interface OrgUnitDetails {
  name: string;
  /** อำเภอ: set on an LAO, inherited by its institutions unless given. */
  district: string | null;
  laoType: LaoType | null;
  /** The education ministry's 10-digit school code, where known. */
  ministryCode: string | null;
}

export type OrgUnitRegistered = Event<
  'OrgUnitRegistered',
  OrgUnitDetails & {
    code: string;
    kind: OrgUnitKind;
    parentCode: string | null;
    /** Denormalised at registration, so scope checks and roll-ups need no tree walk. */
    provinceCode: string | null;
    laoCode: string | null;
  }
>;

export type OrgUnitDetailsChanged = Event<'OrgUnitDetailsChanged', OrgUnitDetails & { code: string }>;

export type OrgUnitEvent = OrgUnitRegistered | OrgUnitDetailsChanged;

export const orgUnitEventTypes: readonly OrgUnitEvent['type'][] = [
  'OrgUnitRegistered',
  'OrgUnitDetailsChanged',
];

export function orgUnitStreamId(code: string): string {
  return `OrgUnit-${code}`;
}
