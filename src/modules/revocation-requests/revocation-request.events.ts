import type { Event } from '../../event-store/event';
import type { Dataset } from '../chain/dataset';

/** A unit (or a level above it) asks the level that must act to revoke a confirmation. */
export type RevocationRequested = Event<
  'RevocationRequested',
  {
    requestId: string;
    roundId: string;
    orgUnitCode: string;
    dataset: Dataset;
    reason: string;
    requestedByUnitCode: string;
    /** The level that had to act when it was asked (the one above the topmost confirmation in the way). */
    addressedToUnitCode: string;
  }
>;

/** The level asked says no, with its reason. (A yes is the revocation itself: ConfirmationRevoked.) */
export type RevocationRequestRefused = Event<
  'RevocationRequestRefused',
  { requestId: string; reason: string; refusedByUnitCode: string }
>;

export type RevocationRequestEvent = RevocationRequested | RevocationRequestRefused;
export const revocationRequestEventTypes: readonly RevocationRequestEvent['type'][] = [
  'RevocationRequested',
  'RevocationRequestRefused',
];

export function revocationRequestStreamId(requestId: string): string {
  return `RevocationRequest-${requestId}`;
}
