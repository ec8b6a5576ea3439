import busboy from 'busboy';
import type { Request } from 'express';
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

/**
 * The file of a `multipart/form-data` request, field `file`, kept in memory up to `limit` bytes:
 * past that the rest of the body is read and thrown away (so the client gets its 413 rather than a
 * reset connection), and the upload is refused.
 */
export function readUpload(req: Request, limit = MAX_UPLOAD_BYTES): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: limit, files: 1, fields: 20, fieldSize: 10_000, parts: 30 },
      });
    } catch {
      reject(new FileRefused(`กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file ${ACCEPTED_FILES}`));
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName: string | null = null;
    let truncated = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || fileName !== null) {
        stream.resume();
        return;
      }
      fileName = info.filename ?? '';
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        truncated = true;
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', () =>
      reject(new FileRefused(`อ่านข้อมูลที่ส่งมาไม่ได้ (multipart ไม่สมบูรณ์) กรุณาอัปโหลดใหม่ ${ACCEPTED_FILES}`)),
    );
    parser.on('close', () => {
      if (truncated) reject(tooLarge());
      else if (fileName === null) reject(new FileRefused(`กรุณาแนบไฟล์ในช่อง file ${ACCEPTED_FILES}`));
      else resolve({ fileName, bytes: Buffer.concat(chunks), fields });
    });
    req.pipe(parser);
  });
}
