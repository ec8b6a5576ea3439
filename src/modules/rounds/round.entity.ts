import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model: the rounds of data confirmation, kept by the rounds projection. */
@Entity('rounds')
export class RoundRow {
  @PrimaryColumn({ type: 'varchar', length: 10 }) id: string;
  @Column({ name: 'academic_year', type: 'int' }) academicYear: number;
  @Column({ name: 'round_no', type: 'int' }) roundNo: number;
  @Column({ name: 'snapshot_date', type: 'date' }) snapshotDate: string;
  @Column({ name: 'institution_deadline', type: 'date' }) institutionDeadline: string;
  @Column({ name: 'lao_deadline', type: 'date' }) laoDeadline: string;
  @Column({ name: 'province_deadline', type: 'date' }) provinceDeadline: string;
  @Column({ type: 'varchar', length: 10 }) status: 'OPEN' | 'CLOSED';
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}

/** A later deadline granted to one unit in a round. */
@Entity('round_extensions')
export class RoundExtensionRow {
  @PrimaryColumn({ name: 'round_id', type: 'varchar', length: 10 }) roundId: string;
  @PrimaryColumn({ name: 'org_unit_code', type: 'varchar', length: 20 }) orgUnitCode: string;
  @Column({ type: 'date' }) until: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
}
