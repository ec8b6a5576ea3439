import type { DataSource, EntityManager } from 'typeorm';
import { LecError } from '../shared/errors';

export interface RateLimit {
  /** Requests allowed per window and client. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Counts a request of one client in the current fixed window, in PostgreSQL (table
 * `rate_limit_hits`), so every server process shares the count. One statement per request; the
 * first hit of a window also drops windows older than an hour.
 */
export async function hitRateLimit(
  db: DataSource | EntityManager,
  bucket: string,
  { limit, windowSeconds }: RateLimit,
): Promise<RateLimitResult> {
  const [row]: { hits: number; reset: number }[] = await db.query(
    `INSERT INTO rate_limit_hits AS r (bucket, window_start, hits)
     VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + 1
     RETURNING hits, ceil(extract(epoch FROM r.window_start) + $2 - extract(epoch FROM now()))::int AS reset`,
    [bucket.slice(0, 120), windowSeconds],
  );
  if (row.hits === 1)
    await db.query(`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 hour'`);
  return {
    allowed: row.hits <= limit,
    limit,
    remaining: Math.max(0, limit - row.hits),
    resetSeconds: Math.max(1, row.reset),
  };
}

export function tooManyRequests(resetSeconds: number): LecError {
  return new LecError('TOO_MANY_ATTEMPTS', `เรียกข้อมูลบ่อยเกินไป กรุณารอประมาณ ${resetSeconds} วินาทีแล้วลองใหม่`, {
    retryAfterSeconds: resetSeconds,
  });
}
