import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireKind, requireViewer } from '../access/policy';
import { Actor, actorKey } from '../accounts/actor.types';
import { OrgUnit } from '../org-units/org-unit.types';
import { DEFAULT_VIEW, readBudgetRates, type BudgetRatesView } from './budget-rates.reads';
import type { BudgetLineView } from './budget-preview';
import { budgetPreviewOf, type BudgetPreviewView } from './budget-preview.reads';
import type { MilkKind } from './budget.arithmetic';
import { BudgetLine, BudgetPreview, BudgetRates, BudgetRatesInput, MilkKindEnum } from './budget.types';
import { setBudgetRates } from './set-budget-rates';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

@Resolver(() => BudgetRates)
export class BudgetRatesResolver {
  @Query(() => [BudgetRates], {
    description: 'อัตราเงินอุดหนุนทุกชุดที่กรมกำหนด ล่าสุดก่อน ตามด้วยค่าเริ่มต้นของระบบ',
  })
  async budgetRates(@Ctx() ctx: GraphQLContext): Promise<BudgetRatesView[]> {
    requireViewer(ctx.viewer);
    return [...(await readBudgetRates(ctx.dataSource.manager)), DEFAULT_VIEW];
  }

  @Mutation(() => BudgetRates, {
    description: 'กรมกำหนดอัตราเงินอุดหนุนค่าอาหารกลางวันและค่าอาหารเสริม (นม) ที่มีผลตั้งแต่วันที่ (วันเดิม: แทนที่)',
  })
  async setBudgetRates(
    @Arg('input', () => BudgetRatesInput) input: BudgetRatesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetRatesView> {
    requireKind(ctx.viewer, 'DEPARTMENT');
    const rates = {
      ...input,
      lunchBands: input.lunchBands.map((b) => ({
        minPupils: b.minPupils,
        maxPupils: b.maxPupils ?? null,
        ratePerDay: b.ratePerDay,
      })),
      cdcLunchPerDay: input.cdcLunchPerDay ?? null,
      cdcLunchDays: input.cdcLunchDays ?? null,
      note: input.note ?? null,
    };
    return setBudgetRates(ctx.store, rates, metadataOf(ctx));
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'ผู้กำหนด' })
  setBy(@Root() r: BudgetRatesView, @Ctx() ctx: GraphQLContext) {
    if (r.isDefault) return null;
    return ctx.loaders
      .of(actorLoader)
      .load(actorKey({ accountId: r.setByAccount, profileId: r.setByProfile }));
  }
}

@Resolver(() => BudgetPreview)
export class BudgetPreviewResolver {
  @Query(() => BudgetPreview, {
    description:
      'ประมาณการเงินอุดหนุนค่าอาหารกลางวันและอาหารเสริม (นม) ต่อปีของ อปท. จังหวัด หรือทั้งประเทศ (รหัสกรม): ' +
      'ตามข้อมูลที่ยืนยันแล้วของรอบ และประมาณการจากทะเบียนปัจจุบัน',
  })
  async budgetPreview(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Arg('milkKind', () => MilkKindEnum, { nullable: true, defaultValue: 'PASTEURISED' }) milkKind: MilkKind,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetPreviewView> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    if (unit.kind !== 'DEPARTMENT' && unit.kind !== 'PROVINCE' && unit.kind !== 'LAO')
      throw new LecError('BAD_USER_INPUT', 'ประมาณการงบประมาณดูได้ระดับ อปท. จังหวัด หรือทั้งประเทศ', {
        fields: { orgUnitCode: 'ต้องเป็นรหัส อปท. จังหวัด หรือกรม' },
      });
    return budgetPreviewOf(ctx.dataSource.manager, { code: unit.code, kind: unit.kind }, roundId, milkKind);
  }

  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: { orgUnitCode: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(p.orgUnitCode);
  }
}

@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() l: BudgetLineView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(l.orgUnitCode);
  }
}
