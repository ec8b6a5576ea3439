import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { hitRateLimit, tooManyRequests, type RateLimit } from '../../http/rate-limit';
import { requestIdOf } from '../../http/request-id';
import { LecError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { releaseMeta, servedRelease, type ReleaseMeta } from './release.reads';
import { sendHttpError } from '../../http/http-errors';

export interface OpenDataDeps {
  dataSource: DataSource;
  logger: Logger;
  rateLimit: RateLimit;
}

export const DEFAULT_OPEN_DATA_RATE_LIMIT: RateLimit = { limit: 120, windowSeconds: 60 };

/** The client a limit counts: its address as Express sees it (proxies on loopback are trusted). */
export function clientKey(req: Request): string {
  return `open-data:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

export function noRelease(roundId?: string | null): LecError {
  return new LecError(
    'NOT_FOUND',
    roundId
      ? `ไม่มีข้อมูลเผยแพร่ของรอบ ${roundId}: เผยแพร่เฉพาะรอบที่ปิดแล้ว`
      : 'ยังไม่มีข้อมูลเผยแพร่: จะเผยแพร่เมื่อรอบการบันทึกข้อมูลรอบแรกปิดแล้ว',
  );
}

function roundParam(req: Request): string | null {
  const v = req.query.roundId;
  if (v === undefined) return null;
  if (typeof v !== 'string' || !/^\d{4}-[12]$/.test(v))
    throw new LecError('BAD_USER_INPUT', 'รหัสรอบไม่ถูกต้อง ต้องเป็นรูปแบบ ปีการศึกษา-ครั้งที่ เช่น 2568-1', {
      fields: { roundId: 'ต้องเป็นรูปแบบ 2568-1' },
    });
  return v;
}

/**
 * The public's copy of the confirmed figures (issue 15), without a session:
 * `GET /open-data/counts.json` and `/open-data/counts.csv`, `?roundId=` for an earlier closed round
 * (default the latest). Served from the release built when the round closed, cached per process
 * and checked by one small query, with an ETag (304 when unchanged), the round and the time of the
 * latest confirmation it reflects in headers, and a rate limit per client kept in PostgreSQL.
 */
export function mountOpenData(app: IRouter, deps: OpenDataDeps): void {
  const { dataSource, logger } = deps;
  const serve = (format: 'json' | 'csv') => async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      const limit = await hitRateLimit(dataSource, clientKey(req), deps.rateLimit);
      res.set({ 'RateLimit-Limit': String(limit.limit), 'RateLimit-Remaining': String(limit.remaining) });
      if (!limit.allowed) {
        res.set('Retry-After', String(limit.resetSeconds));
        throw tooManyRequests(limit.resetSeconds);
      }
      const roundId = roundParam(req);
      const meta: ReleaseMeta | null = await releaseMeta(dataSource.manager, roundId);
      if (!meta) throw noRelease(roundId);
      const etag = `"${meta.etag}-${format}"`;
      res.set({
        ETag: etag,
        'Cache-Control': 'public, max-age=300',
        'Last-Modified': new Date(meta.closedAt).toUTCString(),
        'LEC-Round-Id': meta.roundId,
        'LEC-Confirmed-At': meta.confirmedAt ?? '',
        'X-Content-Type-Options': 'nosniff',
        'Access-Control-Allow-Origin': '*',
      });
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      const served = await servedRelease(dataSource.manager, meta);
      const body = format === 'json' ? served.json : served.csv;
      res
        .status(200)
        .set({
          'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
          'Content-Length': String(body.length),
          ...(format === 'csv' && {
            'Content-Disposition': `attachment; filename="lec-counts-${meta.roundId}.csv"`,
          }),
        })
        .end(body);
    } catch (e) {
      sendHttpError(res, e, logger, { requestId, route: `open data ${format}` });
    }
  };
  app.get('/open-data/counts.json', serve('json'));
  app.get('/open-data/counts.csv', serve('csv'));
}
