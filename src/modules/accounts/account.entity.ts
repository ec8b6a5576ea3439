import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model: one account per org unit, kept by the accounts projection. */
@Entity('accounts')
export class AccountRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'org_unit_code', type: 'varchar', length: 20 })
  orgUnitCode: string;

  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'must_complete_first_login', type: 'boolean' })
  mustCompleteFirstLogin: boolean;

  @Column({ name: 'profile_id', type: 'varchar', length: 36, nullable: true })
  profileId: string | null;

  @Column({ name: 'credentials_issued_at', type: 'timestamptz' })
  credentialsIssuedAt: Date;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;
}

/** Every responsible person an account has had, with when they took over and handed over. */
@Entity('profiles')
export class ProfileRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 150 })
  position: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
