import type { EntityManager } from 'typeorm';
import { badInput } from '../../shared/errors';
import type { CountScope } from './count-scope';
import type { GradeSexCell } from './figures.model';

/** The confirmed figures of a round under a scope (institutions' frozen counts; funded schools' from their LAO). */
export async function readConfirmedCounts(
  _m: EntityManager,
  _scope: CountScope,
  _roundId: string,
): Promise<{ enrolled: GradeSexCell[]; otherSchools: GradeSexCell[] }> {
  throw badInput(
    { confirmedOnly: 'ระบบยืนยันข้อมูลยังไม่เปิดใช้ จึงยังไม่มีข้อมูลที่ยืนยันแล้ว' },
    'ยังแสดงข้อมูลที่ยืนยันแล้วไม่ได้: ระบบยืนยันข้อมูลยังไม่เปิดใช้ กรุณาดูตัวเลขตามที่บันทึกไว้ขณะนี้ (ไม่ระบุ confirmedOnly)',
  );
}
