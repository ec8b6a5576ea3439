import type { EntityManager } from 'typeorm';
import type { GraphQLContext } from '../access/context';
import type { Viewer } from '../access/viewer';
import { daysBetween, type TaskView } from '../confirmation/tasks';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { isInstitution } from '../chain/org-unit-kind';
import { formatThaiDate, todayInBangkok } from '../../shared/thai-calendar';
import { lateAgainst } from './province-target.rules';
import { targetsOf, type ProvinceTargetsView } from './province-targets.reads';

interface UnitLike {
  code: string;
  kind: OrgUnitKind;
  provinceCode: string | null;
}
interface DatasetLike {
  confirmed: boolean;
  confirmedAt: Date | null;
}

/** The province's targets of the open round, read once per request and province. */
const memo = new WeakMap<object, Map<string, Promise<ProvinceTargetsView | null>>>();
function targetsFor(ctx: GraphQLContext, provinceCode: string) {
  let perRequest = memo.get(ctx.loaders);
  if (!perRequest) memo.set(ctx.loaders, (perRequest = new Map()));
  let t = perRequest.get(provinceCode);
  if (!t) perRequest.set(provinceCode, (t = targetsOf(ctx.dataSource.manager, provinceCode)));
  return t;
}

function targetDateOf(t: ProvinceTargetsView, kind: OrgUnitKind): string | null {
  if (kind === 'LAO') return t.laoTarget;
  if (isInstitution(kind)) return t.institutionTarget;
  return null;
}

function statusAgainst(date: string, datasets: readonly DatasetLike[], today: string) {
  const late = datasets.some((d) =>
    lateAgainst(date, today, d.confirmed && d.confirmedAt ? todayInBangkok(new Date(d.confirmedAt)) : null),
  );
  return { date, daysLeft: daysBetween(today, date), late };
}

/** An LAO's or institution's standing against its province's own target, flagged late like a deadline. */
export async function targetStatusOf(
  ctx: GraphQLContext,
  unit: UnitLike,
  datasets: readonly DatasetLike[],
  today: string,
) {
  if (!unit.provinceCode || !datasets.length) return null;
  const t = await targetsFor(ctx, unit.provinceCode);
  const date = t && targetDateOf(t, unit.kind);
  return date ? statusAgainst(date, datasets, today) : null;
}

/** The viewer's own task when its province set an earlier target and something is still unconfirmed. */
export async function provinceTargetTasks(
  m: EntityManager,
  viewer: Viewer,
  datasets: readonly DatasetLike[],
  today: string,
): Promise<TaskView[]> {
  const kind = viewer.orgUnit.kind;
  if (!viewer.orgUnit.provinceCode || !['LAO', 'SCHOOL', 'CDC'].includes(kind)) return [];
  if (!datasets.some((d) => !d.confirmed)) return [];
  const t = await targetsOf(m, viewer.orgUnit.provinceCode);
  const date = t && targetDateOf(t, kind);
  if (!date) return [];
  const daysLeft = daysBetween(today, date);
  const when =
    daysLeft < 0 ? `เลยกำหนดมาแล้ว ${-daysLeft} วัน` : daysLeft === 0 ? 'ครบกำหนดวันนี้' : `อีก ${daysLeft} วัน`;
  return [
    {
      kind: 'PROVINCE_TARGET',
      message:
        `จังหวัดกำหนดให้${kind === 'LAO' ? ' อปท. ' : 'สถานศึกษา'}ยืนยันข้อมูลให้แล้วเสร็จภายในวันที่ ${formatThaiDate(date)} (${when})` +
        (t.note ? ` หมายเหตุ: ${t.note}` : ''),
      orgUnitCode: viewer.orgUnit.code,
      dataset: null,
      dueDate: date,
      daysLeft,
    },
  ];
}
