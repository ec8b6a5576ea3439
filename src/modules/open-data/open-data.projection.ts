import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import type { RoundClosed } from '../rounds/round.events';
import { buildRelease, etagOf } from './release.build';

/**
 * Keeps `open_data_releases`: when a round closes, its published figures are built from the
 * confirmations in force (which cannot change once the round is closed) and kept as served, so the
 * public routes read one row. Runs after the rounds and confirmations projections.
 */
export const openDataProjection: Projection = {
  name: 'open-data',
  handles: ['RoundClosed'],
  tables: ['open_data_releases'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<RoundClosed>[]) {
      const release = await buildRelease(tx, e.data.roundId);
      if (!release) continue;
      const { units, ...meta } = release;
      const unitsJson = JSON.stringify(units);
      await tx.query(
        `INSERT INTO open_data_releases (round_id, academic_year, round_no, snapshot_date, closed_at,
           confirmed_at, etag, unit_count, units)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (round_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, confirmed_at = EXCLUDED.confirmed_at,
           etag = EXCLUDED.etag, unit_count = EXCLUDED.unit_count, units = EXCLUDED.units`,
        [
          meta.roundId,
          meta.academicYear,
          meta.roundNo,
          meta.snapshotDate,
          meta.closedAt,
          meta.confirmedAt,
          etagOf(meta, unitsJson),
          units.length,
          unitsJson,
        ],
      );
    }
  },
};
