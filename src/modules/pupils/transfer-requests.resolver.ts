import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { badInput } from '../../shared/errors';
import { assertWithin, requireViewer } from '../access/policy';
import { actorKey } from '../accounts/actor.types';
import { answerTransferRequest } from './answer-transfer-request';
import { PupilInput } from './pupil.input';
import { assertIsInstitution, extraOf } from './pupil-write';
import { requestPupilTransfer } from './request-pupil-transfer';
import { citizenIdFor } from './rules/citizen-id';
import { isTransferOverdue, transferDueAt } from './rules/transfer-rules';
import type { TransferRequestRow, TransferRequestStatus } from './transfer-request.entity';
import {
  TransferDirectionEnum,
  TransferRequest,
  TransferRequestStatusEnum,
  type TransferDirection,
} from './transfer-request.types';
import { listTransferRequests } from './transfer-requests.reads';
import { orgUnitByCode } from '../org-units/org-unit.loaders';
import { actorLoader } from '../accounts/actor.loaders';

async function viewOf(r: TransferRequestRow, ctx: GraphQLContext): Promise<TransferRequest> {
  const [from, to, requestedBy, answeredBy] = await Promise.all([
    ctx.loaders.of(orgUnitByCode).load(r.fromInstitutionCode),
    ctx.loaders.of(orgUnitByCode).load(r.toInstitutionCode),
    ctx.loaders
      .of(actorLoader)
      .load(actorKey({ accountId: r.requestedByAccount, profileId: r.requestedByProfile })),
    r.answeredAt
      ? ctx.loaders
          .of(actorLoader)
          .load(actorKey({ accountId: r.answeredByAccount, profileId: r.answeredByProfile }))
      : null,
  ]);
  return {
    id: r.id,
    status: r.status,
    // Both institutions know the child's ID (one holds it, the other typed it); everyone else sees it masked.
    citizenId: citizenIdFor(ctx.viewer?.orgUnit, [r.fromInstitutionCode, r.toInstitutionCode], r.citizenId),
    prefix: r.details.prefix,
    firstName: r.details.firstName,
    lastName: r.details.lastName,
    sex: r.details.sex,
    birthDate: r.details.birthDate,
    grade: r.details.grade,
    from: { code: r.fromInstitutionCode, name: from?.name ?? null },
    to: { code: r.toInstitutionCode, name: to?.name ?? null },
    note: r.note,
    requestedAt: r.requestedAt,
    requestedBy,
    dueAt: transferDueAt(r.requestedAt),
    overdue: isTransferOverdue(r.status, r.requestedAt, new Date()),
    answeredAs: r.answeredAs,
    answerNote: r.answerNote,
    answeredAt: r.answeredAt,
    answeredBy,
    pupilId: r.pupilId,
  };
}

@Resolver(() => TransferRequest)
export class TransferRequestsResolver {
  @Query(() => [TransferRequest], {
    description: 'คำขอย้ายนักเรียนของสถานศึกษา (หรือของทุกสถานศึกษาใน อปท. เมื่อระบุรหัส อปท.) ทั้งที่รอคำตอบและที่ตอบแล้ว',
  })
  async transferRequests(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Arg('direction', () => TransferDirectionEnum, { nullable: true }) direction: TransferDirection | null,
    @Arg('status', () => TransferRequestStatusEnum, { nullable: true }) status: TransferRequestStatus | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.of(orgUnitByCode).load(institutionCode);
    if (!unit || !['SCHOOL', 'CDC', 'LAO'].includes(unit.kind))
      throw badInput({ institutionCode: `ไม่พบสถานศึกษาหรือ อปท. รหัส ${institutionCode}` });
    assertWithin(viewer, unit);
    const rows = await listTransferRequests(ctx.dataSource, { unit, direction, status });
    return Promise.all(rows.map((r) => viewOf(r, ctx)));
  }

  @Mutation(() => TransferRequest, {
    description:
      'ขอย้ายนักเรียนที่มีชื่ออยู่ที่สถานศึกษาอื่น (เมื่อเพิ่มข้อมูลไม่ได้เพราะ DUPLICATE_PUPIL) สถานศึกษาเดิมหรือ อปท. ต้นสังกัดเป็นผู้ตอบ',
  })
  async requestPupilTransfer(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Arg('input', () => PupilInput) input: PupilInput,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertIsInstitution(requireViewer(ctx.viewer), institutionCode);
    const row = await requestPupilTransfer(
      ctx.store,
      institutionCode,
      { ...input, extra: extraOf(input.extra) },
      note ?? null,
      metadataOf(ctx),
    );
    return viewOf(row, ctx);
  }

  @Mutation(() => TransferRequest, {
    description:
      'ตอบคำขอย้าย (สถานศึกษาที่มีชื่อนักเรียนอยู่ หรือ อปท. ต้นสังกัด): ให้ย้าย = นักเรียนย้ายออกและย้ายเข้าในคราวเดียว, ไม่ให้ย้าย = ต้องระบุเหตุผล',
  })
  async answerTransferRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const viewer = requireViewer(ctx.viewer);
    const row = await answerTransferRequest(
      ctx.store,
      { requestId, accept, note: note ?? null },
      viewer.orgUnit,
      metadataOf(ctx),
    );
    return viewOf(row, ctx);
  }
}
