import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pupil counts of schools of another affiliation, as recorded by their funding LAO (projections). */
export class OtherSchoolCounts1763780000004 implements MigrationInterface {
  name = 'OtherSchoolCounts1763780000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE other_school_records (
      school_code varchar(20)  PRIMARY KEY,
      lao_code    varchar(20)  NOT NULL,
      status      varchar(20)  NOT NULL,
      note        varchar(500),
      recorded_at timestamptz  NOT NULL,
      account_id  varchar(36),
      profile_id  varchar(36),
      version     integer      NOT NULL
    )`);
    await q.query(`CREATE INDEX other_school_records_lao_idx ON other_school_records (lao_code)`);
    await q.query(`CREATE TABLE other_school_counts (
      school_code varchar(20) NOT NULL,
      grade       varchar(2)  NOT NULL,
      male        integer     NOT NULL CHECK (male >= 0),
      female      integer     NOT NULL CHECK (female >= 0),
      PRIMARY KEY (school_code, grade)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE other_school_counts`);
    await q.query(`DROP TABLE other_school_records`);
  }
}
