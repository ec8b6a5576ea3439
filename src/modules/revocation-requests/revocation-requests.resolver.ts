import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import { Actor, actorKey } from '../accounts/actor.types';
import { Confirmation, DatasetEnum } from '../confirmation/confirmation.types';
import type { ConfirmationView } from '../confirmation/confirmation.view';
import type { Dataset } from '../chain/dataset';
import { OrgUnit } from '../org-units/org-unit.types';
import { refuseRevocationRequest } from './refuse-revocation-request';
import { requestRevocation } from './request-revocation';
import { RevocationRequest } from './revocation-request.types';
import {
  answeredBy,
  mustActOn,
  requestsUnder,
  type RevocationRequestView,
} from './revocation-requests.reads';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

@Resolver(() => RevocationRequest)
export class RevocationRequestsResolver {
  @Mutation(() => RevocationRequest, {
    description:
      'ขอให้หน่วยงานระดับที่ต้องดำเนินการยกเลิกการยืนยันข้อมูล (หน่วยงานเจ้าของข้อมูล หรือ อปท. สำหรับสถานศึกษาในสังกัด) พร้อมเหตุผล',
  })
  async requestRevocation(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('dataset', () => DatasetEnum) dataset: Dataset,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevocationRequestView> {
    const viewer = requireViewer(ctx.viewer);
    await requireUnitInScope(ctx, viewer, orgUnitCode);
    return requestRevocation(ctx.store, viewer, orgUnitCode, dataset, reason, metadataOf(ctx));
  }

  @Mutation(() => RevocationRequest, {
    description: 'ปฏิเสธคำขอยกเลิกการยืนยัน พร้อมเหตุผล (การตอบรับคือการยกเลิกการยืนยันด้วย revokeConfirmation)',
  })
  refuseRevocationRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevocationRequestView> {
    const viewer = requireViewer(ctx.viewer);
    if (!['DEPARTMENT', 'PROVINCE', 'LAO'].includes(viewer.orgUnit.kind))
      throw new LecError('FORBIDDEN', 'สถานศึกษาไม่มีคำขอยกเลิกการยืนยันให้พิจารณา');
    return refuseRevocationRequest(ctx.store, viewer, requestId, reason, metadataOf(ctx));
  }

  @Query(() => [RevocationRequest], {
    description: 'คำขอยกเลิกการยืนยันของหน่วยงานและหน่วยงานในสังกัด ใหม่สุดก่อน (รอบที่ระบุ หรือทุกรอบ)',
  })
  async revocationRequests(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null,
    @Arg('openOnly', () => Boolean, { nullable: true, description: 'เฉพาะที่รอพิจารณา' })
    openOnly: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevocationRequestView[]> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    return requestsUnder(ctx.dataSource.manager, unit, { roundId, openOnly: !!openOnly });
  }

  @FieldResolver(() => OrgUnit, { description: 'หน่วยงานที่ขอให้ยกเลิกการยืนยันข้อมูล' })
  orgUnit(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(r.orgUnitCode);
  }

  @FieldResolver(() => OrgUnit, { description: 'หน่วยงานที่ส่งคำขอ' })
  requestedByOrgUnit(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(r.requestedByUnitCode);
  }

  @FieldResolver(() => Actor, { description: 'ผู้ส่งคำขอ: บัญชีและผู้รับผิดชอบในขณะนั้น' })
  requestedBy(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders
      .of(actorLoader)
      .load(actorKey({ accountId: r.requestedByAccount, profileId: r.requestedByProfile }));
  }

  @FieldResolver(() => OrgUnit, { description: 'หน่วยงานที่ต้องดำเนินการเมื่อส่งคำขอ' })
  addressedToOrgUnit(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(r.addressedToUnitCode);
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: 'หน่วยงานที่ต้องดำเนินการตอนนี้ (เปลี่ยนได้เมื่อระดับบนยกเลิกการยืนยันแล้ว) ว่างเมื่อพิจารณาแล้ว',
  })
  async mustActOrgUnit(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    const actor = await mustActOn(ctx.dataSource.manager, r);
    return actor && ctx.loaders.of(orgUnitByCode).load(actor.code);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'หน่วยงานที่พิจารณา' })
  answeredByOrgUnit(@Root() r: RevocationRequestView, @Ctx() ctx: GraphQLContext) {
    return r.answeredByUnitCode ? ctx.loaders.of(orgUnitByCode).load(r.answeredByUnitCode) : null;
  }
}

/** In confirmationHistory, a revocation names the request it answered (if one asked for it). */
@Resolver(() => Confirmation)
export class ConfirmationRequestResolver {
  @FieldResolver(() => [RevocationRequest], {
    description: 'คำขอยกเลิกการยืนยันที่การยกเลิกครั้งนี้ตอบรับ (ว่างถ้าไม่มีผู้ขอ)',
  })
  answeredRequests(
    @Root() c: ConfirmationView,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevocationRequestView[]> {
    if (c.action !== 'REVOKED') return Promise.resolve([]);
    return answeredBy(ctx.dataSource.manager, c);
  }
}
