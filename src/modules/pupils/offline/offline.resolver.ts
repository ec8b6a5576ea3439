import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { streamVersion } from '../../../event-store/event-store';
import type { GraphQLContext } from '../../access/context';
import { badInput } from '../../../shared/errors';
import { assertWithin, requireViewer } from '../../access/policy';
import { OrgUnitRow } from '../../org-units/org-unit.entity';
import { institutionStreamId } from '../pupil.events';
import { isInstitution } from '../../chain/org-unit-kind';

@Resolver()
export class OfflineResolver {
  @Query(() => Int, {
    description:
      'เลขรุ่นของทะเบียนนักเรียนของสถานศึกษา (จำนวนเหตุการณ์ในทะเบียน) สำหรับคำสั่งที่บันทึกขณะออฟไลน์ (basedOnVersion)',
  })
  async registerVersion(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.dataSource.manager.findOneBy(OrgUnitRow, { code: institutionCode });
    if (!unit || !isInstitution(unit.kind))
      throw badInput({ institutionCode: `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${institutionCode}` });
    assertWithin(viewer, unit);
    return streamVersion(ctx.dataSource.manager, institutionStreamId(institutionCode));
  }
}
