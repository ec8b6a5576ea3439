import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { metadataOf } from '../access/context';
import { LecError } from '../../shared/errors';
import { canSeeUnit, requireKind, requireViewer } from '../access/policy';
import { OrgUnitInput } from './org-unit.input';
import { OrgUnit } from './org-unit.types';
import { registerOrgUnit } from './register-org-unit';
import { orgUnitByCode, orgUnitChildren } from './org-unit.loaders';

@Resolver(() => OrgUnit)
export class OrgUnitsResolver {
  @Query(() => OrgUnit, {
    nullable: true,
    description: 'หน่วยงานตามรหัส (เฉพาะที่อยู่ในขอบเขตของผู้ใช้ หรือหน่วยงานต้นสังกัด)',
  })
  async orgUnit(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnit | null> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(code);
    if (!unit) return null;
    if (!canSeeUnit(viewer.orgUnit, unit))
      throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของหน่วยงาน ${code}`);
    return unit;
  }

  @Mutation(() => OrgUnit, {
    description: 'กรมเพิ่มหน่วยงาน: อปท. (ภายใต้จังหวัด) โรงเรียน ศพด. หรือสถานศึกษาสังกัดอื่น (ภายใต้ อปท.)',
  })
  async registerOrgUnit(
    @Arg('input', () => OrgUnitInput) input: OrgUnitInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnit> {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return registerOrgUnit(ctx.store, { ...input, parentCode: input.parentCode ?? null }, metadataOf(ctx));
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  async parent(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    return unit.parentCode ? ctx.loaders.of(orgUnitByCode).load(unit.parentCode) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: 'หน่วยงานในสังกัดที่ผู้ใช้มีสิทธิ์เห็น' })
  async children(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit[]> {
    const viewer = requireViewer(ctx.viewer);
    const rows = await ctx.loaders.of(orgUnitChildren).load(unit.code);
    return rows.filter((r) => canSeeUnit(viewer.orgUnit, r));
  }
}
