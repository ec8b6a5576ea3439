import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Pupils1763780000003 implements MigrationInterface {
  name = 'Pupils1763780000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE pupils (
      id                 varchar(36)  PRIMARY KEY,
      institution_code   varchar(20)  NOT NULL,
      citizen_id         varchar(13)  NOT NULL,
      id_kind            varchar(12)  NOT NULL,
      prefix             varchar(30)  NOT NULL,
      first_name         varchar(100) NOT NULL,
      last_name          varchar(100) NOT NULL,
      sex                varchar(6)   NOT NULL,
      birth_date         date         NOT NULL,
      nationality        varchar(50)  NOT NULL,
      religion           varchar(50),
      grade              varchar(3)   NOT NULL,
      enrolment_date     date,
      disadvantaged      boolean      NOT NULL,
      extra              jsonb        NOT NULL,
      queries            jsonb        NOT NULL,
      query_note         text,
      status             varchar(10)  NOT NULL,
      removal_reason     varchar(30),
      removal_note       text,
      removed_at         timestamptz,
      removed_by_account varchar(36),
      removed_by_profile varchar(36),
      enrolled_at        timestamptz  NOT NULL,
      updated_at         timestamptz  NOT NULL
    )`);
    // One citizen ID is enrolled at one institution at a time, country-wide: the database holds
    // the line even when two institutions enrol the same child at the same moment.
    await q.query(
      `CREATE UNIQUE INDEX pupils_active_citizen_id ON pupils (citizen_id) WHERE status = 'ACTIVE'`,
    );
    await q.query(
      `CREATE INDEX pupils_institution_idx ON pupils (institution_code, status, grade, last_name, first_name)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pupils`);
  }
}
