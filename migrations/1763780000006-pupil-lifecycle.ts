import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pupils who leave, transfer in, move up a grade; transfer requests between institutions (projections). */
export class PupilLifecycle1763780000006 implements MigrationInterface {
  name = 'PupilLifecycle1763780000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pupils
      ADD COLUMN left_reason         varchar(20),
      ADD COLUMN left_on             date,
      ADD COLUMN left_note           text,
      ADD COLUMN left_to_institution varchar(20),
      ADD COLUMN left_at             timestamptz,
      ADD COLUMN transferred_in_from varchar(20),
      ADD COLUMN transferred_in_on   date,
      ADD COLUMN promoted_year       integer,
      ADD COLUMN promoted_from       varchar(3)`);

    await q.query(`CREATE TABLE pupil_promotions (
      id               varchar(30)  PRIMARY KEY,
      institution_code varchar(20)  NOT NULL,
      academic_year    integer      NOT NULL,
      last_grade       varchar(3),
      promoted         integer      NOT NULL,
      graduated        integer      NOT NULL,
      skipped          integer      NOT NULL,
      moves            jsonb        NOT NULL,
      promoted_at      timestamptz  NOT NULL,
      account_id       varchar(36),
      profile_id       varchar(36),
      UNIQUE (institution_code, academic_year)
    )`);

    await q.query(`CREATE TABLE pupil_transfer_requests (
      id                    varchar(36)  PRIMARY KEY,
      citizen_id            varchar(13)  NOT NULL,
      from_institution_code varchar(20)  NOT NULL,
      from_pupil_id         varchar(36)  NOT NULL,
      to_institution_code   varchar(20)  NOT NULL,
      details               jsonb        NOT NULL,
      queries               jsonb        NOT NULL,
      query_note            text,
      note                  text,
      status                varchar(10)  NOT NULL,
      requested_at          timestamptz  NOT NULL,
      requested_by_account  varchar(36),
      requested_by_profile  varchar(36),
      answered_as           varchar(12),
      answer_note           text,
      answered_at           timestamptz,
      answered_by_account   varchar(36),
      answered_by_profile   varchar(36),
      pupil_id              varchar(36)
    )`);
    // One open request per child and receiving institution: the backstop when a school clicks twice.
    await q.query(`CREATE UNIQUE INDEX pupil_transfer_requests_open
      ON pupil_transfer_requests (citizen_id, to_institution_code) WHERE status = 'OPEN'`);
    await q.query(
      `CREATE INDEX pupil_transfer_requests_from_idx ON pupil_transfer_requests (from_institution_code, status)`,
    );
    await q.query(
      `CREATE INDEX pupil_transfer_requests_to_idx ON pupil_transfer_requests (to_institution_code, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pupil_transfer_requests`);
    await q.query(`DROP TABLE pupil_promotions`);
    await q.query(`ALTER TABLE pupils
      DROP COLUMN left_reason, DROP COLUMN left_on, DROP COLUMN left_note, DROP COLUMN left_to_institution,
      DROP COLUMN left_at, DROP COLUMN transferred_in_from, DROP COLUMN transferred_in_on,
      DROP COLUMN promoted_year, DROP COLUMN promoted_from`);
  }
}
