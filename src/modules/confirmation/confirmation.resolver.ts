import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput, isLecError, LecError } from '../../shared/errors';
import { assertWithin, requireKind, requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { Actor } from '../accounts/actor.type';
import { actorKey } from '../accounts/actor.type';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.type';
import { todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { confirmDataset, revokeConfirmation } from './confirm-dataset';
import { unitAndChildrenStatus } from './confirmation-status';
import { roundForReading } from './confirmation.reads';
import {
  BulkConfirmationResult,
  BulkFailure,
  Confirmation,
  ConfirmationProgress,
  ConfirmationStatus,
  ConfirmationTargetInput,
  DatasetProgress,
  ProvinceProgress,
  DatasetEnum,
  DatasetStatus,
  Task,
  UnitConfirmationStatus,
} from './confirmation.types';
import { tasksFrom, type TaskView } from './tasks';
import { openSpotCheckFlags, spotCheckFlagMessage } from '../spot-checks/spot-checks.read';
import {
  LISTED,
  confirmationProgress,
  type DatasetProgressView,
  type ProvinceProgressView,
} from './progress';
import { confirmsAtAll } from '../chain/dataset';
import { confirmationHistory, type ConfirmationView } from './confirmation.view';
import type { Dataset } from '../chain/dataset';
import { revocationRequestTasks } from '../revocation-requests/revocation-request-tasks';
import { provinceTargetTasks } from '../province-targets/province-target-status';
import { orgUnitByCode } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loader';

const DEPTH: Record<string, number> = {
  DEPARTMENT: 0,
  PROVINCE: 1,
  LAO: 2,
  SCHOOL: 3,
  CDC: 3,
  OTHER_SCHOOL: 3,
};
const MAX_BULK = 500;

async function visibleUnit(ctx: GraphQLContext, viewer: Viewer, code: string): Promise<OrgUnitRow> {
  const unit = await ctx.loaders.of(orgUnitByCode).load(code);
  if (!unit) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${code}` });
  assertWithin(viewer, unit);
  return unit;
}

/** Confirmation is by the unit itself, and only units that confirm at all (not the department). */
function ownUnitOnly(ctx: GraphQLContext, orgUnitCode: string): Viewer {
  const viewer = requireViewer(ctx.viewer);
  if (viewer.orgUnit.code !== orgUnitCode || !confirmsAtAll(viewer.orgUnit.kind))
    throw new LecError('FORBIDDEN', 'ยืนยันข้อมูลได้เฉพาะข้อมูลของหน่วยงานตนเอง');
  return viewer;
}

/** Revocation is by a level above (LAO, province, department), never of the caller's own unit. */
function revoker(ctx: GraphQLContext, codes: string[]): Viewer {
  const viewer = requireKind(ctx.viewer, 'DEPARTMENT', 'PROVINCE', 'LAO');
  if (codes.includes(viewer.orgUnit.code))
    throw new LecError('FORBIDDEN', 'หน่วยงานยกเลิกการยืนยันข้อมูลของตนเองไม่ได้ ต้องให้หน่วยงานต้นสังกัดเป็นผู้ยกเลิกการยืนยัน');
  return viewer;
}

/** Pupils the province's spot check did not find, still on the register: the institution and its LAO act on them. */
async function spotCheckTasks(ctx: GraphQLContext, viewer: Viewer): Promise<TaskView[]> {
  if (!['SCHOOL', 'CDC', 'LAO'].includes(viewer.orgUnit.kind)) return [];
  const flags = await openSpotCheckFlags(ctx.dataSource.manager, [viewer.orgUnit.code]);
  return flags.map((f) => ({
    kind: 'SPOT_CHECK_FLAG',
    message: spotCheckFlagMessage(f),
    orgUnitCode: f.pupil.institutionCode,
    dataset: null,
    dueDate: null,
    daysLeft: null,
  }));
}

function failure(orgUnitCode: string, dataset: Dataset, e: unknown): BulkFailure {
  if (!isLecError(e)) throw e;
  return { orgUnitCode, dataset, code: e.code, message: e.message };
}

/** Status of a unit and its direct children in a round; null when no round has ever been opened. */
export async function statusOf(
  ctx: GraphQLContext,
  unit: OrgUnitRow,
  roundId?: string | null,
): Promise<ConfirmationStatus | null> {
  const manager = ctx.dataSource.manager;
  const round = await roundForReading(manager, roundId);
  if (!round) return null;
  const { self, children } = await unitAndChildrenStatus(manager, round.id, unit, todayInBangkok(new Date()));
  return {
    ...self,
    round: (await manager.findOneByOrFail(RoundRow, { id: round.id })) as never,
    children,
  };
}

@Resolver(() => Confirmation)
export class ConfirmationResolver {
  @Mutation(() => Confirmation, { description: 'หน่วยงานยืนยันข้อมูลของตนเองในรอบที่เปิดอยู่ ทีละฐานข้อมูล' })
  confirm(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('dataset', () => DatasetEnum) dataset: Dataset,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationView> {
    const viewer = ownUnitOnly(ctx, orgUnitCode);
    return confirmDataset(ctx.store, viewer, orgUnitCode, dataset, metadataOf(ctx));
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
    await visibleUnit(ctx, viewer, orgUnitCode);
    return revokeConfirmation(ctx.store, viewer, orgUnitCode, dataset, reason, metadataOf(ctx));
  }

  @Mutation(() => BulkConfirmationResult, {
    description: 'ยืนยันทุกฐานข้อมูลของหน่วยงานตนเองที่พร้อมยืนยัน (แต่ละฐานข้อมูลบันทึกเป็นการยืนยันแยกกัน)',
  })
  async confirmReady(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkConfirmationResult> {
    const viewer = ownUnitOnly(ctx, orgUnitCode);
    const unit = await visibleUnit(ctx, viewer, orgUnitCode);
    const status = await statusOf(ctx, unit);
    if (!status || status.round.status !== 'OPEN') throw new LecError('NO_OPEN_ROUND');
    const result: BulkConfirmationResult = { done: [], failed: [] };
    for (const d of status.datasets.filter((s) => !s.confirmed)) {
      try {
        result.done.push(
          (await confirmDataset(ctx.store, viewer, orgUnitCode, d.dataset, metadataOf(ctx))) as never,
        );
      } catch (e) {
        result.failed.push(failure(orgUnitCode, d.dataset, e));
      }
    }
    return result;
  }

  @Mutation(() => BulkConfirmationResult, {
    description: 'ยกเลิกการยืนยันหลายรายการด้วยเหตุผลเดียวกัน จากระดับบนลงล่าง แต่ละรายการตรวจและบันทึกแยกกัน',
  })
  async revokeConfirmations(
    @Arg('targets', () => [ConfirmationTargetInput]) targets: ConfirmationTargetInput[],
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkConfirmationResult> {
    const viewer = revoker(
      ctx,
      targets.map((t) => t.orgUnitCode),
    );
    if (!targets.length) throw badInput({ targets: 'กรุณาเลือกอย่างน้อยหนึ่งรายการ' });
    if (targets.length > MAX_BULK) throw badInput({ targets: `เลือกได้ไม่เกิน ${MAX_BULK} รายการต่อครั้ง` });
    const units = await Promise.all(targets.map((t) => visibleUnit(ctx, viewer, t.orgUnitCode)));
    // Top down: a province's LAO before that LAO's schools, so one operation can clear a whole branch.
    const ordered = targets
      .map((t, i) => ({ ...t, depth: DEPTH[units[i].kind] }))
      .sort((a, b) => a.depth - b.depth);
    const result: BulkConfirmationResult = { done: [], failed: [] };
    for (const t of ordered) {
      try {
        result.done.push(
          (await revokeConfirmation(
            ctx.store,
            viewer,
            t.orgUnitCode,
            t.dataset,
            reason,
            metadataOf(ctx),
          )) as never,
        );
      } catch (e) {
        result.failed.push(failure(t.orgUnitCode, t.dataset, e));
      }
    }
    return result;
  }

  @Query(() => ConfirmationStatus, {
    nullable: true,
    description: 'สถานะการยืนยันของหน่วยงานและหน่วยงานในสังกัดโดยตรง (รอบที่ระบุ หรือรอบที่เปิดอยู่/ล่าสุด)',
  })
  async confirmationStatus(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationStatus | null> {
    const viewer = requireViewer(ctx.viewer);
    return statusOf(ctx, await visibleUnit(ctx, viewer, orgUnitCode), roundId);
  }

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

  @Query(() => [Confirmation], {
    description: 'ประวัติการยืนยันและการยกเลิกการยืนยันทั้งหมดของหน่วยงาน (รอบที่ระบุ หรือทุกรอบ)',
  })
  async confirmationHistory(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConfirmationView[]> {
    const viewer = requireViewer(ctx.viewer);
    await visibleUnit(ctx, viewer, orgUnitCode);
    return confirmationHistory(ctx.dataSource.manager, orgUnitCode, roundId);
  }

  @Query(() => [Task], { description: 'สิ่งที่หน่วยงานของผู้ใช้ต้องทำตอนนี้ในรอบที่เปิดอยู่' })
  async myTasks(@Ctx() ctx: GraphQLContext): Promise<TaskView[]> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(viewer.orgUnit.code);
    const flags = await spotCheckTasks(ctx, viewer);
    const requests = await revocationRequestTasks(ctx.dataSource.manager, viewer);
    const status = unit && (await statusOf(ctx, unit));
    if (!status || status.round.status !== 'OPEN') return [...requests, ...flags];
    const revokers = new Map<string, string>();
    for (const s of status.datasets)
      if (s.revokedByUnitCode)
        revokers.set(
          s.revokedByUnitCode,
          (await ctx.loaders.of(orgUnitByCode).load(s.revokedByUnitCode))?.name ?? '',
        );
    const confirmation = tasksFrom(status, unit.kind, todayInBangkok(new Date()), {
      revokedBy: (s) => revokers.get(s.revokedByUnitCode ?? '') || 'หน่วยงานต้นสังกัด',
    });
    const targets = await provinceTargetTasks(
      ctx.dataSource.manager,
      viewer,
      status.datasets,
      todayInBangkok(new Date()),
    );
    return [...requests, ...targets, ...confirmation, ...flags];
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

@Resolver(() => DatasetStatus)
export class DatasetStatusResolver {
  @FieldResolver(() => Actor, { nullable: true })
  confirmedBy(@Root() s: DatasetStatus, @Ctx() ctx: GraphQLContext) {
    return s.confirmedByKey ? ctx.loaders.of(actorLoader).load(s.confirmedByKey) : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'ผู้ยกเลิกการยืนยันครั้งล่าสุด' })
  revokedBy(@Root() s: DatasetStatus, @Ctx() ctx: GraphQLContext) {
    return s.revokedByKey ? ctx.loaders.of(actorLoader).load(s.revokedByKey) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'หน่วยงานที่ยกเลิกการยืนยันครั้งล่าสุด' })
  revokedByOrgUnit(@Root() s: DatasetStatus, @Ctx() ctx: GraphQLContext) {
    return s.revokedByUnitCode ? ctx.loaders.of(orgUnitByCode).load(s.revokedByUnitCode) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: 'หน่วยงานในสังกัดที่ยังไม่ได้ยืนยัน (ที่ทำให้ยังยืนยันไม่ได้)' })
  async missing(@Root() s: DatasetStatus, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.of(orgUnitByCode).loadMany(s.missingCodes)).filter(
      (u) => u && !(u instanceof Error),
    );
  }
}

@Resolver(() => UnitConfirmationStatus)
export class UnitConfirmationStatusResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() s: UnitConfirmationStatus, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(s.orgUnitCode);
  }
}

@Resolver(() => ConfirmationStatus)
export class ConfirmationStatusResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() s: ConfirmationStatus, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(s.orgUnitCode);
  }
}

@Resolver(() => BulkFailure)
export class BulkFailureResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() f: BulkFailure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(f.orgUnitCode);
  }
}

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() t: TaskView, @Ctx() ctx: GraphQLContext) {
    return t.orgUnitCode ? ctx.loaders.of(orgUnitByCode).load(t.orgUnitCode) : null;
  }
}

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
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() p: ConfirmationProgress, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(p.orgUnitCode);
  }
}
