import type { Event } from '../../event-store/event';
import type { PopulationMember } from './sampling';

/** What the province found for a drawn pupil: there and right, not there, or there with wrong data. */
export const spotCheckResults = ['FOUND', 'NOT_FOUND', 'WRONG_DATA'] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];

export const resultLabels: Record<SpotCheckResult, string> = {
  FOUND: 'พบตัวและข้อมูลถูกต้อง',
  NOT_FOUND: 'ไม่พบตัว',
  WRONG_DATA: 'พบตัวแต่ข้อมูลไม่ถูกต้อง',
};

/**
 * A province's random draw (DOMAIN.md, Confirmation rule 7): everything needed to show it was random
 * and to draw it again — the algorithm, the seed, the ordering rule, the population's size and
 * digest, the size asked for and drawn, and the pupils drawn in order.
 */
export type SpotCheckDrawn = Event<
  'SpotCheckDrawn',
  {
    spotCheckId: string;
    provinceCode: string;
    roundId: string;
    algorithm: string;
    seed: string;
    populationOrder: string;
    populationSize: number;
    populationDigest: string;
    /** The institutions drawn from, as chosen; empty: every institution of the province. */
    institutionCodes: string[];
    requestedSize: number;
    sampleSize: number;
    drawn: PopulationMember[];
  }
>;

export type SpotCheckResultRecorded = Event<
  'SpotCheckResultRecorded',
  {
    spotCheckId: string;
    pupilId: string;
    institutionCode: string;
    result: SpotCheckResult;
    note: string | null;
  }
>;

export type SpotCheckEvent = SpotCheckDrawn | SpotCheckResultRecorded;
export const spotCheckEventTypes: readonly SpotCheckEvent['type'][] = [
  'SpotCheckDrawn',
  'SpotCheckResultRecorded',
];

export const spotCheckStreamId = (id: string) => `SpotCheck-${id}`;
