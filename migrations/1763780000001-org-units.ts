import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgUnits1763780000001 implements MigrationInterface {
  name = 'OrgUnits1763780000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_units (
      code          varchar(20)  PRIMARY KEY,
      name          varchar(200) NOT NULL,
      kind          varchar(20)  NOT NULL,
      parent_code   varchar(20),
      province_code varchar(20),
      lao_code      varchar(20),
      district      varchar(200),
      lao_type      varchar(30),
      ministry_code varchar(10),
      registered_at timestamptz  NOT NULL,
      updated_at    timestamptz  NOT NULL
    )`);
    await q.query(`CREATE INDEX org_units_parent_idx ON org_units (parent_code)`);
    await q.query(`CREATE INDEX org_units_province_idx ON org_units (province_code)`);
    await q.query(`CREATE INDEX org_units_lao_idx ON org_units (lao_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_units`);
  }
}
