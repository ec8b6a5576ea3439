import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import { Actor } from '../accounts/actor.types';
import { actorKey } from '../accounts/actor.types';
import { OrgUnit } from '../org-units/org-unit.types';
import { confirmDataset } from './confirm-dataset';
import { revokeConfirmation } from './revoke-confirmation';
import { ownUnitOnly, revoker } from './confirmation-scope';
import { BulkConfirmationResult, BulkFailure, Confirmation, DatasetEnum } from './confirmation.types';
import { ConfirmationTargetInput } from './confirmation.input';
import type { BulkFailureView, BulkResultView } from './bulk-result';
import { confirmReady } from './confirm-ready';
import { revokeConfirmations } from './revoke-confirmations';
import { confirmationHistory, type ConfirmationView } from './confirmation.view';
import type { Dataset } from '../chain/dataset';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

/** An argument limit, checked before any target is looked at (part of the API, like an input's @Max). */
const MAX_BULK = 500;

@Resolver(() => Confirmation)
export class ConfirmationResolver {
  @Mutation(() => Confirmation, { description: 'หน่วยงานยืนยันข้อมูลของตนเองในรอบที่เปิดอยู่ ทีละฐานข้อมูล' })
  confirm(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('dataset', () => DatasetEnum) dataset: Dataset,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationView> {
    const viewer = ownUnitOnly(ctx, orgUnitCode);
    // The unit confirm read (locked) serves the answer's orgUnit: no read of it after the commit.
    return confirmDataset(ctx.store, viewer, orgUnitCode, dataset, metadataOf(ctx), (row) =>
      ctx.loaders.of(orgUnitByCode).clear(row.code).prime(row.code, row),
    );
  }

  @Mutation(() => Confirmation, {
    description: 'หน่วยงานต้นสังกัด (หรือระดับที่สูงกว่า) ยกเลิกการยืนยันข้อมูลของหน่วยงานในสังกัด พร้อมเหตุผล',
  })
  async revokeConfirmation(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('dataset', () => DatasetEnum) dataset: Dataset,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationView> {
    const viewer = revoker(ctx, [orgUnitCode]);
    await requireUnitInScope(ctx, viewer, orgUnitCode);
    return revokeConfirmation(ctx.store, viewer, orgUnitCode, dataset, reason, metadataOf(ctx));
  }

  @Mutation(() => BulkConfirmationResult, {
    description: 'ยืนยันทุกฐานข้อมูลของหน่วยงานตนเองที่พร้อมยืนยัน (แต่ละฐานข้อมูลบันทึกเป็นการยืนยันแยกกัน)',
  })
  async confirmReady(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkResultView> {
    const viewer = ownUnitOnly(ctx, orgUnitCode);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    return confirmReady(ctx.store, viewer, unit, () => metadataOf(ctx));
  }

  @Mutation(() => BulkConfirmationResult, {
    description: 'ยกเลิกการยืนยันหลายรายการด้วยเหตุผลเดียวกัน จากระดับบนลงล่าง แต่ละรายการตรวจและบันทึกแยกกัน',
  })
  async revokeConfirmations(
    @Arg('targets', () => [ConfirmationTargetInput]) targets: ConfirmationTargetInput[],
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkResultView> {
    const viewer = revoker(
      ctx,
      targets.map((t) => t.orgUnitCode),
    );
    if (!targets.length) throw badInput({ targets: 'กรุณาเลือกอย่างน้อยหนึ่งรายการ' });
    if (targets.length > MAX_BULK) throw badInput({ targets: `เลือกได้ไม่เกิน ${MAX_BULK} รายการต่อครั้ง` });
    const units = await Promise.all(targets.map((t) => requireUnitInScope(ctx, viewer, t.orgUnitCode)));
    const withKinds = targets.map((t, i) => ({ ...t, kind: units[i].kind }));
    return revokeConfirmations(ctx.store, viewer, withKinds, reason, () => metadataOf(ctx));
  }

  @Query(() => [Confirmation], {
    description: 'ประวัติการยืนยันและการยกเลิกการยืนยันทั้งหมดของหน่วยงาน (รอบที่ระบุ หรือทุกรอบ)',
  })
  async confirmationHistory(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationView[]> {
    const viewer = requireViewer(ctx.viewer);
    await requireUnitInScope(ctx, viewer, orgUnitCode);
    return confirmationHistory(ctx.dataSource.manager, orgUnitCode, roundId);
  }

  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() c: ConfirmationView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(c.orgUnitCode);
  }

  @FieldResolver(() => Actor, { description: 'ผู้ยืนยันหรือผู้ยกเลิก: บัญชีและผู้รับผิดชอบในขณะนั้น' })
  by(@Root() c: ConfirmationView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(actorLoader).load(actorKey(c));
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'หน่วยงานที่ดำเนินการ' })
  byOrgUnit(@Root() c: ConfirmationView, @Ctx() ctx: GraphQLContext) {
    return c.byUnitCode ? ctx.loaders.of(orgUnitByCode).load(c.byUnitCode) : null;
  }
}

@Resolver(() => BulkFailure)
export class BulkFailureResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() f: BulkFailureView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(f.orgUnitCode);
  }
}
