import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetRates1763780000016 implements MigrationInterface {
  name = 'BudgetRates1763780000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE budget_rates (
      effective_from           date          PRIMARY KEY,
      lunch_bands              jsonb         NOT NULL,
      lunch_days               integer       NOT NULL,
      milk_pasteurised_per_bag numeric(8,2)  NOT NULL,
      milk_uht_per_box         numeric(8,2)  NOT NULL,
      milk_days                integer       NOT NULL,
      cdc_lunch_per_day        numeric(8,2),
      cdc_lunch_days           integer,
      note                     text,
      set_at                   timestamptz   NOT NULL,
      set_by_account           varchar(36),
      set_by_profile           varchar(36)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_rates`);
  }
}
