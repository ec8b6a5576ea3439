import type { Request, Response } from 'express';

/** How far a long request has come: a phase, rows done, and how many there are when known. */
export interface Progress {
  phase: string;
  done: number;
  total: number | null;
}

export type ReportProgress = (p: Progress) => void;

export const NDJSON = 'application/x-ndjson';

/** Lines of one phase closer together than this are not sent (the last of a phase always is). */
const MIN_INTERVAL_MS = 200;

/** A client that asks for `Accept: application/x-ndjson` is told the progress as the work goes. */
export function wantsProgress(req: Request): boolean {
  return (req.header('accept') ?? '').includes(NDJSON);
}

/**
 * A long request's answer as lines of JSON: `{"progress": {...}}` while it works, then one
 * `{"result": ...}` (or `{"error": {code, message, status}}`, written by sendHttpError once the
 * headers are gone). Status 200 from the start: the outcome is the last line. Flushed line by line
 * through compression, and marked for proxies not to buffer it (a school's slow line is the reason).
 */
export function progressStream(res: Response) {
  // The stream's headers go out with its first line: a refusal before it is a plain JSON answer
  // with its own status (sendHttpError), not a stream.
  const line = (o: unknown) => {
    if (!res.headersSent) {
      res.status(200);
      res.setHeader('content-type', `${NDJSON}; charset=utf-8`);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-accel-buffering', 'no');
    }
    res.write(`${JSON.stringify(o)}\n`);
    (res as Response & { flush?: () => void }).flush?.();
  };
  let last: { phase: string; at: number } | null = null;
  const report: ReportProgress = (p) => {
    const now = Date.now();
    const finished = p.total != null && p.done >= p.total;
    if (last && last.phase === p.phase && now - last.at < MIN_INTERVAL_MS && !finished) return;
    last = { phase: p.phase, at: now };
    line({ progress: p });
  };
  return {
    report,
    end(result: unknown) {
      line({ result });
      res.end();
    },
  };
}

/** Whether the response is a progress stream already started (its outcome goes in its last line). */
export function isProgressStream(res: Response): boolean {
  return res.headersSent && String(res.getHeader('content-type') ?? '').startsWith(NDJSON);
}
