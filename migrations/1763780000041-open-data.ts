import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenData1763780000041 implements MigrationInterface {
  name = 'OpenData1763780000041';

  async up(q: QueryRunner): Promise<void> {
    // One release per closed round: the published (suppressed) figures as served, built once when
    // the round closes (its confirmations cannot change after that). `units` is JSON text, served as is.
    await q.query(`CREATE TABLE open_data_releases (
      round_id      varchar(10) PRIMARY KEY,
      academic_year int         NOT NULL,
      round_no      int         NOT NULL,
      snapshot_date date        NOT NULL,
      closed_at     timestamptz NOT NULL,
      confirmed_at  timestamptz,
      etag          varchar(64) NOT NULL,
      unit_count    int         NOT NULL,
      units         text        NOT NULL
    )`);
    await q.query(`CREATE INDEX open_data_releases_closed_idx ON open_data_releases (closed_at DESC)`);
    // Request counts per client and window, shared by every server process (not a projection).
    await q.query(`CREATE TABLE rate_limit_hits (
      bucket       varchar(120) NOT NULL,
      window_start timestamptz  NOT NULL,
      hits         int          NOT NULL,
      PRIMARY KEY (bucket, window_start)
    )`);
    await q.query(`CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_hits`);
    await q.query(`DROP TABLE open_data_releases`);
  }
}
