import type { Viewer } from '../../access/viewer';
import { checkOfflineWrite, type OfflineContext, type OfflineWrite } from './offline-write';

export const OFFLINE_KEY = 'รหัสคำสั่งจากคิวออฟไลน์ (อุปกรณ์:คำสั่ง): ส่งซ้ำด้วยรหัสเดิมได้ผลเดิม ไม่บันทึกซ้ำ';
export const OFFLINE_VERSION =
  'เลขรุ่นของทะเบียน (registerVersion) ขณะที่บันทึกคำสั่งนี้: ถ้านักเรียนรายนี้ถูกแก้ไขหลังจากนั้นจะได้ CONFLICT';

/** The offline fields of a register mutation, checked, or undefined when neither is given. */
export function offlineOf(viewer: Viewer, operation: string, w: OfflineWrite): OfflineContext | undefined {
  if (w.idempotencyKey == null && w.basedOnVersion == null) return undefined;
  checkOfflineWrite(w);
  return { ...w, accountId: viewer.accountId, operation };
}
