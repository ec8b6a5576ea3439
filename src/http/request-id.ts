import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is a plain token, else a new one: it ends up in every event. */
export function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
