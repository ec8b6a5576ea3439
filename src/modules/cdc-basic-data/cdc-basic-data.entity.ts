import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CdcBuildingType, CdcLunchProvision } from './cdc-basic-data.rules';

/** The columns of one recorded version of a centre's basic data, and who recorded it when. */
abstract class CdcBasicDataColumns {
  @PrimaryColumn({ name: 'cdc_code', type: 'varchar', length: 20 })
  cdcCode: string;

  @Column({ type: 'integer' }) teachers: number;
  @Column({ type: 'integer' }) caregivers: number;
  @Column({ type: 'integer' }) classrooms: number;
  @Column({ type: 'integer' }) capacity: number;

  @Column({ name: 'building_type', type: 'varchar', length: 20 })
  buildingType: CdcBuildingType;

  @Column({ name: 'building_type_other', type: 'varchar', length: 200, nullable: true })
  buildingTypeOther: string | null;

  @Column({ name: 'lunch_provision', type: 'varchar', length: 20 })
  lunchProvision: CdcLunchProvision;

  @Column({ name: 'lunch_provision_other', type: 'varchar', length: 200, nullable: true })
  lunchProvisionOther: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId: string | null;

  /** The profile in force when it was recorded: the responsible person. */
  @Column({ name: 'profile_id', type: 'varchar', length: 36, nullable: true })
  profileId: string | null;

  /** Where the event sits in the centre's stream (Cdc-<code>). */
  @Column({ name: 'stream_version', type: 'integer' })
  streamVersion: number;
}

/** Read model: the latest basic data of each centre that has recorded any. */
@Entity('cdc_basic_data')
export class CdcBasicDataRow extends CdcBasicDataColumns {
  @Column({ type: 'integer' })
  version: number;
}

/** Read model: every version of every centre's basic data, kept for the history and for confirmations. */
@Entity('cdc_basic_data_versions')
export class CdcBasicDataVersionRow extends CdcBasicDataColumns {
  @PrimaryColumn({ type: 'integer' })
  version: number;
}
