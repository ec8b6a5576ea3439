import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Grade } from './rules/grades';

/** Read model: each institution's promotion for each academic year (one at most). */
@Entity('pupil_promotions')
export class PupilPromotionRow {
  /** `<institution code>:<academic year>`. */
  @PrimaryColumn({ type: 'varchar', length: 30 }) id: string;
  @Column({ name: 'institution_code', type: 'varchar', length: 20 }) institutionCode: string;
  @Column({ name: 'academic_year', type: 'integer' }) academicYear: number;
  @Column({ name: 'last_grade', type: 'varchar', length: 3, nullable: true }) lastGrade: Grade | null;
  @Column({ type: 'integer' }) promoted: number;
  @Column({ type: 'integer' }) graduated: number;
  @Column({ type: 'integer' }) skipped: number;
  @Column({ type: 'jsonb' }) moves: { fromGrade: Grade; toGrade: Grade | null; count: number }[];
  @Column({ name: 'promoted_at', type: 'timestamptz' }) promotedAt: Date;
  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true }) accountId: string | null;
  @Column({ name: 'profile_id', type: 'varchar', length: 36, nullable: true }) profileId: string | null;
}

export function promotionId(institutionCode: string, academicYear: number): string {
  return `${institutionCode}:${academicYear}`;
}
