import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { OrgUnit } from '../org-units/org-unit.type';
import { todayInBangkok } from '../pupils/rules/thai-dates';
import { tasksFrom, type TaskView } from '../confirmation/tasks';
import { statusOf } from '../confirmation/unit-status.read';
import { openSpotCheckFlags, spotCheckFlagMessage } from '../spot-checks/spot-checks.read';
import { revocationRequestTasks } from '../revocation-requests/revocation-request-tasks';
import { provinceTargetTasks } from '../province-targets/province-target-status';
import { Task } from './task.types';

/** Pupils the province's spot check did not find, still on the register: the institution and its LAO act on them. */
async function spotCheckTasks(ctx: GraphQLContext, viewer: Viewer): Promise<TaskView[]> {
  if (!['SCHOOL', 'CDC', 'LAO'].includes(viewer.orgUnit.kind)) return [];
  const flags = await openSpotCheckFlags(ctx.dataSource.manager, [viewer.orgUnit.code]);
  return flags.map((f) => ({
    kind: 'SPOT_CHECK_FLAG',
    message: spotCheckFlagMessage(f),
    orgUnitCode: f.pupil.institutionCode,
    dataset: null,
    dueDate: null,
    daysLeft: null,
  }));
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], { description: 'สิ่งที่หน่วยงานของผู้ใช้ต้องทำตอนนี้ในรอบที่เปิดอยู่' })
  async myTasks(@Ctx() ctx: GraphQLContext): Promise<TaskView[]> {
    const viewer = requireViewer(ctx.viewer);
    const unit = await ctx.loaders.orgUnit.load(viewer.orgUnit.code);
    const flags = await spotCheckTasks(ctx, viewer);
    const requests = await revocationRequestTasks(ctx.dataSource.manager, viewer);
    const status = unit && (await statusOf(ctx, unit));
    if (!status || status.round.status !== 'OPEN') return [...requests, ...flags];
    const revokers = new Map<string, string>();
    for (const s of status.datasets)
      if (s.revokedByUnitCode)
        revokers.set(s.revokedByUnitCode, (await ctx.loaders.orgUnit.load(s.revokedByUnitCode))?.name ?? '');
    const confirmation = tasksFrom(status, unit.kind, todayInBangkok(new Date()), {
      revokedBy: (s) => revokers.get(s.revokedByUnitCode ?? '') || 'หน่วยงานต้นสังกัด',
    });
    const targets = await provinceTargetTasks(
      ctx.dataSource.manager,
      viewer,
      status.datasets,
      todayInBangkok(new Date()),
    );
    return [...requests, ...targets, ...confirmation, ...flags];
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() t: TaskView, @Ctx() ctx: GraphQLContext) {
    return t.orgUnitCode ? ctx.loaders.orgUnit.load(t.orgUnitCode) : null;
  }
}
