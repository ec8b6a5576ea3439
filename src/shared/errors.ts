/** The error codes of API.md: the only codes a client ever sees on a refusal. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'FIRST_LOGIN_REQUIRED'
  | 'BAD_USER_INPUT'
  | 'INVALID_CITIZEN_ID'
  | 'DUPLICATE_PUPIL'
  | 'DATA_CONFIRMED'
  | 'NOT_READY'
  | 'PARENT_CONFIRMED'
  | 'NO_OPEN_ROUND'
  | 'ROUND_CLOSED'
  | 'CONFLICT'
  | 'TOO_MANY_ATTEMPTS'
  | 'NOT_FOUND'
  | 'UNAVAILABLE';

/** A default Thai message per code, for refusals that have nothing more specific to say. */
export const defaultMessages: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'กรุณาเข้าสู่ระบบก่อนใช้งาน',
  FORBIDDEN: 'ท่านไม่มีสิทธิ์ดำเนินการกับหน่วยงานนี้',
  FIRST_LOGIN_REQUIRED: 'กรุณากรอกข้อมูลส่วนตัว (Profile) และตั้งรหัสผ่านใหม่ก่อนใช้งาน',
  BAD_USER_INPUT: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบแล้วลองอีกครั้ง',
  INVALID_CITIZEN_ID: 'เลขประจำตัวประชาชนไม่ถูกต้อง ต้องเป็นเลข 13 หลักที่ถูกต้อง หรือรหัส G (G-Code)',
  DUPLICATE_PUPIL: 'เลขประจำตัวประชาชนนี้มีอยู่ในระบบแล้ว',
  DATA_CONFIRMED: 'ข้อมูลได้รับการยืนยันแล้วและถูกล็อก ต้องให้หน่วยงานต้นสังกัดยกเลิกการยืนยันข้อมูลก่อน',
  NOT_READY: 'ยังยืนยันข้อมูลไม่ได้ เนื่องจากหน่วยงานในสังกัดยังยืนยันข้อมูลไม่ครบ',
  PARENT_CONFIRMED: 'ยังยกเลิกการยืนยันข้อมูลไม่ได้ เนื่องจากหน่วยงานระดับสูงกว่ายืนยันข้อมูลแล้ว ต้องให้ยกเลิกก่อน',
  NO_OPEN_ROUND: 'ขณะนี้ไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่',
  ROUND_CLOSED: 'รอบการบันทึกข้อมูลนี้ปิดแล้ว',
  CONFLICT: 'มีผู้อื่นแก้ไขข้อมูลเดียวกันในเวลาเดียวกัน กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง',
  TOO_MANY_ATTEMPTS: 'เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
  NOT_FOUND: 'ไม่พบข้อมูลที่ต้องการ',
  UNAVAILABLE: 'ฐานข้อมูลไม่พร้อมใช้งานชั่วคราว ข้อมูลที่บันทึกแล้วไม่สูญหาย กรุณาลองใหม่อีกครั้งในอีกสักครู่',
};

export interface LecErrorDetails {
  /** For BAD_USER_INPUT: each bad field and what is wrong with it, in Thai. */
  fields?: Record<string, string>;
  /** Anything else a client may act on (e.g. the units a confirmation waits on). */
  [key: string]: unknown;
}

/** The one error type of LEC: a stable code, a Thai message a person can act on, and details. */
export class LecError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessages[code],
    readonly details: LecErrorDetails = {},
  ) {
    super(message);
    this.name = 'LecError';
  }
}

export function badInput(fields: Record<string, string>, message?: string): LecError {
  const summary = message ?? `${defaultMessages.BAD_USER_INPUT}: ${Object.values(fields).join(', ')}`;
  return new LecError('BAD_USER_INPUT', summary, { fields });
}

export function isLecError(e: unknown): e is LecError {
  return e instanceof LecError;
}
