import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { readStream } from '../../event-store/event-store';
import { badInput } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import { actorKey } from '../accounts/actor.types';
import { PupilRow } from './pupil.entity';
import { institutionStreamId, type NonExistenceReason, type PupilEvent } from './pupil.events';
import { describePupilEvent } from './pupil-history';
import { reasonLabels } from './rules/reason-labels';
import { PupilInput, PupilPatch } from './pupil.input';
import {
  NonExistenceReasonEnum,
  Pupil,
  PupilConnection,
  PupilHistoryEntry,
  PupilQuery,
  RemovedPupil,
} from './pupil.types';
import { assertIsInstitution, extraOf, registerForPupilWrite } from './pupil-write';
import { PupilsArgs } from './pupils.args';
import { listPupils } from './pupils.reads';
import { runPupilCommand } from './run-pupil-command';
import { citizenIdFor } from './rules/citizen-id';
import { OFFLINE_KEY, OFFLINE_VERSION, offlineOf } from './offline/offline-args';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

@Resolver(() => Pupil)
export class PupilsResolver {
  private async unitInScope(ctx: GraphQLContext, code: string) {
    const viewer = requireViewer(ctx.viewer);
    await requireUnitInScope(ctx, viewer, code, { field: 'institutionCode', what: 'สถานศึกษา' });
    return viewer;
  }

  @Query(() => PupilConnection, { description: 'นักเรียนหรือเด็กเล็กปัจจุบันของสถานศึกษา ค้นหา กรองตามชั้น และแบ่งหน้า' })
  async pupils(@Args(() => PupilsArgs) args: PupilsArgs, @Ctx() ctx: GraphQLContext) {
    await this.unitInScope(ctx, args.institutionCode);
    return listPupils(ctx.dataSource, args);
  }

  @Query(() => Pupil, { nullable: true, description: 'นักเรียนหนึ่งคน พร้อมประวัติ' })
  async pupil(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const pupil = await ctx.dataSource.manager.findOneBy(PupilRow, { id });
    if (!pupil) {
      requireViewer(ctx.viewer);
      return null;
    }
    await this.unitInScope(ctx, pupil.institutionCode);
    return pupil;
  }

  @Query(() => [RemovedPupil], { description: 'ทะเบียนนักเรียนที่ไม่มีตัวตน (นำข้อมูลออกจากระบบ)' })
  async removedPupils(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    await this.unitInScope(ctx, institutionCode);
    const rows = await ctx.dataSource.manager.find(PupilRow, {
      where: { institutionCode, status: 'REMOVED' },
      order: { removedAt: 'DESC' },
    });
    return Promise.all(rows.map((p) => this.removedOf(p, ctx)));
  }

  @Mutation(() => Pupil, { description: 'เพิ่มข้อมูลนักเรียนหรือเด็กเล็ก (สถานศึกษาเจ้าของข้อมูล)' })
  async enrolPupil(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Arg('input', () => PupilInput) input: PupilInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: OFFLINE_KEY })
    idempotencyKey: string | null,
    @Arg('basedOnVersion', () => Int, { nullable: true, description: OFFLINE_VERSION })
    basedOnVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const viewer = requireViewer(ctx.viewer);
    assertIsInstitution(viewer, institutionCode);
    return runPupilCommand(
      ctx.store,
      institutionCode,
      { type: 'EnrolPupil', pupilId: randomUUID(), input: { ...input, extra: extraOf(input.extra) } },
      metadataOf(ctx),
      offlineOf(viewer, 'enrolPupil', { idempotencyKey, basedOnVersion }),
    );
  }

  @Mutation(() => Pupil, { description: 'แก้ไขข้อมูลนักเรียน' })
  async correctPupil(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('input', () => PupilPatch) input: PupilPatch,
    @Arg('idempotencyKey', () => String, { nullable: true, description: OFFLINE_KEY })
    idempotencyKey: string | null,
    @Arg('basedOnVersion', () => Int, { nullable: true, description: OFFLINE_VERSION })
    basedOnVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return runPupilCommand(
      ctx.store,
      await registerForPupilWrite(ctx, pupilId),
      { type: 'CorrectPupil', pupilId, patch: { ...input, extra: extraOf(input.extra) } },
      metadataOf(ctx),
      offlineOf(ctx.viewer!, 'correctPupil', { idempotencyKey, basedOnVersion }),
    );
  }

  @Mutation(() => RemovedPupil, {
    description: 'นำข้อมูลนักเรียนที่ไม่มีตัวตนออกจากระบบ พร้อมเหตุ (ไม่ใช่การลบ: ยังอยู่ในทะเบียนนักเรียนที่ไม่มีตัวตน)',
  })
  async removePupilAsNonExistent(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('reason', () => NonExistenceReasonEnum) reason: NonExistenceReason,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('idempotencyKey', () => String, { nullable: true, description: OFFLINE_KEY })
    idempotencyKey: string | null,
    @Arg('basedOnVersion', () => Int, { nullable: true, description: OFFLINE_VERSION })
    basedOnVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (note && note.length > 500) throw badInput({ note: 'หมายเหตุยาวได้ไม่เกิน 500 ตัวอักษร' });
    const removed = await runPupilCommand(
      ctx.store,
      await registerForPupilWrite(ctx, pupilId),
      { type: 'RemovePupilAsNonExistent', pupilId, reason, note },
      metadataOf(ctx),
      offlineOf(ctx.viewer!, 'removePupilAsNonExistent', { idempotencyKey, basedOnVersion }),
    );
    return this.removedOf(removed, ctx);
  }

  private async removedOf(p: PupilRow, ctx: GraphQLContext) {
    return {
      pupil: p,
      reason: p.removalReason!,
      reasonText: reasonLabels[p.removalReason!],
      note: p.removalNote,
      removedAt: p.removedAt!,
      removedBy: await ctx.loaders
        .of(actorLoader)
        .load(actorKey({ accountId: p.removedByAccount, profileId: p.removedByProfile })),
    };
  }

  @FieldResolver(() => String)
  citizenId(@Root() p: PupilRow, @Ctx() ctx: GraphQLContext): string {
    return citizenIdFor(ctx.viewer?.orgUnit, p.institutionCode, p.citizenId);
  }

  @FieldResolver(() => [PupilQuery], { description: 'ข้อมูลผิดปกติที่บันทึกพร้อมคำอธิบาย' })
  queries(@Root() p: PupilRow): PupilQuery[] {
    return Object.entries(p.queries ?? {}).map(([field, message]) => ({ field, message }));
  }

  @FieldResolver(() => [PupilHistoryEntry], { description: 'ประวัติทุกเหตุการณ์ของนักเรียน เป็นภาษาไทย' })
  async history(@Root() p: PupilRow, @Ctx() ctx: GraphQLContext): Promise<PupilHistoryEntry[]> {
    const [mine, institution] = await Promise.all([
      readStream(ctx.dataSource.manager, institutionStreamId(p.institutionCode), { pupilId: p.id }),
      ctx.loaders.of(orgUnitByCode).load(p.institutionCode),
    ]);
    const showId = (id: string) => citizenIdFor(ctx.viewer?.orgUnit, p.institutionCode, id);
    return Promise.all(
      mine.map(async (e) => ({
        ...describePupilEvent(e as unknown as PupilEvent, institution?.kind ?? 'SCHOOL', showId),
        at: new Date(e.metadata.at),
        by: await ctx.loaders.of(actorLoader).load(actorKey(e.metadata)),
      })),
    );
  }
}
