import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { assertWithin, requireKind, requireViewer } from '../access/policy';
import { Actor, actorKey } from '../accounts/actor.type';
import { OrgUnit } from '../org-units/org-unit.type';
import { todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { budgetRatesDecider } from './budget-rates.decider';
import { BudgetRatesRow } from './budget-rates.entity';
import { BUDGET_RATES_STREAM } from './budget-rates.events';
import { DEFAULT_VIEW, readBudgetRates, viewOf, type BudgetRatesView } from './budget-rates.read';
import { ratesOn } from './budget-rates.rules';
import {
  figuresOf,
  institutionsIn,
  liveCounts,
  type BudgetLineView,
  type BudgetScope,
} from './budget-preview';
import { confirmedCounts } from './confirmed-counts';
import { requiredLevel } from '../confirmation/figures-of-record';
import type { MilkKind } from './budget.arithmetic';
import { BudgetLine, BudgetPreview, BudgetRates, BudgetRatesInput, MilkKindEnum } from './budget.types';
import { orgUnitByCode } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loader';

async function roundFor(ctx: GraphQLContext, roundId: string | null | undefined): Promise<RoundRow | null> {
  const m = ctx.dataSource.manager;
  if (roundId) {
    const round = await m.findOneBy(RoundRow, { id: roundId });
    if (!round) throw badInput({ roundId: `ไม่พบรอบการบันทึกข้อมูล ${roundId}` });
    return round;
  }
  return (
    (await m.findOneBy(RoundRow, { status: 'OPEN' })) ??
    (await m.findOne(RoundRow, { where: {}, order: { academicYear: 'DESC', roundNo: 'DESC' } }))
  );
}

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
    return ctx.store.transaction(async (tx) => {
      await ctx.store.decide(
        tx,
        BUDGET_RATES_STREAM,
        budgetRatesDecider,
        { type: 'SetBudgetRates', rates },
        metadataOf(ctx),
      );
      return viewOf(await tx.findOneByOrFail(BudgetRatesRow, { effectiveFrom: input.effectiveFrom }));
    });
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
  ) {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(orgUnitCode);
    if (!unit) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${orgUnitCode}` });
    assertWithin(viewer, unit);
    if (unit.kind !== 'DEPARTMENT' && unit.kind !== 'PROVINCE' && unit.kind !== 'LAO')
      throw new LecError('BAD_USER_INPUT', 'ประมาณการงบประมาณดูได้ระดับ อปท. จังหวัด หรือทั้งประเทศ', {
        fields: { orgUnitCode: 'ต้องเป็นรหัส อปท. จังหวัด หรือกรม' },
      });
    const m = ctx.dataSource.manager;
    const scope: BudgetScope = { code: unit.code, kind: unit.kind };
    const round = await roundFor(ctx, roundId);
    const on = round?.snapshotDate ?? todayInBangkok(new Date());
    const all = await readBudgetRates(m);
    const rates = ratesOn(on, all);
    const rateView = all.find((r) => r.effectiveFrom === rates.effectiveFrom) ?? DEFAULT_VIEW;
    const institutions = await institutionsIn(m, scope);
    const confirmed = round ? await confirmedCounts(m, round.id, scope) : null;
    return {
      orgUnitCode: unit.code,
      roundId: round?.id ?? null,
      ratesOn: on,
      rates: rateView,
      milkKind,
      confirmedUpTo: requiredLevel(scope.kind),
      confirmed:
        confirmed && figuresOf('CONFIRMED', scope, institutions, confirmed.official, rates, milkKind),
      provisional:
        confirmed && figuresOf('PROVISIONAL', scope, institutions, confirmed.provisional, rates, milkKind),
      live: figuresOf('LIVE', scope, institutions, await liveCounts(m, scope), rates, milkKind),
    };
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
