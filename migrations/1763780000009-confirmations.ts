import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Confirmations1763780000009 implements MigrationInterface {
  name = 'Confirmations1763780000009';

  async up(q: QueryRunner): Promise<void> {
    // Where each unit stands per round and dataset: confirmed or not, the figures of record, the last revocation.
    await q.query(`CREATE TABLE confirmations (
      round_id             varchar(10) NOT NULL,
      org_unit_code        varchar(20) NOT NULL,
      dataset              varchar(30) NOT NULL,
      confirmed            boolean     NOT NULL,
      confirmed_at         timestamptz,
      confirmed_by_account varchar(36),
      confirmed_by_profile varchar(36),
      confirmed_position   bigint,
      total                int,
      counts               jsonb       NOT NULL DEFAULT '[]',
      late                 boolean     NOT NULL DEFAULT false,
      revoked_at           timestamptz,
      revoked_by_account   varchar(36),
      revoked_by_profile   varchar(36),
      revoked_by_unit      varchar(20),
      revocation_reason    text,
      PRIMARY KEY (round_id, org_unit_code, dataset)
    )`);
    await q.query(`CREATE INDEX confirmations_unit_idx ON confirmations (org_unit_code, round_id)`);
    // Every confirmation and revocation, for the history of a unit (kept forever, like the events).
    await q.query(`CREATE TABLE confirmation_events (
      global_position bigint      PRIMARY KEY,
      round_id        varchar(10) NOT NULL,
      org_unit_code   varchar(20) NOT NULL,
      dataset         varchar(30) NOT NULL,
      action          varchar(10) NOT NULL,
      at              timestamptz NOT NULL,
      account_id      varchar(36),
      profile_id      varchar(36),
      by_unit         varchar(20),
      reason          text,
      total           int,
      counts          jsonb       NOT NULL DEFAULT '[]',
      late            boolean     NOT NULL DEFAULT false
    )`);
    await q.query(
      `CREATE INDEX confirmation_events_unit_idx ON confirmation_events (org_unit_code, round_id, global_position)`,
    );
    // Readiness looks up the units of one kind under an LAO or a province.
    await q.query(`CREATE INDEX org_units_lao_kind_idx ON org_units (lao_code, kind)`);
    await q.query(`CREATE INDEX org_units_province_kind_idx ON org_units (province_code, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX org_units_province_kind_idx`);
    await q.query(`DROP INDEX org_units_lao_kind_idx`);
    await q.query(`DROP TABLE confirmation_events`);
    await q.query(`DROP TABLE confirmations`);
  }
}
