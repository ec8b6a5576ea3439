import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { DatasetEnum } from '../confirmation/confirmation.types';
import type { Dataset } from '../chain/dataset';
import { changesSinceConfirmation, type ChangesView } from './changes-since-confirmation.reads';
import { ChangesSinceConfirmation } from './changes-since-confirmation.types';
import { requireUnitInScope } from '../org-units/org-unit.loaders';

@Resolver()
export class ChangesSinceConfirmationResolver {
  @Query(() => ChangesSinceConfirmation, {
    description: 'สิ่งที่เปลี่ยนไปหลังการยืนยันครั้งล่าสุด: จำนวนตามระดับชั้นก่อน/หลัง และ (สถานศึกษา) นักเรียนที่เพิ่ม นำออก และแก้ไข',
  })
  async changesSinceConfirmation(
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('dataset', () => DatasetEnum) dataset: Dataset,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangesView> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await requireUnitInScope(ctx, viewer, orgUnitCode);
    return changesSinceConfirmation(ctx.dataSource.manager, unit, dataset, viewer.orgUnit);
  }
}
