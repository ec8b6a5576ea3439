import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireKind, requireViewer } from '../access/policy';
import { UnitConfirmationStatus } from '../confirmation/confirmation.types';
import { todayInBangkok } from '../../shared/thai-calendar';
import { ProvinceTargets, ProvinceTargetsInput, ProvinceTargetStatus } from './province-targets.types';
import { setProvinceTargets } from './set-province-targets';
import { targetsOf, type ProvinceTargetsView } from './province-targets.reads';
import { targetStatusOf } from './province-target-status';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

@Resolver(() => ProvinceTargets)
export class ProvinceTargetsResolver {
  @Mutation(() => ProvinceTargets, {
    description: 'จังหวัดกำหนดวันเสร็จของตนเองให้สถานศึกษาและ อปท. ในจังหวัด (ไม่เกินกำหนดของกรม) ในรอบที่เปิดอยู่',
  })
  setProvinceTargets(
    @Arg('provinceCode', () => String) provinceCode: string,
    @Arg('input', () => ProvinceTargetsInput) input: ProvinceTargetsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProvinceTargetsView> {
    const viewer = requireKind(ctx.viewer, 'PROVINCE');
    if (viewer.orgUnit.code !== provinceCode)
      throw new LecError('FORBIDDEN', 'กำหนดวันเสร็จได้เฉพาะของจังหวัดตนเอง');
    return setProvinceTargets(ctx.store, provinceCode, input, metadataOf(ctx));
  }

  @Query(() => ProvinceTargets, {
    nullable: true,
    description: 'กำหนดเสร็จของจังหวัด (รอบที่ระบุ หรือรอบที่เปิดอยู่) ว่างถ้าจังหวัดยังไม่ได้กำหนด',
  })
  provinceTargets(
    @Arg('provinceCode', () => String) provinceCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProvinceTargetsView | null> {
    const viewer = requireViewer(ctx.viewer);
    const own = viewer.orgUnit.kind === 'PROVINCE' ? viewer.orgUnit.code : viewer.orgUnit.provinceCode;
    if (viewer.orgUnit.kind !== 'DEPARTMENT' && own !== provinceCode)
      throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของจังหวัด ${provinceCode}`);
    return targetsOf(ctx.dataSource.manager, provinceCode, roundId);
  }
}

@Resolver(() => UnitConfirmationStatus)
export class UnitTargetStatusResolver {
  @FieldResolver(() => ProvinceTargetStatus, {
    nullable: true,
    description: 'เทียบกับกำหนดเสร็จของจังหวัดในรอบที่เปิดอยู่ (เฉพาะ อปท. และสถานศึกษา เมื่อจังหวัดกำหนดไว้)',
  })
  async provinceTarget(@Root() s: UnitConfirmationStatus, @Ctx() ctx: GraphQLContext) {
    const unit = await ctx.loaders.of(orgUnitByCode).load(s.orgUnitCode);
    if (!unit) return null;
    return targetStatusOf(ctx, unit, s.datasets, todayInBangkok(new Date()));
  }
}
