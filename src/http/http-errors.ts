import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable } from '../db/unavailable';
import { defaultMessages, isLecError, LecError, type ErrorCode } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { isProgressStream } from './progress-stream';
import { requestIdOf } from './request-id';

export const INTERNAL_MESSAGE = 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ';

/** The HTTP status of each refusal code, for every route outside GraphQL. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FIRST_LOGIN_REQUIRED: 403,
  BAD_USER_INPUT: 400,
  INVALID_CITIZEN_ID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_PUPIL: 409,
  DATA_CONFIRMED: 409,
  TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
};

export function httpStatusOfCode(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/** What Express's body parsers (and their `http-errors`) throw, by their `type`, in Thai. */
const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    message: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง (อาจส่งมาไม่ครบ) กรุณาตรวจสอบแล้วส่งใหม่',
  },
  'entity.too.large': { status: 413, message: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินกว่าที่ระบบรับได้ (2 MB)' },
  'entity.verify.failed': { status: 400, message: 'ข้อมูลที่ส่งมาไม่ถูกต้อง' },
  'request.aborted': { status: 400, message: 'การส่งข้อมูลถูกตัดกลางคัน กรุณาส่งใหม่' },
  'request.size.invalid': { status: 400, message: 'ขนาดข้อมูลที่ส่งมาไม่ตรงกับที่แจ้งไว้ กรุณาส่งใหม่' },
  'stream.encoding.set': { status: 500, message: INTERNAL_MESSAGE },
  'charset.unsupported': { status: 415, message: 'ระบบรับข้อมูลแบบ UTF-8 เท่านั้น (charset ที่แจ้งมาไม่รองรับ)' },
  'encoding.unsupported': {
    status: 415,
    message: 'ระบบไม่รองรับการบีบอัดข้อมูลแบบที่แจ้งมา (Content-Encoding) กรุณาส่งแบบ gzip หรือไม่บีบอัด',
  },
};

interface HttpLikeError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

export interface HttpRefusal {
  status: number;
  body: { code: string; message: string; [k: string]: unknown };
}

/**
 * The one mapping of an error to an HTTP answer outside GraphQL: a LecError keeps its code, Thai
 * message and details; a database outage is 503 UNAVAILABLE; a malformed body is 4xx
 * BAD_USER_INPUT; anything else is logged and answered 500 with a plain Thai message. Never a stack trace.
 */
export function httpRefusalOf(e: unknown): HttpRefusal & { unexpected: boolean } {
  if (isLecError(e)) {
    const status = (e as LecError & { httpStatus?: number }).httpStatus ?? httpStatusOfCode(e.code);
    return { status, body: { code: e.code, message: e.message, ...e.details }, unexpected: false };
  }
  if (isDatabaseUnavailable(e))
    return {
      status: 503,
      body: { code: 'UNAVAILABLE', message: defaultMessages.UNAVAILABLE },
      unexpected: false,
    };
  const h = (e ?? {}) as HttpLikeError;
  const known = h.type ? BODY_ERRORS[h.type] : undefined;
  if (known && known.status < 500)
    return {
      status: known.status,
      body: { code: 'BAD_USER_INPUT', message: known.message },
      unexpected: false,
    };
  const status = h.status ?? h.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return {
      status,
      body: { code: 'BAD_USER_INPUT', message: 'คำขอไม่ถูกต้อง กรุณาตรวจสอบแล้วส่งใหม่' },
      unexpected: false,
    };
  return {
    status: 500,
    body: { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE },
    unexpected: true,
  };
}

/** Answers an error as JSON (logging the unexpected ones); a response already under way is cut. */
export function sendHttpError(res: Response, e: unknown, logger: Logger, log: Record<string, unknown>): void {
  const refusal = httpRefusalOf(e);
  if (refusal.unexpected) logger.error({ err: e, ...log }, 'request failed');
  else if (refusal.body.code === 'UNAVAILABLE') logger.warn({ err: e, ...log }, 'database unavailable');
  if (isProgressStream(res)) {
    // Told as the stream's last line: the status went out as 200 before the outcome was known.
    res.end(`${JSON.stringify({ error: { ...refusal.body, status: refusal.status } })}\n`);
    return;
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(refusal.status).json(refusal.body);
}

/** The last middleware but one: any path or method no route answers is a JSON 404. */
export function notFoundHandler(req: Request, res: Response): void {
  res
    .status(404)
    .json({ code: 'NOT_FOUND', message: `ไม่พบหน้าหรือบริการที่ขอ (${req.method} ${req.path.slice(0, 200)})` });
}

/** The last middleware: every error Express sees (body parsing, size, encoding, a route's throw) as JSON. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    void next;
    sendHttpError(res, err, logger, {
      requestId: requestIdOf(req),
      method: req.method,
      path: req.path.slice(0, 200),
    });
  };
}
