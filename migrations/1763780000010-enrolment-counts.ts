import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen here, not imported: a migration must mean the same thing whatever the code says later.
// prettier-ignore
const GRADES = ['k1', 'k2', 'k3', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'cdc'];
const OTHER_SCHOOL_GRADES = GRADES.slice(0, 9);

const columns = (grades: string[]) =>
  grades
    .flatMap((g) => [`${g}_male`, `${g}_female`])
    .map((c) => `${c} integer NOT NULL DEFAULT 0`)
    .join(',\n      ');

/**
 * Per-institution counts of the current register, one row per institution and nationality group
 * with a column per grade and sex, and the latest counts of each funded school of another
 * affiliation in the same shape; and both summed per LAO, for the roll-ups above an LAO.
 */
export class EnrolmentCounts1763780000010 implements MigrationInterface {
  name = 'EnrolmentCounts1763780000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enrolment_counts (
      institution_code  varchar(20) NOT NULL,
      nationality_group varchar(5)  NOT NULL,
      ${columns(GRADES)},
      PRIMARY KEY (institution_code, nationality_group)
    )`);
    await q.query(`CREATE TABLE other_school_totals (
      school_code varchar(20) PRIMARY KEY,
      ${columns(OTHER_SCHOOL_GRADES)}
    )`);
    // The same, summed per LAO: the country, a province or a district reads ~8,000 rows, not ~65,000.
    await q.query(`CREATE TABLE enrolment_counts_by_lao (
      lao_code          varchar(20) NOT NULL,
      nationality_group varchar(5)  NOT NULL,
      ${columns(GRADES)},
      PRIMARY KEY (lao_code, nationality_group)
    )`);
    await q.query(`CREATE TABLE other_school_totals_by_lao (
      lao_code varchar(20) PRIMARY KEY,
      ${columns(OTHER_SCHOOL_GRADES)}
    )`);
    // Age groups of CDC children are counted from the register (they depend on the reference day).
    await q.query(
      `CREATE INDEX pupils_active_cdc_idx ON pupils (institution_code, birth_date) WHERE status = 'ACTIVE' AND grade = 'CDC'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pupils_active_cdc_idx`);
    await q.query(`DROP TABLE other_school_totals_by_lao`);
    await q.query(`DROP TABLE enrolment_counts_by_lao`);
    await q.query(`DROP TABLE other_school_totals`);
    await q.query(`DROP TABLE enrolment_counts`);
  }
}
