import type { Request } from 'express';
import { receiveFile } from '../../http/multipart';
import { ACCEPTED_FILES, FileRefused } from './import-errors';

/** 20 MB: a 100,000-row sheet of LEC's columns is about 8 MB as .xlsx. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface ReceivedUpload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

export function tooLarge(): FileRefused {
  return new FileRefused(
    `ไฟล์มีขนาดเกิน ${MAX_UPLOAD_BYTES / 1024 / 1024} MB กรุณาลบคอลัมน์หรือแผ่นงานที่ไม่ใช้ หรือแบ่งเป็นหลายไฟล์ แล้วอัปโหลดใหม่`,
    413,
  );
}

/** The file of a `multipart/form-data` request, field `file`, kept in memory up to `limit` bytes (src/http/multipart.ts). */
export async function readUpload(req: Request, limit = MAX_UPLOAD_BYTES): Promise<ReceivedUpload> {
  const r = await receiveFile(req, { maxBytes: limit });
  if (r.ok) return { fileName: r.fileName, bytes: r.bytes, fields: r.fields };
  switch (r.problem) {
    case 'too-large':
      throw tooLarge();
    case 'no-file':
      throw new FileRefused(`กรุณาแนบไฟล์ในช่อง file ${ACCEPTED_FILES}`);
    case 'not-multipart':
      throw new FileRefused(`กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file ${ACCEPTED_FILES}`);
    default:
      throw new FileRefused(`อ่านข้อมูลที่ส่งมาไม่ได้ (multipart ไม่สมบูรณ์) กรุณาอัปโหลดใหม่ ${ACCEPTED_FILES}`);
  }
}
