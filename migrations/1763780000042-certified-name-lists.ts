import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertifiedNameLists1763780000042 implements MigrationInterface {
  name = 'CertifiedNameLists1763780000042';

  async up(q: QueryRunner): Promise<void> {
    // The certified name list an LAO last stored for each funded school and round (its file's digest).
    await q.query(`CREATE TABLE certified_name_lists (
      round_id        varchar(10) NOT NULL,
      school_code     varchar(20) NOT NULL,
      lao_code        varchar(20) NOT NULL,
      digest          varchar(64) NOT NULL,
      rows            int         NOT NULL,
      listed          int         NOT NULL,
      invalid_rows    int         NOT NULL,
      stored_at       timestamptz NOT NULL,
      stored_by       varchar(36),
      global_position bigint      NOT NULL,
      PRIMARY KEY (round_id, school_code)
    )`);
    // The pupils on it (ID, grade, sex: no names), for the cross-check against registers and other lists.
    await q.query(`CREATE TABLE certified_name_list_pupils (
      round_id    varchar(10) NOT NULL,
      school_code varchar(20) NOT NULL,
      citizen_id  varchar(13) NOT NULL,
      grade       varchar(3)  NOT NULL,
      sex         varchar(6)  NOT NULL,
      PRIMARY KEY (round_id, school_code, citizen_id)
    )`);
    await q.query(
      `CREATE INDEX certified_name_list_pupils_id_idx ON certified_name_list_pupils (round_id, citizen_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certified_name_list_pupils`);
    await q.query(`DROP TABLE certified_name_lists`);
  }
}
