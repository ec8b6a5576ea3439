import type { TestSystem } from './test-system';

/** Every table the counts and confirmations projections keep, in key order: live and rebuilt must be equal. */
export async function countTables(sys: TestSystem) {
  const q = (sql: string) => sys.dataSource.query(sql);
  return {
    perInstitution: await q(`SELECT * FROM enrolment_counts ORDER BY 1, 2`),
    perLao: await q(`SELECT * FROM enrolment_counts_by_lao ORDER BY 1, 2`),
    otherSchools: await q(`SELECT * FROM other_school_totals ORDER BY 1`),
    otherSchoolsPerLao: await q(`SELECT * FROM other_school_totals_by_lao ORDER BY 1`),
    confirmations: await q(`SELECT * FROM confirmations ORDER BY 1, 2, 3`),
  };
}
