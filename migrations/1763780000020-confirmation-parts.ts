import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ConfirmedCounts1763780000011 } from './1763780000011-confirmed-counts';

/**
 * The parts a confirmation summed (an LAO's funded schools with their totals, a province's LAOs),
 * kept on the confirmations read model so the budget and the figures of record need not read the
 * event log. Backfilled from the DatasetConfirmed events already recorded.

 */
export class ConfirmationParts1763780000020 implements MigrationInterface {
  name = 'ConfirmationParts1763780000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE confirmations ADD COLUMN parts jsonb`);
    await q.query(`UPDATE confirmations c SET parts = e.data->'parts'
                     FROM events e WHERE e.global_position = c.confirmed_position`);
    // The figures of record are read from the confirmations themselves (figures-of-record.ts): the
    // per-LAO sums of institution confirmations cannot tell how far up each one is confirmed.
    await q.query(`DROP TABLE confirmed_counts_by_lao`);
    // The history lists the revocations a unit made of units below (its own tab).
    await q.query(
      `CREATE INDEX confirmation_events_by_unit_idx ON confirmation_events (by_unit, round_id, global_position)
        WHERE action = 'REVOKED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX confirmation_events_by_unit_idx`);
    await new ConfirmedCounts1763780000011().up(q);
    await q.query(`ALTER TABLE confirmations DROP COLUMN parts`);
  }
}
