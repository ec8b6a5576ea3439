import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpotChecks1763780000015 implements MigrationInterface {
  name = 'SpotChecks1763780000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE spot_checks (
      id                varchar(36) PRIMARY KEY,
      province_code     varchar(20) NOT NULL,
      round_id          varchar(10) NOT NULL,
      algorithm         text        NOT NULL,
      seed              varchar(32) NOT NULL,
      population_order  text        NOT NULL,
      population_size   integer     NOT NULL,
      population_digest varchar(64) NOT NULL,
      institution_codes jsonb       NOT NULL,
      requested_size    integer     NOT NULL,
      sample_size       integer     NOT NULL,
      drawn_at          timestamptz NOT NULL,
      drawn_by_account  varchar(36),
      drawn_by_profile  varchar(36)
    )`);
    await q.query(`CREATE INDEX spot_checks_province ON spot_checks (province_code, drawn_at)`);
    await q.query(`CREATE TABLE spot_check_pupils (
      spot_check_id       varchar(36) NOT NULL,
      pupil_id            varchar(36) NOT NULL,
      institution_code    varchar(20) NOT NULL,
      position            integer     NOT NULL,
      result              varchar(12),
      note                text,
      recorded_at         timestamptz,
      recorded_by_account varchar(36),
      recorded_by_profile varchar(36),
      PRIMARY KEY (spot_check_id, pupil_id)
    )`);
    // The flags an institution or its LAO reads: NOT_FOUND results by institution.
    await q.query(
      `CREATE INDEX spot_check_pupils_flags ON spot_check_pupils (institution_code) WHERE result = 'NOT_FOUND'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spot_check_pupils`);
    await q.query(`DROP TABLE spot_checks`);
  }
}
