import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { OrgUnit } from '../org-units/org-unit.types';
import { ConfirmationProgress, DatasetProgress, ProvinceProgress } from './confirmation.types';
import {
  LISTED,
  progressOf,
  type ConfirmationProgressView,
  type DatasetProgressView,
  type ProvinceProgressView,
} from './progress';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';

@Resolver(() => DatasetProgress)
export class DatasetProgressResolver {
  @FieldResolver(() => [OrgUnit], { description: `หน่วยงานที่ยังไม่ยืนยัน (เรียงตามรหัส ไม่เกิน ${LISTED} แห่ง)` })
  async notConfirmed(@Root() p: DatasetProgressView, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.of(orgUnitByCode).loadMany(p.notConfirmedCodes)).filter(
      (u) => u && !(u instanceof Error),
    );
  }
}

@Resolver(() => ProvinceProgress)
export class ProvinceProgressResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: ProvinceProgressView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(p.provinceCode);
  }
}

@Resolver(() => ConfirmationProgress)
export class ConfirmationProgressResolver {
  @Query(() => ConfirmationProgress, {
    nullable: true,
    description: 'ความคืบหน้าการยืนยันทุกระดับใต้หน่วยงาน: ยืนยันแล้วกี่แห่ง ใครยังไม่ยืนยัน ล่าช้า และวันที่เหลือ',
  })
  async confirmationProgress(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationProgressView | null> {
    const viewer = requireViewer(ctx.viewer);
    return progressOf(ctx.dataSource.manager, await requireUnitInScope(ctx, viewer, orgUnitCode), roundId);
  }

  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: ConfirmationProgressView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(p.orgUnitCode);
  }
}
