import type { Event } from '../../event-store/event';
import type { CdcBasicDataRecord } from './cdc-basic-data.rules';

/**
 * A centre recorded its basic data: the whole record each time, numbered 1, 2, … per centre, so
 * that a confirmation can name (and freeze) the version it confirmed by stream and number.
 */
export type CdcBasicDataRecorded = Event<
  'CdcBasicDataRecorded',
  { cdcCode: string; version: number; data: CdcBasicDataRecord }
>;

export type CdcEvent = CdcBasicDataRecorded;

export const cdcEventTypes: readonly CdcEvent['type'][] = ['CdcBasicDataRecorded'];

/** The centre's own stream: its basic data now, and what a confirmation of them will need later. */
export function cdcStreamId(cdcCode: string): string {
  return `Cdc-${cdcCode}`;
}
