import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireViewer } from '../access/policy';
import { OrgUnit } from '../org-units/org-unit.type';
import { todayInBangkok } from '../pupils/rules/thai-dates';
import { RoundRow } from '../rounds/round.entity';
import { visibleUnit } from './confirmation-scope';
import { roundForReading } from './confirmation.reads';
import { ConfirmationProgress, DatasetProgress, ProvinceProgress } from './confirmation.types';
import {
  LISTED,
  confirmationProgress,
  type DatasetProgressView,
  type ProvinceProgressView,
} from './progress';

@Resolver(() => DatasetProgress)
export class DatasetProgressResolver {
  @FieldResolver(() => [OrgUnit], { description: `หน่วยงานที่ยังไม่ยืนยัน (เรียงตามรหัส ไม่เกิน ${LISTED} แห่ง)` })
  async notConfirmed(@Root() p: DatasetProgressView, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.orgUnit.loadMany(p.notConfirmedCodes)).filter(
      (u) => u && !(u instanceof Error),
    );
  }
}

@Resolver(() => ProvinceProgress)
export class ProvinceProgressResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: ProvinceProgressView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.orgUnit.load(p.provinceCode);
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
  ): Promise<ConfirmationProgress | null> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await visibleUnit(ctx, viewer, orgUnitCode);
    const manager = ctx.dataSource.manager;
    const round = await roundForReading(manager, roundId);
    if (!round) return null;
    const progress = await confirmationProgress(manager, round.id, unit, todayInBangkok(new Date()));
    return {
      orgUnitCode,
      round: (await manager.findOneByOrFail(RoundRow, { id: round.id })) as never,
      ...progress,
    };
  }

  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: ConfirmationProgress, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.orgUnit.load(p.orgUnitCode);
  }
}
