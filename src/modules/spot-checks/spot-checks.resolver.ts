import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { assertWithin, requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { Actor, actorKey } from '../accounts/actor.types';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { OrgUnit } from '../org-units/org-unit.types';
import { drawSpotCheck } from './draw-spot-check';
import { recordSpotCheckResult } from './record-spot-check-result';
import type { SpotCheckRow } from './spot-check.entity';
import type { SpotCheckResult } from './spot-check.events';
import {
  allSpotCheckFlags,
  listSpotChecks,
  readSpotCheck,
  resultsByInstitution,
  type SpotCheckFlagView,
  type SpotCheckInstitutionView,
  type SpotCheckPupilView,
  type SpotCheckView,
} from './spot-checks.reads';
import {
  SpotCheck,
  SpotCheckFlag,
  SpotCheckInstitution,
  SpotCheckPupil,
  SpotCheckResultEnum,
} from './spot-check.types';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';
import { isInstitution } from '../chain/org-unit-kind';

const ONLY_PROVINCE =
  'การสุ่มตรวจสอบทำได้เฉพาะสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (สถจ.) และกรมส่งเสริมการปกครองท้องถิ่น';

function requireChecker(ctx: GraphQLContext): Viewer {
  const viewer = requireViewer(ctx.viewer);
  if (viewer.orgUnit.kind !== 'PROVINCE' && viewer.orgUnit.kind !== 'DEPARTMENT')
    throw new LecError('FORBIDDEN', ONLY_PROVINCE);
  return viewer;
}

async function provinceInScope(ctx: GraphQLContext, code: string): Promise<OrgUnitRow> {
  const viewer = requireChecker(ctx);
  const unit = await ctx.loaders.of(orgUnitByCode).load(code);
  if (!unit || unit.kind !== 'PROVINCE') throw badInput({ provinceCode: `ไม่พบจังหวัดรหัส ${code}` });
  assertWithin(viewer, unit);
  return unit;
}

/** A spot check's drawn pupils, one query per request for every spot check on the page. */
const pupilLoaders = new WeakMap<GraphQLContext, DataLoader<string, SpotCheckPupilView[]>>();
function pupilsOf(ctx: GraphQLContext, id: string): Promise<SpotCheckPupilView[]> {
  let loader = pupilLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) =>
      Promise.all(ids.map(async (i) => (await readSpotCheck(ctx.dataSource.manager, i))?.pupils ?? [])),
    );
    pupilLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

