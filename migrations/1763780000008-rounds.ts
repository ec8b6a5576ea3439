import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Rounds1763780000008 implements MigrationInterface {
  name = 'Rounds1763780000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rounds (
      id                   varchar(10) PRIMARY KEY,
      academic_year        int         NOT NULL,
      round_no             int         NOT NULL,
      snapshot_date        date        NOT NULL,
      institution_deadline date        NOT NULL,
      lao_deadline         date        NOT NULL,
      province_deadline    date        NOT NULL,
      status               varchar(10) NOT NULL,
      opened_at            timestamptz NOT NULL,
      closed_at            timestamptz
    )`);
    // The rounds aggregate allows one open round; the index makes the database agree.
    await q.query(`CREATE UNIQUE INDEX rounds_one_open ON rounds ((true)) WHERE status = 'OPEN'`);
    await q.query(`CREATE TABLE round_extensions (
      round_id      varchar(10) NOT NULL,
      org_unit_code varchar(20) NOT NULL,
      until         date        NOT NULL,
      reason        text        NOT NULL,
      granted_at    timestamptz NOT NULL,
      PRIMARY KEY (round_id, org_unit_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE round_extensions`);
    await q.query(`DROP TABLE rounds`);
  }
}
