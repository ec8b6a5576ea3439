import busboy from 'busboy';
import type { Request } from 'express';

/** One file of a `multipart/form-data` request, kept in memory, with the text fields beside it. */
export type ReceivedFile =
  | { ok: true; fileName: string; bytes: Buffer; fields: Record<string, string> }
  | { ok: false; problem: 'not-multipart' | 'broken' | 'too-large' | 'no-file' };

export interface ReceiveOptions {
  /** The field that holds the file. */
  field?: string;
  /** Bytes kept at most: past that the rest is read and dropped, so the client gets its 413. */
  maxBytes: number;
  maxFields?: number;
  maxParts?: number;
}

/**
 * Reads the file of a multipart request. Every stream involved has its error handled: a body cut
 * short ("Unexpected end of form"), a client that goes away or a malformed part settles the promise
 * as `broken` instead of an unhandled 'error' event, which would end the process.
 * Memory: at most `maxBytes` of file plus the small text fields.
 */
export function receiveFile(req: Request, options: ReceiveOptions): Promise<ReceivedFile> {
  const field = options.field ?? 'file';
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: ReceivedFile) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fileSize: options.maxBytes,
          files: 1,
          fields: options.maxFields ?? 20,
          fieldSize: 10_000,
          parts: options.maxParts ?? 30,
        },
      });
    } catch {
      settle({ ok: false, problem: 'not-multipart' });
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName: string | null = null;
    let truncated = false;
    const broken = () => {
      req.unpipe(parser);
      // Drain what the client still sends, so it reads our answer rather than a reset connection.
      req.resume();
      settle({ ok: false, problem: 'broken' });
    };
    parser.on('file', (name, stream, info) => {
      stream.on('error', broken);
      if (name !== field || fileName !== null) {
        stream.resume();
        return;
      }
      fileName = info.filename ?? '';
      stream.on('data', (c: Buffer) => {
        if (!truncated) chunks.push(c);
      });
      stream.on('limit', () => {
        truncated = true;
        chunks.length = 0;
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', broken);
    req.on('error', broken);
    req.on('aborted', broken);
    parser.on('close', () => {
      if (truncated) settle({ ok: false, problem: 'too-large' });
      else if (fileName === null) settle({ ok: false, problem: 'no-file' });
      else settle({ ok: true, fileName, bytes: Buffer.concat(chunks), fields });
    });
    req.pipe(parser);
  });
}
