import type { Response } from 'express';
import { LecError, type ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** The HTTP status of each refusal a document route can give; the body says the same in Thai. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FIRST_LOGIN_REQUIRED: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  TOO_MANY_ATTEMPTS: 429,
  CONFLICT: 409,
};

/**
 * Sends a PDF to be shown in the browser. Documents of LEC hold personal data or secrets, so no
 * cache may keep a copy.
 */
export function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    .end(pdf);
}

/**
 * Answers a failed document request as JSON, as the GraphQL API would: a LecError with its code and
 * Thai message (and details); anything else logged and answered with a plain Thai message.
 */
export function sendPdfRefusal(
  res: Response,
  e: unknown,
  logger: Logger,
  log: Record<string, unknown>,
): void {
  if (e instanceof LecError) {
    res.status(STATUS[e.code] ?? 400).json({ code: e.code, message: e.message, ...e.details });
    return;
  }
  logger.error({ err: e, ...log }, 'document failed');
  res.status(500).json({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ',
  });
}
