import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SpotCheckResult } from './spot-check.events';

/** Read model: one row per spot check, with what shows the draw was random. */
@Entity('spot_checks')
export class SpotCheckRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'province_code', type: 'varchar', length: 20 }) provinceCode: string;
  @Column({ name: 'round_id', type: 'varchar', length: 10 }) roundId: string;
  @Column({ type: 'text' }) algorithm: string;
  @Column({ type: 'varchar', length: 32 }) seed: string;
  @Column({ name: 'population_order', type: 'text' }) populationOrder: string;
  @Column({ name: 'population_size', type: 'integer' }) populationSize: number;
  @Column({ name: 'population_digest', type: 'varchar', length: 64 }) populationDigest: string;
  @Column({ name: 'institution_codes', type: 'jsonb' }) institutionCodes: string[];
  @Column({ name: 'requested_size', type: 'integer' }) requestedSize: number;
  @Column({ name: 'sample_size', type: 'integer' }) sampleSize: number;
  @Column({ name: 'drawn_at', type: 'timestamptz' }) drawnAt: Date;
  @Column({ name: 'drawn_by_account', type: 'varchar', length: 36, nullable: true }) drawnByAccount:
    string | null;
  @Column({ name: 'drawn_by_profile', type: 'varchar', length: 36, nullable: true }) drawnByProfile:
    string | null;
}

/** Read model: each drawn pupil and the latest result recorded for it. NOT_FOUND rows are the flags. */
@Entity('spot_check_pupils')
export class SpotCheckPupilRow {
  @PrimaryColumn({ name: 'spot_check_id', type: 'varchar', length: 36 }) spotCheckId: string;
  @PrimaryColumn({ name: 'pupil_id', type: 'varchar', length: 36 }) pupilId: string;
  @Column({ name: 'institution_code', type: 'varchar', length: 20 }) institutionCode: string;
  /** 1 for the first pupil drawn. */
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 12, nullable: true }) result: SpotCheckResult | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true }) recordedAt: Date | null;
  @Column({ name: 'recorded_by_account', type: 'varchar', length: 36, nullable: true })
  recordedByAccount: string | null;
  @Column({ name: 'recorded_by_profile', type: 'varchar', length: 36, nullable: true })
  recordedByProfile: string | null;
}
