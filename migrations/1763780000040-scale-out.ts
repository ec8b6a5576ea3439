import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What several server processes share beyond the event log: each account's last write position
 * (read-your-writes across processes when reads go to replicas) and the progress of a rebuild,
 * which any process's /metrics reports.
 */
export class ScaleOut1763780000040 implements MigrationInterface {
  name = 'ScaleOut1763780000040';

  async up(q: QueryRunner): Promise<void> {
    // UNLOGGED: read only on the primary, never needed on a replica or after a crash (a lost mark
    // costs one read served by a replica that may be a moment behind the account's last write).
    await q.query(`CREATE UNLOGGED TABLE write_marks (
      account_id varchar(36) PRIMARY KEY,
      lsn        pg_lsn      NOT NULL,
      at         timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE projection_rebuilds (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      started_at   timestamptz NOT NULL DEFAULT now(),
      events_total bigint      NOT NULL,
      events_done  bigint      NOT NULL DEFAULT 0,
      finished_at  timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_rebuilds`);
    await q.query(`DROP TABLE write_marks`);
  }
}
