import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import { OrgUnit } from '../org-units/org-unit.types';
import type { TaskView } from '../confirmation/tasks';
import { myTasks } from './my-tasks';
import { Task } from './task.types';
import { orgUnitByCode } from '../org-units/org-unit.loaders';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], { description: 'สิ่งที่หน่วยงานของผู้ใช้ต้องทำตอนนี้ในรอบที่เปิดอยู่' })
  myTasks(@Ctx() ctx: GraphQLContext): Promise<TaskView[]> {
    const viewer = requireViewer(ctx.viewer);
    return myTasks(ctx.dataSource.manager, viewer, (code) => ctx.loaders.of(orgUnitByCode).load(code));
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() t: TaskView, @Ctx() ctx: GraphQLContext) {
    return t.orgUnitCode ? ctx.loaders.of(orgUnitByCode).load(t.orgUnitCode) : null;
  }
}
