import { formatThaiDate, todayInBangkok } from '../../shared/thai-calendar';
import type { ConfirmationStatusView, DatasetStatusView } from './confirmation-status.view';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { datasetLabels, waitsOnRecords, type Dataset } from '../chain/dataset';

export type TaskKind =
  | 'CONFIRM'
  | 'RECONFIRM'
  | 'WAIT_FOR_CHILDREN'
  | 'DEADLINE'
  | 'SPOT_CHECK_FLAG'
  | 'REVOCATION_REQUEST'
  | 'PROVINCE_TARGET';
export const taskKinds: readonly TaskKind[] = [
  'CONFIRM',
  'RECONFIRM',
  'WAIT_FOR_CHILDREN',
  'DEADLINE',
  'SPOT_CHECK_FLAG',
  // Issue 12: a request to revoke waiting on this unit; the province's own earlier target.
  'REVOCATION_REQUEST',
  'PROVINCE_TARGET',
];

export interface TaskView {
  kind: TaskKind;
  message: string;
  orgUnitCode: string | null;
  dataset: Dataset | null;
  dueDate: string | null;
  daysLeft: number | null;
}

const DAY = 86_400_000;
/** Whole days from one ISO date to another (negative once past). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

function due(daysLeft: number): string {
  if (daysLeft < 0) return `เลยกำหนดมาแล้ว ${-daysLeft} วัน`;
  if (daysLeft === 0) return 'ครบกำหนดวันนี้';
  return `อีก ${daysLeft} วัน`;
}

/**
 * What a unit must do now in the open round (issue #5, notifications), derived from its
 * confirmation status: confirm what is ready, confirm again what was revoked (with who, when and
 * why), or wait for the units below, each against its deadline.
 */
export function tasksFrom(
  status: ConfirmationStatusView,
  kind: OrgUnitKind,
  today: string,
  names: { revokedBy: (s: DatasetStatusView) => string },
): TaskView[] {
  const tasks: TaskView[] = [];
  const unit = status.orgUnitCode;
  for (const s of status.datasets) {
    if (s.confirmed) continue;
    const what = datasetLabels[s.dataset];
    const daysLeft = s.deadline ? daysBetween(today, s.deadline) : null;
    const when = s.deadline ? ` ภายในวันที่ ${formatThaiDate(s.deadline)} (${due(daysLeft!)})` : '';
    const base = { orgUnitCode: unit, dataset: s.dataset, dueDate: s.deadline, daysLeft };
    if (s.revokedAt && s.ready)
      tasks.push({
        ...base,
        kind: 'RECONFIRM',
        message:
          `${what}ถูกยกเลิกการยืนยันโดย ${names.revokedBy(s)} เมื่อ ${formatThaiDate(todayInBangkok(s.revokedAt))} ` +
          `เหตุผล: ${s.revocationReason ?? '-'} กรุณาตรวจแก้แล้วยืนยันอีกครั้ง${when}`,
      });
    else if (s.ready)
      tasks.push({
        ...base,
        kind: daysLeft !== null && daysLeft <= 3 ? 'DEADLINE' : 'CONFIRM',
        message: `ยืนยัน${what}${when}`,
      });
    else
      tasks.push({
        ...base,
        kind: 'WAIT_FOR_CHILDREN',
        // Funded schools of another affiliation do not confirm: the LAO records their counts itself.
        message: waitsOnRecords(kind, s.dataset)
          ? `บันทึกจำนวนนักเรียนของสถานศึกษาสังกัดอื่นอีก ${s.missingCodes.length} แห่ง แล้วยืนยัน${what}${when}`
          : `รอหน่วยงานในสังกัดยืนยัน${what}อีก ${s.missingCodes.length} แห่ง จึงจะยืนยันได้${when}`,
      });
  }
  // The department confirms nothing: its work is to see the provinces through.
  if (!status.datasets.length && status.children.length) {
    const byDataset = new Map<Dataset, { done: number; all: number }>();
    for (const c of status.children)
      for (const s of c.datasets) {
        const n = byDataset.get(s.dataset) ?? { done: 0, all: 0 };
        byDataset.set(s.dataset, { done: n.done + (s.confirmed ? 1 : 0), all: n.all + 1 });
      }
    for (const [dataset, n] of byDataset)
      if (n.done < n.all)
        tasks.push({
          kind: 'WAIT_FOR_CHILDREN',
          message: `${datasetLabels[dataset]}: หน่วยงานในสังกัดยืนยันแล้ว ${n.done} จาก ${n.all} แห่ง`,
          orgUnitCode: unit,
          dataset,
          dueDate: null,
          daysLeft: null,
        });
  }
  return tasks;
}
