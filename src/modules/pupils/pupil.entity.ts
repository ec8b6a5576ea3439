import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LeaveReason, NonExistenceReason } from './pupil.events';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';

/** ACTIVE: on the current register; REMOVED: did not exist; LEFT: left normally (graduated, transferred out, withdrew). */
export type PupilStatus = 'ACTIVE' | 'REMOVED' | 'LEFT';

/** Read model: every pupil and child ever recorded, with where they stand now. */
@Entity('pupils')
export class PupilRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'institution_code', type: 'varchar', length: 20 }) institutionCode: string;
  @Column({ name: 'citizen_id', type: 'varchar', length: 13 }) citizenId: string;
  @Column({ name: 'id_kind', type: 'varchar', length: 12 }) idKind: 'CITIZEN_ID' | 'G_CODE';
  @Column({ type: 'varchar', length: 30 }) prefix: string;
  @Column({ name: 'first_name', type: 'varchar', length: 100 }) firstName: string;
  @Column({ name: 'last_name', type: 'varchar', length: 100 }) lastName: string;
  @Column({ type: 'varchar', length: 6 }) sex: Sex;
  @Column({ name: 'birth_date', type: 'date' }) birthDate: string;
  @Column({ type: 'varchar', length: 50 }) nationality: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) religion: string | null;
  @Column({ type: 'varchar', length: 3 }) grade: Grade;
  @Column({ name: 'enrolment_date', type: 'date', nullable: true }) enrolmentDate: string | null;
  @Column({ type: 'boolean' }) disadvantaged: boolean;
  @Column({ type: 'jsonb' }) extra: Record<string, string>;
  @Column({ type: 'jsonb' }) queries: Record<string, string>;
  @Column({ name: 'query_note', type: 'text', nullable: true }) queryNote: string | null;
  @Column({ type: 'varchar', length: 10 }) status: PupilStatus;
  @Column({ name: 'removal_reason', type: 'varchar', length: 30, nullable: true })
  removalReason: NonExistenceReason | null;
  @Column({ name: 'removal_note', type: 'text', nullable: true }) removalNote: string | null;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt: Date | null;
  @Column({ name: 'removed_by_account', type: 'varchar', length: 36, nullable: true }) removedByAccount:
    string | null;
  @Column({ name: 'removed_by_profile', type: 'varchar', length: 36, nullable: true }) removedByProfile:
    string | null;
  @Column({ name: 'left_reason', type: 'varchar', length: 20, nullable: true })
  leftReason: LeaveReason | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
  @Column({ name: 'left_note', type: 'text', nullable: true }) leftNote: string | null;
  @Column({ name: 'left_to_institution', type: 'varchar', length: 20, nullable: true })
  leftToInstitutionCode: string | null;
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt: Date | null;
  @Column({ name: 'transferred_in_from', type: 'varchar', length: 20, nullable: true })
  transferredInFromCode: string | null;
  @Column({ name: 'transferred_in_on', type: 'date', nullable: true }) transferredInOn: string | null;
  /** The academic year of this pupil's last promotion (or graduation by promotion), until held back. */
  @Column({ name: 'promoted_year', type: 'integer', nullable: true }) promotedYear: number | null;
  @Column({ name: 'promoted_from', type: 'varchar', length: 3, nullable: true }) promotedFrom: Grade | null;
  @Column({ name: 'enrolled_at', type: 'timestamptz' }) enrolledAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
