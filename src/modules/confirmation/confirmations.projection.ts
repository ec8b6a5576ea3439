import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { confirmationEventTypes, type ConfirmationEvent } from './confirmation.events';

/** Keeps `confirmations` (where each unit stands) and `confirmation_events` (its history). */
export const confirmationsProjection: Projection = {
  name: 'confirmations',
  handles: confirmationEventTypes,
  tables: ['confirmations', 'confirmation_events'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<ConfirmationEvent>[]) {
      const { accountId, profileId, orgUnitCode: byUnit, at } = e.metadata;
      if (e.type === 'DatasetConfirmed') {
        const d = e.data;
        const counts = JSON.stringify(d.counts);
        await tx.query(
          `INSERT INTO confirmations (round_id, org_unit_code, dataset, confirmed, confirmed_at,
             confirmed_by_account, confirmed_by_profile, confirmed_position, total, counts, late, parts)
           VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb)
           ON CONFLICT (round_id, org_unit_code, dataset) DO UPDATE SET confirmed = true,
             confirmed_at = EXCLUDED.confirmed_at, confirmed_by_account = EXCLUDED.confirmed_by_account,
             confirmed_by_profile = EXCLUDED.confirmed_by_profile, confirmed_position = EXCLUDED.confirmed_position,
             total = EXCLUDED.total, counts = EXCLUDED.counts, late = EXCLUDED.late, parts = EXCLUDED.parts`,
          [
            d.roundId,
            d.orgUnitCode,
            d.dataset,
            at,
            accountId,
            profileId,
            e.globalPosition,
            d.total,
            counts,
            d.late,
            d.parts ? JSON.stringify(d.parts) : null,
          ],
        );
        await tx.query(
          `INSERT INTO confirmation_events (global_position, round_id, org_unit_code, dataset, action, at,
             account_id, profile_id, by_unit, total, counts, late)
           VALUES ($1, $2, $3, $4, 'CONFIRMED', $5, $6, $7, $8, $9, $10::jsonb, $11)`,
          [
            e.globalPosition,
            d.roundId,
            d.orgUnitCode,
            d.dataset,
            at,
            accountId,
            profileId,
            byUnit,
            d.total,
            counts,
            d.late,
          ],
        );
      } else {
        const d = e.data;
        // The figures stay on the row: they are what was confirmed, shown beside the revocation.
        await tx.query(
          `UPDATE confirmations SET confirmed = false, revoked_at = $4, revoked_by_account = $5,
             revoked_by_profile = $6, revoked_by_unit = $7, revocation_reason = $8
           WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3`,
          [d.roundId, d.orgUnitCode, d.dataset, at, accountId, profileId, d.revokedByUnitCode, d.reason],
        );
        await tx.query(
          `INSERT INTO confirmation_events (global_position, round_id, org_unit_code, dataset, action, at,
             account_id, profile_id, by_unit, reason, total, counts)
           SELECT $1::bigint, $2::varchar, $3::varchar, $4::varchar, 'REVOKED', $5::timestamptz, $6::varchar,
             $7::varchar, $8::varchar, $9::text, c.total, c.counts
             FROM confirmations c WHERE c.round_id = $2 AND c.org_unit_code = $3 AND c.dataset = $4`,
          [
            e.globalPosition,
            d.roundId,
            d.orgUnitCode,
            d.dataset,
            at,
            accountId,
            profileId,
            d.revokedByUnitCode,
            d.reason,
          ],
        );
      }
    }
  },
};
