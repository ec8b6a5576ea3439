import type { Event } from '../../event-store/event';
import type { PupilDetails, PupilQueries } from './pupil.events';

/** Who answered a transfer request: the institution holding the pupil, or that institution's LAO. */
export type TransferAnswerer = 'INSTITUTION' | 'LAO';
export const transferAnswerers: readonly TransferAnswerer[] = ['INSTITUTION', 'LAO'];

/**
 * A receiving institution asks for a pupil whose ID another institution holds (its enrolment was
 * refused with DUPLICATE_PUPIL). The details are the receiver's, checked when it asked.
 */
export type PupilTransferRequested = Event<
  'PupilTransferRequested',
  PupilQueries & {
    requestId: string;
    citizenId: string;
    /** The holder: the institution where the ID was enrolled when the request was made. */
    fromInstitutionCode: string;
    fromPupilId: string;
    toInstitutionCode: string;
    details: PupilDetails;
    note: string | null;
    /** The day (in Thailand) the receiver asked: the pupil is at the receiving institution by then. */
    requestedOn: string;
  }
>;

export type PupilTransferAccepted = Event<
  'PupilTransferAccepted',
  {
    requestId: string;
    /** The pupil as now enrolled at the receiving institution. */
    pupilId: string;
    answeredAs: TransferAnswerer;
    note: string | null;
  }
>;

export type PupilTransferRefused = Event<
  'PupilTransferRefused',
  { requestId: string; answeredAs: TransferAnswerer; note: string }
>;

export type TransferRequestEvent = PupilTransferRequested | PupilTransferAccepted | PupilTransferRefused;
export const transferRequestEventTypes: readonly TransferRequestEvent['type'][] = [
  'PupilTransferRequested',
  'PupilTransferAccepted',
  'PupilTransferRefused',
];

export function transferRequestStreamId(requestId: string): string {
  return `TransferRequest-${requestId}`;
}
