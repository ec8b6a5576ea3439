import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (the clerk's day): revocation requests, notices and their reads, a province's own targets. */
export class Clerk1763780000040 implements MigrationInterface {
  name = 'Clerk1763780000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE revocation_requests (
      id                   varchar(36) PRIMARY KEY,
      round_id             varchar(10) NOT NULL,
      org_unit_code        varchar(20) NOT NULL,
      dataset              varchar(30) NOT NULL,
      reason               text        NOT NULL,
      requested_by_unit    varchar(20) NOT NULL,
      addressed_to_unit    varchar(20) NOT NULL,
      requested_at         timestamptz NOT NULL,
      requested_by_account varchar(36),
      requested_by_profile varchar(36),
      status               varchar(10) NOT NULL,
      answered_at          timestamptz,
      answered_by_unit     varchar(20),
      answered_by_account  varchar(36),
      answered_by_profile  varchar(36),
      answer_reason        text
    )`);
    // One open request per confirmation: a second ask while the first waits is refused.
    await q.query(
      `CREATE UNIQUE INDEX revocation_requests_one_open ON revocation_requests (round_id, org_unit_code, dataset) WHERE status = 'OPEN'`,
    );
    await q.query(
      `CREATE INDEX revocation_requests_unit ON revocation_requests (org_unit_code, requested_at)`,
    );

    await q.query(`CREATE TABLE notices (
      id             varchar(60)  PRIMARY KEY,
      from_unit      varchar(20)  NOT NULL,
      from_kind      varchar(20)  NOT NULL,
      title          varchar(200) NOT NULL,
      body           text         NOT NULL,
      province_codes text[],
      unit_codes     text[],
      kinds          text[],
      round_id       varchar(10),
      posted_at      timestamptz  NOT NULL,
      posted_by_account varchar(36),
      posted_by_profile varchar(36)
    )`);
    await q.query(`CREATE INDEX notices_from ON notices (from_unit, posted_at)`);
    // Who has read what: a person's act on their own screen, not a fact of the register, so not an event.
    await q.query(`CREATE TABLE notice_reads (
      notice_id     varchar(60) NOT NULL,
      org_unit_code varchar(20) NOT NULL,
      read_at       timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notice_id, org_unit_code)
    )`);

    await q.query(`CREATE TABLE province_targets (
      province_code      varchar(20) NOT NULL,
      round_id           varchar(10) NOT NULL,
      institution_target date        NOT NULL,
      lao_target         date        NOT NULL,
      note               text,
      set_at             timestamptz NOT NULL,
      set_by_account     varchar(36),
      set_by_profile     varchar(36),
      PRIMARY KEY (province_code, round_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE province_targets`);
    await q.query(`DROP TABLE notice_reads`);
    await q.query(`DROP TABLE notices`);
    await q.query(`DROP TABLE revocation_requests`);
  }
}
