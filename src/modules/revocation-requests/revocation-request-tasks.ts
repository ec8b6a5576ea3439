import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import type { TaskView } from '../confirmation/tasks';
import { datasetLabels } from '../chain/dataset';
import { stepsFor } from './revocation-request.rules';
import { requestsAwaiting } from './revocation-requests.reads';

/** Requests to revoke that wait on the viewer's unit: what to revoke (top down) or refuse with a reason. */
export async function revocationRequestTasks(m: EntityManager, viewer: Viewer): Promise<TaskView[]> {
  if (!['DEPARTMENT', 'PROVINCE', 'LAO'].includes(viewer.orgUnit.kind)) return [];
  const waiting = await requestsAwaiting(m, viewer);
  const names = new Map<string, string>();
  for (const { chain } of waiting) for (const l of chain) names.set(l.code, l.name);
  return waiting.map(({ request: r, chain }) => {
    const actor = chain.find((l) => l.code === viewer.orgUnit.code)!;
    const from = names.get(r.requestedByUnitCode) ?? r.requestedByUnitCode;
    return {
      kind: 'REVOCATION_REQUEST',
      message:
        `${from} ขอให้ยกเลิกการยืนยัน${datasetLabels[r.dataset]}ของ ${chain[0].name} เหตุผล: ${r.reason} ` +
        `— ยกเลิกการยืนยันของ ${stepsFor(chain, actor)} หรือปฏิเสธคำขอพร้อมเหตุผล`,
      orgUnitCode: r.orgUnitCode,
      dataset: r.dataset,
      dueDate: null,
      daysLeft: null,
    };
  });
}
