import { countColumns } from '../../src/modules/figures/figures.model';
import type { TestSystem } from './test-system';

/** Every table the counts and confirmations projections keep, in key order: live and rebuilt must be equal. */
export async function countTables(sys: TestSystem) {
  const q = (sql: string) => sys.dataSource.query(sql);
  return {
    perInstitution: await q(`SELECT * FROM enrolment_counts ORDER BY 1, 2`),
    // Summed per LAO when read (no per-LAO table on the write path): live and rebuilt sums agree too.
    perLao: await q(
      `SELECT o.lao_code, e.nationality_group, ${countColumns.map((c) => `sum(e.${c.column})::int AS ${c.column}`).join(', ')}
         FROM enrolment_counts e JOIN org_units o ON o.code = e.institution_code
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    otherSchools: await q(`SELECT * FROM other_school_totals ORDER BY 1`),
    otherSchoolsPerLao: await q(`SELECT * FROM other_school_totals_by_lao ORDER BY 1`),
    confirmations: await q(`SELECT * FROM confirmations ORDER BY 1, 2, 3`),
  };
}
