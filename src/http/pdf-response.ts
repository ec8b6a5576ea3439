import type { Response } from 'express';

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
