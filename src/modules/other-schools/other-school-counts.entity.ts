import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OtherSchoolGrade, OtherSchoolStatus } from './other-school-counts.rules';

/** Read model: the latest record of each school of another affiliation, and who made it. */
@Entity('other_school_records')
export class OtherSchoolRecordRow {
  @PrimaryColumn({ name: 'school_code', type: 'varchar', length: 20 })
  schoolCode: string;

  @Column({ name: 'lao_code', type: 'varchar', length: 20 })
  laoCode: string;

  @Column({ type: 'varchar', length: 20 })
  status: OtherSchoolStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId: string | null;

  /** The profile in force when it was recorded: the responsible person. */
  @Column({ name: 'profile_id', type: 'varchar', length: 36, nullable: true })
  profileId: string | null;

  /** The stream version of the event this row reflects. */
  @Column({ type: 'integer' })
  version: number;
}

/** Read model: the pupils of each grade (K1–P6) of each recorded school. */
@Entity('other_school_counts')
export class OtherSchoolCountRow {
  @PrimaryColumn({ name: 'school_code', type: 'varchar', length: 20 })
  schoolCode: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  grade: OtherSchoolGrade;

  @Column({ type: 'integer' })
  male: number;

  @Column({ type: 'integer' })
  female: number;
}
