import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { assertWithin, requireViewer } from '../access/policy';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.types';
import { GradeCountInput } from './other-school-counts.input';
import { readOtherSchoolCounts, type OtherSchoolCountsView } from './other-school-counts.reads';
import type { OtherSchoolStatus } from './other-school-counts.rules';
import { OtherSchoolCounts, OtherSchoolStatusEnum } from './other-school-counts.types';
import { recordOtherSchoolCounts } from './record-other-school-counts';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';

@Resolver(() => OtherSchoolCounts)
export class OtherSchoolCountsResolver {
  @Mutation(() => OtherSchoolCounts, {
    description:
      'อปท. ที่อุดหนุนบันทึกจำนวนนักเรียนรายชั้น (อนุบาล 1 ถึง ป.6) ของสถานศึกษาสังกัดอื่นตามแบบรับรองรายชื่อนักเรียน ' +
      'สถานศึกษาที่ยุบ รวม หรือเลิก บันทึกเป็น 0 ทุกชั้นพร้อมหมายเหตุ',
  })
  async recordOtherSchoolCounts(
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('counts', () => [GradeCountInput]) counts: GradeCountInput[],
    @Arg('status', () => OtherSchoolStatusEnum, { nullable: true, defaultValue: 'OPEN' })
    status: OtherSchoolStatus | null,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OtherSchoolCountsView> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.orgUnit.kind !== 'LAO')
      throw new LecError('FORBIDDEN', 'จำนวนนักเรียนของสถานศึกษาสังกัดอื่นบันทึกได้เฉพาะ อปท. ที่อุดหนุนสถานศึกษานั้น');
    return recordOtherSchoolCounts(
      ctx.store,
      viewer.orgUnit.code,
      { schoolCode, counts, status: status ?? 'OPEN', note: note ?? null },
      metadataOf(ctx),
    );
  }

  @Query(() => OtherSchoolCounts, {
    nullable: true,
    description: 'จำนวนนักเรียนล่าสุดของสถานศึกษาสังกัดอื่น (ว่างถ้าไม่พบรหัส)',
  })
  async otherSchoolCounts(
    @Arg('schoolCode', () => String) schoolCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OtherSchoolCountsView | null> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(schoolCode);
    if (!unit) return null;
    assertWithin(viewer, unit);
    if (unit.kind !== 'OTHER_SCHOOL')
      throw badInput({ schoolCode: `${unit.name} (${unit.code}) ไม่ใช่สถานศึกษาสังกัดอื่น` });
    const [view] = await readOtherSchoolCounts(ctx.dataSource.manager, [schoolCode]);
    return view;
  }

  @Query(() => [OtherSchoolCounts], {
    description: 'สถานศึกษาสังกัดอื่นทุกแห่งที่ อปท. อุดหนุน พร้อมจำนวนนักเรียนล่าสุด (recorded = false คือยังไม่ได้บันทึก)',
  })
  async otherSchools(
    @Arg('laoCode', () => String) laoCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OtherSchoolCountsView[]> {
    const viewer = requireViewer(ctx.viewer);
    const lao = await requireUnitInScope(ctx, viewer, laoCode, { field: 'laoCode', what: ' อปท. ' });
    if (lao.kind !== 'LAO') throw badInput({ laoCode: `${lao.name} (${lao.code}) ไม่ใช่ อปท.` });
    const schools = await ctx.dataSource.manager.find(OrgUnitRow, {
      where: { parentCode: laoCode, kind: 'OTHER_SCHOOL' },
      order: { code: 'ASC' },
    });
    for (const s of schools) ctx.loaders.of(orgUnitByCode).prime(s.code, s);
    return readOtherSchoolCounts(
      ctx.dataSource.manager,
      schools.map((s) => s.code),
    );
  }

  @FieldResolver(() => OrgUnit)
  async school(@Root() view: OtherSchoolCountsView, @Ctx() ctx: GraphQLContext): Promise<OrgUnitRow | null> {
    return ctx.loaders.of(orgUnitByCode).load(view.schoolCode);
  }
}
