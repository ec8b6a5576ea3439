import type { EntityManager } from 'typeorm';
import { duplicateProblem, type IdHolder } from '../pupils/pupil.decider';
import type { RowResult } from './validate-rows';

/** Where a citizen ID is on a register now. */
export type Holder = IdHolder;

/** The institutions holding any of these IDs as an active pupil: one query for the whole file. */
export async function findEnrolled(m: EntityManager, ids: readonly string[]): Promise<Map<string, Holder>> {
  if (!ids.length) return new Map();
  const rows: { citizen_id: string; institution_code: string; name: string }[] = await m.query(
    `SELECT p.citizen_id, p.institution_code, u.name
       FROM pupils p JOIN org_units u ON u.code = p.institution_code
      WHERE p.citizen_id = ANY($1::varchar[]) AND p.status = 'ACTIVE'`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.citizen_id, { institutionCode: r.institution_code, institutionName: r.name }]),
  );
}

/** The rule of `duplicateProblem`, as a row of the file reads it (a row already on this register is to be deleted from the file). */
export function duplicateMessage(holder: Holder, institutionCode: string): string {
  return holder.institutionCode === institutionCode
    ? 'มีอยู่ในทะเบียนแล้ว: นักเรียนรายนี้อยู่ในทะเบียนของสถานศึกษานี้แล้ว กรุณาลบแถวนี้ออกจากไฟล์ (แก้ไขข้อมูลได้ที่หน้าข้อมูลนักเรียน)'
    : duplicateProblem(holder);
}

/** Marks every row whose ID is on a register (here or elsewhere); returns how many were marked. */
export async function markRegisterDuplicates(
  m: EntityManager,
  results: RowResult[],
  institutionCode: string,
): Promise<number> {
  const held = await findEnrolled(m, [...new Set(results.flatMap((r) => (r.id ? [r.id] : [])))]);
  let marked = 0;
  for (const r of results) {
    const holder = r.id ? held.get(r.id) : undefined;
    if (holder && !r.errors.citizenId) {
      r.errors.citizenId = duplicateMessage(holder, institutionCode);
      marked++;
    }
  }
  return marked;
}
