import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { assertWithin, requireViewer } from '../access/policy';
import { Actor, actorKey } from '../accounts/actor.types';
import { OrgUnit } from '../org-units/org-unit.types';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { CdcBasicDataRow, CdcBasicDataVersionRow } from './cdc-basic-data.entity';
import { CdcBasicDataInput } from './cdc-basic-data.input';
import { buildingTypeLabels, lunchProvisionLabels } from './cdc-basic-data.rules';
import { CdcBasicData } from './cdc-basic-data.types';
import { recordCdcBasicData } from './record-cdc-basic-data';
import { orgUnitByCode } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

type Recorded = CdcBasicDataRow | CdcBasicDataVersionRow;

const described = (label: string, other: string | null) => (other ? `${label} (${other})` : label);

@Resolver(() => CdcBasicData)
export class CdcBasicDataResolver {
  @Mutation(() => CdcBasicData, {
    description:
      'ศูนย์พัฒนาเด็กเล็กบันทึกข้อมูลพื้นฐานของศูนย์ (เฉพาะศูนย์นั้นเอง): ข้อมูลที่เปลี่ยนเป็นฉบับใหม่ ' + 'บันทึกข้อมูลเดิมซ้ำไม่สร้างฉบับใหม่',
  })
  async recordCdcBasicData(
    @Arg('cdcCode', () => String) cdcCode: string,
    @Arg('input', () => CdcBasicDataInput) input: CdcBasicDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Recorded> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.orgUnit.kind !== 'CDC' || viewer.orgUnit.code !== cdcCode)
      throw new LecError('FORBIDDEN', 'ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็กบันทึกได้เฉพาะศูนย์พัฒนาเด็กเล็กนั้นเอง');
    return recordCdcBasicData(ctx.store, cdcCode, input, metadataOf(ctx));
  }

  @Query(() => CdcBasicData, {
    nullable: true,
    description: 'ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก: ฉบับล่าสุด หรือฉบับที่ระบุ (ว่างถ้ายังไม่ได้บันทึกหรือไม่พบรหัส)',
  })
  async cdcBasicData(
    @Arg('cdcCode', () => String) cdcCode: string,
    @Arg('version', () => Int, { nullable: true, description: 'ฉบับที่ต้องการ (ไม่ระบุ: ฉบับล่าสุด)' })
    version: number | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Recorded | null> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(cdcCode);
    if (!unit) return null;
    assertWithin(viewer, unit);
    if (unit.kind !== 'CDC') throw badInput({ cdcCode: `${unit.name} (${unit.code}) ไม่ใช่ศูนย์พัฒนาเด็กเล็ก` });
    const m = ctx.dataSource.manager;
    return version == null
      ? m.findOneBy(CdcBasicDataRow, { cdcCode })
      : m.findOneBy(CdcBasicDataVersionRow, { cdcCode, version });
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'ศูนย์พัฒนาเด็กเล็ก' })
  cdc(@Root() r: Recorded, @Ctx() ctx: GraphQLContext): Promise<OrgUnitRow | null> {
    return ctx.loaders.of(orgUnitByCode).load(r.cdcCode);
  }

  @FieldResolver(() => String, { description: 'ลักษณะอาคารเป็นภาษาไทย' })
  buildingTypeText(@Root() r: Recorded): string {
    return described(buildingTypeLabels[r.buildingType], r.buildingTypeOther);
  }

  @FieldResolver(() => String, { description: 'วิธีจัดอาหารกลางวันเป็นภาษาไทย' })
  lunchProvisionText(@Root() r: Recorded): string {
    return described(lunchProvisionLabels[r.lunchProvision], r.lunchProvisionOther);
  }

  @FieldResolver(() => Actor)
  recordedBy(@Root() r: Recorded, @Ctx() ctx: GraphQLContext): Promise<Actor> {
    return ctx.loaders.of(actorLoader).load(actorKey(r));
  }

  @FieldResolver(() => [CdcBasicData], { description: 'ทุกฉบับที่ศูนย์บันทึก เรียงจากฉบับล่าสุด' })
  history(@Root() r: Recorded, @Ctx() ctx: GraphQLContext): Promise<CdcBasicDataVersionRow[]> {
    return ctx.dataSource.manager.find(CdcBasicDataVersionRow, {
      where: { cdcCode: r.cdcCode },
      order: { version: 'DESC' },
    });
  }
}
