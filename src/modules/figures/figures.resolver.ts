import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.types';
import { enrolmentCounts, enrolmentCountsAsOf } from './enrolment-counts.reads';
import { AgeGroupCount, EnrolmentCounts } from './figures.types';
import { ageGroupsOf, type AgeGroupCountView, type EnrolmentCountsView } from './figures.view';
import { readLiveAgeGroups } from './read-live-counts';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

@Resolver(() => EnrolmentCounts)
export class FiguresResolver {
  @Query(() => EnrolmentCounts, {
    description:
      'จำนวนนักเรียนของหน่วยงานและทุกหน่วยงานในสังกัด ตามที่บันทึกไว้ขณะนี้ หรือข้อมูลที่ยืนยันแล้วของรอบ (roundId + confirmedOnly) ' +
      'district: เฉพาะอำเภอหนึ่งของจังหวัด (orgUnitCode เป็นรหัสจังหวัด)',
  })
  async enrolmentCounts(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null | undefined,
    @Arg('confirmedOnly', () => Boolean, { nullable: true }) confirmedOnly: boolean | null | undefined,
    @Arg('district', () => String, { nullable: true }) district: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrolmentCountsView> {
    const viewer = requireViewer(ctx.viewer);
    return enrolmentCounts(ctx.dataSource.manager, viewer, { orgUnitCode, roundId, confirmedOnly, district });
  }

  @Query(() => EnrolmentCounts, {
    description:
      'จำนวนนักเรียน ณ เวลาที่ระบุ สร้างซ้ำจากเหตุการณ์: at เป็นวันที่ (สิ้นวันนั้นตามเวลาประเทศไทย) หรือเวลาแบบ ISO 8601',
  })
  async enrolmentCountsAsOf(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('at', () => String) at: string,
    @Arg('district', () => String, { nullable: true }) district: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrolmentCountsView> {
    const viewer = requireViewer(ctx.viewer);
    return enrolmentCountsAsOf(ctx.dataSource.manager, viewer, { orgUnitCode, at, district });
  }

  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() view: EnrolmentCountsView, @Ctx() ctx: GraphQLContext): Promise<OrgUnitRow | null> {
    return ctx.loaders.of(orgUnitByCode).load(view.orgUnitCode);
  }

  @FieldResolver(() => [AgeGroupCount], { nullable: true })
  async cdcAgeGroups(
    @Root() view: EnrolmentCountsView,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AgeGroupCountView[] | null> {
    if (view.cdcAgeGroups !== undefined) return view.cdcAgeGroups;
    return ageGroupsOf(await readLiveAgeGroups(ctx.dataSource.manager, view.scope, view.referenceDate));
  }
}
