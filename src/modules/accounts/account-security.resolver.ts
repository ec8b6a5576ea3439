import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireKind, requireViewer } from '../access/policy';
import { passwordRules } from './account.rules';
import { CredentialSheetPreview, CredentialSheetUnit } from './account-security.types';
import { clientInfoOf } from './authenticate';
import { changePassword } from './change-password';
import { candidatesOf, selectCandidates, sheetUnit } from './credential-sheet.selection';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

interface SheetUnitView {
  code: string;
  hasAccount: boolean;
  firstLoginDone: boolean;
  willReissue: boolean;
}

/** An account's own security: its password, the rules for one, and what a credential sheet would re-issue. */
@Resolver()
export class AccountSecurityResolver {
  @Mutation(() => Boolean, {
    description:
      'เปลี่ยนรหัสผ่านของบัญชีตนเอง (ผู้รับผิดชอบคนเดิม): ต้องกรอกรหัสผ่านปัจจุบัน เซสชันอื่นของบัญชีนี้จะออกจากระบบ เซสชันนี้ยังใช้ต่อได้',
  })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    const viewer = requireViewer(ctx.viewer);
    await changePassword(
      ctx.store,
      viewer,
      currentPassword,
      newPassword,
      metadataOf(ctx),
      clientInfoOf(ctx.req, ctx.requestId),
    );
    return true;
  }

  @Query(() => [String], { description: 'เงื่อนไขของรหัสผ่านใหม่ แสดงก่อนผู้ใช้ตั้งรหัสผ่าน (ไม่ต้องเข้าสู่ระบบ)' })
  passwordRules(): readonly string[] {
    return passwordRules;
  }

  @Query(() => CredentialSheetPreview, {
    description:
      'ก่อนพิมพ์ใบแจ้งบัญชีผู้ใช้งาน: หน่วยงานใดจะได้รหัสผ่านใหม่ (ค่าเริ่มต้น: หน่วยงานที่ยังไม่ได้เข้าสู่ระบบครั้งแรก) การพิมพ์ไม่ออกรหัสผ่านใหม่โดยไม่ได้ยืนยัน',
  })
  async credentialSheetPreview(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('units', () => [String], {
      nullable: true,
      description: 'เฉพาะหน่วยงานเหล่านี้ (ออกรหัสผ่านใหม่แม้เข้าสู่ระบบแล้ว)',
    })
    units: string[] | null,
    @Arg('all', () => Boolean, { nullable: true, description: 'ออกรหัสผ่านใหม่ให้ทุกหน่วยงาน' })
    all: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CredentialSheetPreview> {
    const viewer = requireKind(ctx.viewer, 'DEPARTMENT', 'PROVINCE');
    const unit = await sheetUnit(ctx.dataSource, viewer, orgUnitCode);
    const candidates = await candidatesOf(ctx.dataSource, unit);
    const codes = units ? [...new Set(units.map((u) => u.trim()).filter(Boolean))] : null;
    if (codes && codes.length > 500) throw new LecError('BAD_USER_INPUT', 'เลือกได้ไม่เกิน 500 หน่วยงานต่อครั้ง');
    const selected = new Set(
      selectCandidates(unit, candidates, { units: codes, all: !!all }).map((c) => c.code),
    );
    const query = codes ? `units=${codes.map(encodeURIComponent).join(',')}&` : all ? 'all=1&' : '';
    return {
      orgUnitCode: unit.code,
      units: candidates.map((c) => ({
        code: c.code,
        hasAccount: !!c.accountId,
        firstLoginDone: !!c.accountId && c.mustCompleteFirstLogin === false,
        willReissue: selected.has(c.code),
      })) as never,
      reissueCount: selected.size,
      printPath: `/credentials/${encodeURIComponent(unit.code)}.pdf?${query}confirm=1`,
    };
  }
}

@Resolver(() => CredentialSheetUnit)
export class CredentialSheetUnitResolver {
  @FieldResolver()
  orgUnit(@Root() u: SheetUnitView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(u.code);
  }
}
