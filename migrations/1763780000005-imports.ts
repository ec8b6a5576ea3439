import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports of pupils awaiting the institution's decision. Not a read model and not
 * events: a preview is a draft; only its commit becomes facts (PupilEnrolled events). The
 * validated rows live here, not on the app server's disk, so any instance can commit a preview
 * another made; they are kept gzipped (src/modules/imports/stored-rows.ts says why not jsonb) and
 * cleared once the import is committed or discarded (the events keep what was committed), so
 * personal data do not linger.
 */
export class Imports1763780000005 implements MigrationInterface {
  name = 'Imports1763780000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE imports (
      id                varchar(36)  PRIMARY KEY,
      institution_code  varchar(20)  NOT NULL,
      account_id        varchar(36)  NOT NULL,
      profile_id        varchar(36),
      status            varchar(10)  NOT NULL CHECK (status IN ('PREVIEW', 'COMMITTED', 'DISCARDED')),
      file_name         varchar(255) NOT NULL,
      file_kind         varchar(4)   NOT NULL,
      academic_year     integer      NOT NULL,
      total_rows        integer      NOT NULL,
      valid_rows        integer      NOT NULL,
      error_rows        integer      NOT NULL,
      query_rows        integer      NOT NULL,
      report            jsonb        NOT NULL,
      rows_gz           bytea,
      committed_count   integer,
      created_at        timestamptz  NOT NULL DEFAULT now(),
      decided_at        timestamptz,
      decided_by        varchar(36),
      request_id        varchar(64)
    )`);
    await q.query(`CREATE INDEX imports_institution_idx ON imports (institution_code, created_at)`);
    await q.query(`CREATE INDEX imports_pending_idx ON imports (created_at) WHERE status = 'PREVIEW'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE imports`);
  }
}
