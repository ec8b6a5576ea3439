import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row that /readyz rewrites: readiness means the database takes writes, not only reads. */
export class ReadinessProbe1763780000030 implements MigrationInterface {
  name = 'ReadinessProbe1763780000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE readiness_probe (
      id       smallint     PRIMARY KEY CHECK (id = 1),
      probed_at timestamptz NOT NULL
    )`);
    await q.query(`INSERT INTO readiness_probe (id, probed_at) VALUES (1, now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE readiness_probe`);
  }
}
