import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `
      cdc_code              varchar(20)   NOT NULL,
      version               integer       NOT NULL CHECK (version >= 1),
      teachers              integer       NOT NULL CHECK (teachers >= 0),
      caregivers            integer       NOT NULL CHECK (caregivers >= 0),
      classrooms            integer       NOT NULL CHECK (classrooms >= 0),
      capacity              integer       NOT NULL CHECK (capacity >= 0),
      building_type         varchar(20)   NOT NULL,
      building_type_other   varchar(200),
      lunch_provision       varchar(20)   NOT NULL,
      lunch_provision_other varchar(200),
      notes                 varchar(1000),
      recorded_at           timestamptz   NOT NULL,
      account_id            varchar(36),
      profile_id            varchar(36),
      stream_version        integer       NOT NULL`;

/** CDC basic data (ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก): the latest per centre, and every version (projections). */
export class CdcBasicData1763780000007 implements MigrationInterface {
  name = 'CdcBasicData1763780000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cdc_basic_data (${COLUMNS},
      PRIMARY KEY (cdc_code)
    )`);
    await q.query(`CREATE TABLE cdc_basic_data_versions (${COLUMNS},
      PRIMARY KEY (cdc_code, version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cdc_basic_data_versions`);
    await q.query(`DROP TABLE cdc_basic_data`);
  }
}
