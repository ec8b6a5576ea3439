import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import type { ConfirmationRevoked } from '../confirmation/confirmation.events';
import { revocationRequestEventTypes, type RevocationRequestEvent } from './revocation-request.events';

/**
 * Read model `revocation_requests`. A request is answered yes by the revocation itself: the
 * ConfirmationRevoked of the unit and dataset in the round closes every open request for it.
 */
export const revocationRequestsProjection: Projection = {
  name: 'revocation-requests',
  handles: [...revocationRequestEventTypes, 'ConfirmationRevoked'],
  tables: ['revocation_requests'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<RevocationRequestEvent | ConfirmationRevoked>[]) {
      const { accountId, profileId, at } = e.metadata;
      switch (e.type) {
        case 'RevocationRequested': {
          const d = e.data;
          await tx.query(
            `INSERT INTO revocation_requests (id, round_id, org_unit_code, dataset, reason, requested_by_unit,
               addressed_to_unit, requested_at, requested_by_account, requested_by_profile, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OPEN')`,
            [
              d.requestId,
              d.roundId,
              d.orgUnitCode,
              d.dataset,
              d.reason,
              d.requestedByUnitCode,
              d.addressedToUnitCode,
              at,
              accountId,
              profileId,
            ],
          );
          break;
        }
        case 'RevocationRequestRefused':
          await tx.query(
            `UPDATE revocation_requests SET status = 'REFUSED', answered_at = $2, answered_by_unit = $3,
               answered_by_account = $4, answered_by_profile = $5, answer_reason = $6 WHERE id = $1`,
            [e.data.requestId, at, e.data.refusedByUnitCode, accountId, profileId, e.data.reason],
          );
          break;
        case 'ConfirmationRevoked':
          await tx.query(
            `UPDATE revocation_requests SET status = 'REVOKED', answered_at = $4, answered_by_unit = $5,
               answered_by_account = $6, answered_by_profile = $7, answer_reason = $8
             WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3 AND status = 'OPEN'`,
            [
              e.data.roundId,
              e.data.orgUnitCode,
              e.data.dataset,
              at,
              e.data.revokedByUnitCode,
              accountId,
              profileId,
              e.data.reason,
            ],
          );
          break;
      }
    }
  },
};
