import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { Actor } from '../accounts/actor.types';
import { OrgUnit } from '../org-units/org-unit.types';
import { ConfirmationStatus, DatasetStatus, UnitConfirmationStatus } from './confirmation.types';
import { statusOf } from './unit-status.reads';
import type {
  ConfirmationStatusView,
  DatasetStatusView,
  UnitConfirmationStatusView,
} from './confirmation-status.view';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

@Resolver(() => DatasetStatus)
export class DatasetStatusResolver {
  @FieldResolver(() => Actor, { nullable: true })
  confirmedBy(@Root() s: DatasetStatusView, @Ctx() ctx: GraphQLContext) {
    return s.confirmedByKey ? ctx.loaders.of(actorLoader).load(s.confirmedByKey) : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'ผู้ยกเลิกการยืนยันครั้งล่าสุด' })
  revokedBy(@Root() s: DatasetStatusView, @Ctx() ctx: GraphQLContext) {
    return s.revokedByKey ? ctx.loaders.of(actorLoader).load(s.revokedByKey) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'หน่วยงานที่ยกเลิกการยืนยันครั้งล่าสุด' })
  revokedByOrgUnit(@Root() s: DatasetStatusView, @Ctx() ctx: GraphQLContext) {
    return s.revokedByUnitCode ? ctx.loaders.of(orgUnitByCode).load(s.revokedByUnitCode) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: 'หน่วยงานในสังกัดที่ยังไม่ได้ยืนยัน (ที่ทำให้ยังยืนยันไม่ได้)' })
  async missing(@Root() s: DatasetStatusView, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.of(orgUnitByCode).loadMany(s.missingCodes)).filter(
      (u) => u && !(u instanceof Error),
    );
  }
}

@Resolver(() => UnitConfirmationStatus)
export class UnitConfirmationStatusResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() s: UnitConfirmationStatusView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(s.orgUnitCode);
  }
}

@Resolver(() => ConfirmationStatus)
export class ConfirmationStatusResolver {
  @Query(() => ConfirmationStatus, {
    nullable: true,
    description: 'สถานะการยืนยันของหน่วยงานและหน่วยงานในสังกัดโดยตรง (รอบที่ระบุ หรือรอบที่เปิดอยู่/ล่าสุด)',
  })
  async confirmationStatus(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationStatusView | null> {
    const viewer = requireViewer(ctx.viewer);
    return statusOf(ctx.dataSource.manager, await requireUnitInScope(ctx, viewer, orgUnitCode), roundId);
  }

  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() s: ConfirmationStatusView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(s.orgUnitCode);
  }
}
