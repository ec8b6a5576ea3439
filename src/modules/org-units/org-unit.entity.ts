import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LaoType, OrgUnitKind } from '../chain/org-unit-kind';

/** Read model: the org-unit tree, kept by the org-units projection. */
@Entity('org_units')
export class OrgUnitRow {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrgUnitKind;

  @Column({ name: 'parent_code', type: 'varchar', length: 20, nullable: true })
  parentCode: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 20, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'lao_code', type: 'varchar', length: 20, nullable: true })
  laoCode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  district: string | null;

  @Column({ name: 'lao_type', type: 'varchar', length: 30, nullable: true })
  laoType: LaoType | null;

  @Column({ name: 'ministry_code', type: 'varchar', length: 10, nullable: true })
  ministryCode: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
