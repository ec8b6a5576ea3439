import type { Event } from '../../event-store/event';

/**
 * A province sets its own earlier targets for its institutions and LAOs, within the department's
 * deadlines (guideline §10.1: the province tells them to finish by one day, and confirms by a later one).
 */
export type ProvinceTargetsSet = Event<
  'ProvinceTargetsSet',
  { provinceCode: string; roundId: string; institutionTarget: string; laoTarget: string; note: string | null }
>;

export type ProvinceTargetEvent = ProvinceTargetsSet;
export const provinceTargetEventTypes: readonly ProvinceTargetEvent['type'][] = ['ProvinceTargetsSet'];

export function provinceTargetStreamId(provinceCode: string): string {
  return `ProvinceTargets-${provinceCode}`;
}
