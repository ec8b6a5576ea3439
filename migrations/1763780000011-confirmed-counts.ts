import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen here, not imported (see 1763780000010).
// prettier-ignore
const GRADES = ['k1', 'k2', 'k3', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'cdc'];

/**
 * The standing confirmed figures of each round summed per LAO: its institutions' confirmed
 * registers (part REGISTER) and its own confirmed funded-school counts (part OTHER_SCHOOLS), so the
 * confirmed figures of the country read ~16,000 rows instead of expanding ~29,000 jsonb documents.
 */
export class ConfirmedCounts1763780000011 implements MigrationInterface {
  name = 'ConfirmedCounts1763780000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE confirmed_counts_by_lao (
      round_id varchar(10) NOT NULL,
      lao_code varchar(20) NOT NULL,
      part     varchar(13) NOT NULL,
      ${GRADES.flatMap((g) => [`${g}_male`, `${g}_female`])
        .map((c) => `${c} integer NOT NULL DEFAULT 0`)
        .join(',\n      ')},
      PRIMARY KEY (round_id, lao_code, part)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE confirmed_counts_by_lao`);
  }
}
