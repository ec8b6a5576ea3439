import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PupilDetails } from './pupil.events';
import type { TransferAnswerer } from './transfer-request.events';

export type TransferRequestStatus = 'OPEN' | 'ACCEPTED' | 'REFUSED';

/** Read model: every transfer request, open or closed. */
@Entity('pupil_transfer_requests')
export class TransferRequestRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'citizen_id', type: 'varchar', length: 13 }) citizenId: string;
  @Column({ name: 'from_institution_code', type: 'varchar', length: 20 }) fromInstitutionCode: string;
  @Column({ name: 'from_pupil_id', type: 'varchar', length: 36 }) fromPupilId: string;
  @Column({ name: 'to_institution_code', type: 'varchar', length: 20 }) toInstitutionCode: string;
  @Column({ type: 'jsonb' }) details: PupilDetails;
  @Column({ type: 'jsonb' }) queries: Record<string, string>;
  @Column({ name: 'query_note', type: 'text', nullable: true }) queryNote: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'varchar', length: 10 }) status: TransferRequestStatus;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'requested_by_account', type: 'varchar', length: 36, nullable: true })
  requestedByAccount: string | null;
  @Column({ name: 'requested_by_profile', type: 'varchar', length: 36, nullable: true })
  requestedByProfile: string | null;
  @Column({ name: 'answered_as', type: 'varchar', length: 12, nullable: true })
  answeredAs: TransferAnswerer | null;
  @Column({ name: 'answer_note', type: 'text', nullable: true }) answerNote: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_by_account', type: 'varchar', length: 36, nullable: true })
  answeredByAccount: string | null;
  @Column({ name: 'answered_by_profile', type: 'varchar', length: 36, nullable: true })
  answeredByProfile: string | null;
  /** Once accepted: the pupil as enrolled at the receiving institution. */
  @Column({ name: 'pupil_id', type: 'varchar', length: 36, nullable: true }) pupilId: string | null;
}
