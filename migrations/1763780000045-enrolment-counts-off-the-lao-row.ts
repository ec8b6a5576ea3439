import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's counts are no longer summed per LAO in the write's transaction (issue 13): every
 * pupil write of an LAO's schools updated that LAO's one row of `enrolment_counts_by_lao` and held it
 * until commit, so on deadline day the schools of one LAO wrote one at a time. Counts above an
 * institution are summed from `enrolment_counts` when read. (Funded schools' totals per LAO stay:
 * only their LAO writes them.)
 */
export class EnrolmentCountsOffTheLaoRow1763780000045 implements MigrationInterface {
  name = 'EnrolmentCountsOffTheLaoRow1763780000045';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enrolment_counts_by_lao`);
  }

  async down(q: QueryRunner): Promise<void> {
    const cols: string[] = (
      (await q.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'enrolment_counts' AND column_name NOT IN ('institution_code', 'nationality_group')
          ORDER BY ordinal_position`,
      )) as { column_name: string }[]
    ).map((r) => r.column_name);
    await q.query(`CREATE TABLE enrolment_counts_by_lao (
      lao_code          varchar(20) NOT NULL,
      nationality_group varchar(5)  NOT NULL,
      ${cols.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (lao_code, nationality_group)
    )`);
    await q.query(
      `INSERT INTO enrolment_counts_by_lao (lao_code, nationality_group, ${cols.join(', ')})
       SELECT o.lao_code, e.nationality_group, ${cols.map((c) => `sum(e.${c})::int`).join(', ')}
         FROM enrolment_counts e JOIN org_units o ON o.code = e.institution_code
        GROUP BY o.lao_code, e.nationality_group`,
    );
  }
}
