import type { Response } from 'express';
import { sendHttpError } from '../../http/http-errors';
import type { Logger } from '../logger';

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
 * Thai message (and details), a database outage 503; anything else logged and answered with a plain Thai message.
 */
export function sendPdfRefusal(
  res: Response,
  e: unknown,
  logger: Logger,
  log: Record<string, unknown>,
): void {
  sendHttpError(res, e, logger, log);
}
