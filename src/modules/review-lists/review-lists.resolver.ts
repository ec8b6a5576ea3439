import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { OrgUnit } from '../org-units/org-unit.types';
import { reviewLists, type InstitutionReview as InstitutionReviewView } from './review-lists.reads';
import { InstitutionReview, ReviewCountsType, ReviewLists } from './review-lists.types';
import { reviewCountsLoader } from './review-counts';
import { UnitConfirmationStatus } from '../confirmation/confirmation.types';
import { orgUnitByCode, requireUnitInScope } from '../org-units/org-unit.loaders';

@Resolver(() => ReviewLists)
export class ReviewListsResolver {
  @Query(() => ReviewLists, {
    description:
      'รายการที่ต้องตรวจก่อนยืนยัน (อปท. จังหวัด): นักเรียนที่รับไว้พร้อมคำอธิบาย นักเรียนรหัส G การนำออกเมื่อไม่นานนี้ คำขอย้ายที่ค้างตอบ แยกตามสถานศึกษา พร้อมจำนวน',
  })
  async reviewLists(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('institutionCode', () => String, { nullable: true, description: 'เฉพาะสถานศึกษานี้ (แสดงทุกรายการ)' })
    institutionCode: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReviewLists> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    const institutions = await reviewLists(ctx.dataSource.manager, unit, {
      institutionCode,
      now: new Date(),
    });
    const total = (k: 'queryNoteCount' | 'gCodeCount' | 'recentRemovalCount' | 'overdueTransferCount') =>
      institutions.reduce((n, i) => n + i[k], 0);
    return {
      orgUnitCode,
      institutions: institutions as InstitutionReview[],
      queryNoteCount: total('queryNoteCount'),
      gCodeCount: total('gCodeCount'),
      recentRemovalCount: total('recentRemovalCount'),
      overdueTransferCount: total('overdueTransferCount'),
    };
  }
}

@Resolver(() => InstitutionReview)
export class InstitutionReviewResolver {
  @FieldResolver(() => OrgUnit)
  orgUnit(@Root() r: InstitutionReviewView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.of(orgUnitByCode).load(r.institutionCode);
  }
}

@Resolver(() => UnitConfirmationStatus)
export class UnitReviewCountsResolver {
  @FieldResolver(() => ReviewCountsType, {
    description: 'จำนวนรายการที่ต้องตรวจ (รายการตรวจก่อนยืนยันใน reviewLists)',
  })
  reviewCounts(@Root() s: UnitConfirmationStatus, @Ctx() ctx: GraphQLContext) {
    return reviewCountsLoader(ctx).load(s.orgUnitCode);
  }
}
