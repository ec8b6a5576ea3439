import type { TransferAnswerer } from '../transfer-request.events';
import { isInstitution } from '../../chain/org-unit-kind';

/** An open transfer request unanswered this long is overdue, and shown as such to the holder's LAO. */
export const TRANSFER_ANSWER_DAYS = 14;

export function transferDueAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + TRANSFER_ANSWER_DAYS * 24 * 3600_000);
}

export function isTransferOverdue(status: string, requestedAt: Date, now: Date): boolean {
  return status === 'OPEN' && now.getTime() > transferDueAt(requestedAt).getTime();
}

/**
 * Who answers a transfer request: the institution holding the pupil, or its LAO, which can always
 * answer (so a ghost record at a school that does not answer blocks a real child for two weeks at
 * most, once the LAO sees the request overdue). Nobody else: not the receiver, another institution,
 * a province or the department.
 */
export function transferAnswererOf(
  viewer: { code: string; kind: string },
  holder: { code: string; laoCode: string | null },
): TransferAnswerer | null {
  if (isInstitution(viewer.kind) && viewer.code === holder.code) return 'INSTITUTION';
  if (viewer.kind === 'LAO' && holder.laoCode !== null && viewer.code === holder.laoCode) return 'LAO';
  return null;
}