@Resolver(() => SpotCheck)
export class SpotChecksResolver {
  @Mutation(() => SpotCheck, {
    description:
      'จังหวัดสุ่มนักเรียนและเด็กเล็กจากสถานศึกษาในจังหวัดเพื่อตรวจสอบ ระหว่างรอบที่เปิดอยู่ (ไม่ระบุ institutionCodes: ทุกแห่ง)',
  })
  async drawSpotCheck(
    @Arg('provinceCode', () => String) provinceCode: string,
    @Arg('sampleSize', () => Int) sampleSize: number,
    @Arg('institutionCodes', () => [String], { nullable: true }) institutionCodes: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpotCheckView> {
    await provinceInScope(ctx, provinceCode);
    if ((institutionCodes?.length ?? 0) > 1000)
      throw badInput({ institutionCodes: 'เลือกสถานศึกษาได้ไม่เกิน 1,000 แห่งต่อครั้ง' });
    const id = await drawSpotCheck(
      ctx.store,
      { provinceCode, sampleSize, institutionCodes },
      metadataOf(ctx),
    );
    return (await readSpotCheck(ctx.dataSource.manager, id))!;
  }

  @Mutation(() => SpotCheck, {
    description: 'จังหวัดบันทึกผลการตรวจสอบนักเรียนที่สุ่มได้หนึ่งคน (ไม่พบตัวหรือข้อมูลไม่ถูกต้องต้องมีหมายเหตุ)',
  })
  async recordSpotCheckResult(
    @Arg('spotCheckId', () => ID) spotCheckId: string,
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('result', () => SpotCheckResultEnum) result: SpotCheckResult,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpotCheckView> {
    const viewer = requireChecker(ctx);
    const before = await readSpotCheck(ctx.dataSource.manager, spotCheckId);
    if (!before) throw new LecError('NOT_FOUND', 'ไม่พบการสุ่มตรวจสอบนี้');
    const province = await ctx.loaders.of(orgUnitByCode).load(before.provinceCode);
    assertWithin(viewer, province!);
    await recordSpotCheckResult(ctx.store, { spotCheckId, pupilId, result, note }, metadataOf(ctx));
    return (await readSpotCheck(ctx.dataSource.manager, spotCheckId))!;
  }

  @Query(() => [SpotCheck], { description: 'การสุ่มตรวจสอบของจังหวัด ล่าสุดก่อน' })
  async spotChecks(
    @Arg('provinceCode', () => String) provinceCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpotCheckRow[]> {
    await provinceInScope(ctx, provinceCode);
    return listSpotChecks(ctx.dataSource.manager, provinceCode);
  }

  @Query(() => SpotCheck, { nullable: true, description: 'การสุ่มตรวจสอบหนึ่งครั้ง พร้อมผลรายคนและรายสถานศึกษา' })
  async spotCheck(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpotCheckView | null> {
    const viewer = requireChecker(ctx);
    const view = await readSpotCheck(ctx.dataSource.manager, id);
    if (!view) return null;
    assertWithin(viewer, (await ctx.loaders.of(orgUnitByCode).load(view.provinceCode))!);
    return view;
  }

  @Query(() => [SpotCheckFlag], {
    description: 'นักเรียนที่จังหวัดสุ่มตรวจสอบแล้วไม่พบตัว ของสถานศึกษา (หรือทุกสถานศึกษาของ อปท.) ทั้งที่ค้างอยู่และที่ปิดแล้ว',
  })
  async spotCheckFlags(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpotCheckFlagView[]> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    if (!isInstitution(unit.kind) && unit.kind !== 'LAO')
      throw badInput({ orgUnitCode: 'ผลการสุ่มตรวจสอบดูได้ตามสถานศึกษาหรือ อปท.' });
    return allSpotCheckFlags(ctx.dataSource.manager, orgUnitCode);
  }

  @FieldResolver(() => OrgUnit)
  province(@Root() s: SpotCheckRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(s.provinceCode);
  }

  @FieldResolver(() => Actor, { description: 'ผู้สุ่ม' })
  drawnBy(@Root() s: SpotCheckRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders
      .of(actorLoader)
      .load(actorKey({ accountId: s.drawnByAccount, profileId: s.drawnByProfile }));
  }

  @FieldResolver(() => [SpotCheckPupil], { description: 'รายชื่อที่สุ่มได้ตามลำดับ' })
  pupils(@Root() s: SpotCheckRow | SpotCheckView, @Ctx() ctx: GraphQLContext) {
    return 'pupils' in s ? s.pupils : pupilsOf(ctx, s.id);
  }

  @FieldResolver(() => [SpotCheckInstitution], { description: 'ผลรายสถานศึกษา' })
  async institutions(@Root() s: SpotCheckRow | SpotCheckView, @Ctx() ctx: GraphQLContext) {
    return 'institutions' in s ? s.institutions : resultsByInstitution(await pupilsOf(ctx, s.id));
  }
}

@Resolver(() => SpotCheckPupil)
export class SpotCheckPupilResolver {
  @FieldResolver(() => OrgUnit)
  institution(@Root() p: SpotCheckPupilView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(p.institutionCode);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'ผู้บันทึกผล' })
  recordedBy(@Root() p: SpotCheckPupilView, @Ctx() ctx: GraphQLContext) {
    if (!p.recordedAt) return null;
    return ctx.loaders
      .of(actorLoader)
      .load(actorKey({ accountId: p.recordedByAccount, profileId: p.recordedByProfile }));
  }
}

@Resolver(() => SpotCheckInstitution)
export class SpotCheckInstitutionResolver {
  @FieldResolver(() => OrgUnit)
  institution(@Root() i: SpotCheckInstitutionView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(i.institutionCode);
  }
}
