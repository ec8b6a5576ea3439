import { formatThaiDate, isIsoDate } from '../../shared/thai-calendar';

export interface TargetInput {
  institutionTarget: string;
  laoTarget: string;
}

export interface DepartmentDeadlines {
  institutionDeadline: string;
  laoDeadline: string;
}

/**
 * A province's targets (guideline §10.1): real dates, not before today, institutions no later
 * than LAOs, and each no later than the department's deadline for that level.
 */
export function targetProblems(
  t: TargetInput,
  round: DepartmentDeadlines,
  today: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const check = (field: keyof TargetInput, deadline: string, level: string) => {
    const v = t[field];
    if (!isIsoDate(v)) fields[field] = 'กรุณาระบุวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)';
    else if (v < today) fields[field] = `กำหนดของ${level}ต้องไม่ก่อนวันนี้ (${formatThaiDate(today)})`;
    else if (v > deadline)
      fields[field] = `กำหนดของ${level}ต้องไม่เกินกำหนดของกรมส่งเสริมการปกครองท้องถิ่น (${formatThaiDate(deadline)})`;
  };
  check('institutionTarget', round.institutionDeadline, 'สถานศึกษา');
  check('laoTarget', round.laoDeadline, ' อปท.');
  if (!fields.institutionTarget && !fields.laoTarget && t.institutionTarget > t.laoTarget)
    fields.institutionTarget = 'กำหนดของสถานศึกษาต้องไม่หลังกำหนดของ อปท. (อปท. ยืนยันได้เมื่อสถานศึกษาครบ)';
  return fields;
}

/** Late against a target: not confirmed after it, or confirmed on a later day. */
export function lateAgainst(target: string, today: string, confirmedOn: string | null): boolean {
  return confirmedOn ? confirmedOn > target : today > target;
}
