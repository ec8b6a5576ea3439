import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { assertWithin, canIssueCredentials, requireKind, requireViewer } from '../access/policy';
import type { Viewer as ViewerData } from '../access/viewer';
import { OrgUnit } from '../org-units/org-unit.types';
import { ProfileRow } from './account.entity';
import { IssuedCredential, LoginResult, Profile, Viewer } from './account.types';
import { clientInfoOf } from './authenticate';
import { verifyCurrentPassword } from './change-password';
import { takeOverAccount } from './complete-first-login';
import { issueCredentials } from './issue-credentials';
import { login } from './login';
import { ProfileInput } from './profile.input';
import { logout } from './logout';
import { responsiblePersonsOf } from './profiles.reads';
import { SESSION_COOKIE, viewerForToken } from './sessions';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

/** The GraphQL face of a viewer: its fields are resolved from the session's account. */
type ViewerSource = ViewerData;

@Resolver(() => Viewer)
export class AccountsResolver {
  @Query(() => Viewer, { nullable: true, description: 'บัญชีที่เข้าสู่ระบบอยู่ (ว่างถ้ายังไม่ได้เข้าสู่ระบบ)' })
  me(@Ctx() ctx: GraphQLContext): ViewerSource | null {
    return ctx.viewer;
  }

  @Mutation(() => LoginResult, { description: 'เข้าสู่ระบบ: ตั้งคุกกี้ของเซสชัน และคืน token สำหรับสคริปต์' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const session = await login(ctx.dataSource, username, password, clientInfoOf(ctx.req, ctx.requestId));
    ctx.res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.req.secure,
      expires: session.expiresAt,
      path: '/',
    });
    const viewer = await viewerForToken(ctx.dataSource.manager, session.token);
    return { token: session.token, expiresAt: session.expiresAt, viewer };
  }

  @Mutation(() => Boolean, { description: 'ออกจากระบบ' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!ctx.viewer) throw new LecError('UNAUTHENTICATED');
    await logout(ctx.dataSource.manager, ctx.viewer, clientInfoOf(ctx.req, ctx.requestId));
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Mutation(() => Viewer, { description: 'เข้าสู่ระบบครั้งแรก: กรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่' })
  async completeFirstLogin(
    @Arg('profile', () => ProfileInput) profile: ProfileInput,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (!ctx.viewer) throw new LecError('UNAUTHENTICATED');
    await takeOverAccount(
      ctx.store,
      ctx.viewer,
      'CompleteFirstLogin',
      profile,
      newPassword,
      metadataOf(ctx),
      clientInfoOf(ctx.req, ctx.requestId),
    );
    return { ...ctx.viewer, mustCompleteFirstLogin: false, profileId: null, reload: true };
  }

  @Mutation(() => Viewer, {
    description:
      'เปลี่ยนผู้รับผิดชอบ: ผู้รับผิดชอบคนใหม่กรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่ ประวัติผู้รับผิดชอบเดิมยังเก็บไว้ ต้องกรอกรหัสผ่านปัจจุบันของบัญชี',
  })
  async changeResponsiblePerson(
    @Arg('profile', () => ProfileInput) profile: ProfileInput,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
    // Optional in the schema so that earlier callers still validate, but refused when left out.
    @Arg('currentPassword', () => String, {
      nullable: true,
      description: 'รหัสผ่านปัจจุบันของบัญชี (ต้องกรอก)',
    })
    currentPassword?: string | null,
  ) {
    const viewer = requireViewer(ctx.viewer);
    await verifyCurrentPassword(ctx.store, viewer, currentPassword, clientInfoOf(ctx.req, ctx.requestId));
    await takeOverAccount(
      ctx.store,
      viewer,
      'ChangeResponsiblePerson',
      profile,
      newPassword,
      metadataOf(ctx),
      clientInfoOf(ctx.req, ctx.requestId),
    );
    return { ...viewer, profileId: null, reload: true };
  }

  @Mutation(() => IssuedCredential, {
    description: 'ออกบัญชีผู้ใช้งาน (หรือออกใหม่) ให้หน่วยงาน: รหัสผ่านเริ่มต้นแสดงครั้งเดียว',
  })
  async issueCredentials(@Arg('orgUnitCode', () => String) orgUnitCode: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireKind(ctx.viewer, 'DEPARTMENT', 'PROVINCE');
    const unit = await ctx.loaders.of(orgUnitByCode).load(orgUnitCode);
    if (unit && !canIssueCredentials(viewer.orgUnit, unit))
      throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์ออกบัญชีผู้ใช้งานให้หน่วยงาน ${orgUnitCode}`);
    return issueCredentials(
      ctx.store,
      { orgUnitCode },
      metadataOf(ctx),
      clientInfoOf(ctx.req, ctx.requestId),
    );
  }

  @Query(() => [Profile], { description: 'ประวัติผู้รับผิดชอบของหน่วยงาน เรียงจากคนแรก' })
  async responsiblePersons(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProfileRow[]> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(orgUnitCode);
    if (!unit) return [];
    assertWithin(viewer, unit);
    return responsiblePersonsOf(ctx.dataSource.manager, orgUnitCode);
  }

  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() v: ViewerSource, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(v.orgUnit.code);
  }

  @FieldResolver(() => Profile, { nullable: true })
  async profile(
    @Root() v: ViewerSource & { reload?: boolean },
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProfileRow | null> {
    return ctx.dataSource.manager.findOne(ProfileRow, {
      where: { accountId: v.accountId },
      order: { startedAt: 'DESC' },
    });
  }

  @FieldResolver(() => Boolean)
  async mustCompleteFirstLogin(
    @Root() v: ViewerSource & { reload?: boolean },
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    if (!v.reload) return v.mustCompleteFirstLogin;
    const rows: { must: boolean }[] = await ctx.dataSource.manager.query(
      `SELECT must_complete_first_login AS must FROM accounts WHERE id = $1`,
      [v.accountId],
    );
    return rows[0]?.must ?? true;
  }
}
