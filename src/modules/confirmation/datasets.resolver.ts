import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { datasetSpecs } from '../chain/dataset';
import { DatasetInfo } from './confirmation.types';

/** The dataset registry as the client reads it: labels and rules come from here, not from client code. */
@Resolver(() => DatasetInfo)
export class DatasetsResolver {
  @Query(() => [DatasetInfo], { description: 'ทะเบียนฐานข้อมูลที่ยืนยัน: ชื่อ เจ้าของข้อมูลต้นทาง ระดับแรกที่ยืนยัน' })
  datasets(@Ctx() ctx: GraphQLContext): DatasetInfo[] {
    requireViewer(ctx.viewer);
    return datasetSpecs.map((s) => ({
      dataset: s.dataset,
      label: s.label,
      sourceKind: s.sourceKind,
      firstLevel: s.firstLevel,
      source: s.source,
      counted: s.section !== null,
    }));
  }
}
