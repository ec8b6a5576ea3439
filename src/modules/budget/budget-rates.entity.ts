import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LunchBand } from './budget-rates.rules';

/** Read model: the rates the department set, one row per date they take effect. */
@Entity('budget_rates')
export class BudgetRatesRow {
  @PrimaryColumn({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ name: 'lunch_bands', type: 'jsonb' }) lunchBands: LunchBand[];
  @Column({ name: 'lunch_days', type: 'integer' }) lunchDays: number;
  @Column({ name: 'milk_pasteurised_per_bag', type: 'numeric', precision: 8, scale: 2 })
  milkPasteurisedPerBag: string;
  @Column({ name: 'milk_uht_per_box', type: 'numeric', precision: 8, scale: 2 }) milkUhtPerBox: string;
  @Column({ name: 'milk_days', type: 'integer' }) milkDays: number;
  @Column({ name: 'cdc_lunch_per_day', type: 'numeric', precision: 8, scale: 2, nullable: true })
  cdcLunchPerDay: string | null;
  @Column({ name: 'cdc_lunch_days', type: 'integer', nullable: true }) cdcLunchDays: number | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'set_at', type: 'timestamptz' }) setAt: Date;
  @Column({ name: 'set_by_account', type: 'varchar', length: 36, nullable: true }) setByAccount:
    string | null;
  @Column({ name: 'set_by_profile', type: 'varchar', length: 36, nullable: true }) setByProfile:
    string | null;
}
