import { LecError } from '../../shared/errors';

/** What every refusal of a file ends with: what the system does read. */
export const ACCEPTED_FILES = 'ระบบรับไฟล์ Excel (.xlsx) หรือ CSV ที่มีหัวคอลัมน์ตามแบบส่งออกข้อมูลนักเรียนของ LEC';

/** A file the import cannot read: BAD_USER_INPUT with a Thai message, answered 400 (or 413 when too large). */
export class FileRefused extends LecError {
  constructor(
    message: string,
    readonly httpStatus = 400,
    details: Record<string, unknown> = {},
  ) {
    super('BAD_USER_INPUT', message, details);
  }
}
