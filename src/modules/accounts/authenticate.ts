import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { SESSION_COOKIE, viewerForToken, type ClientInfo } from './sessions';

/** The session token of a request: the httpOnly cookie, or `Authorization: Bearer` for scripts. */
export function tokenOf(req: Request): string | null {
  const auth = req.header('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || null;
}

export function createAuthenticator(ds: DataSource) {
  return async (req: Request): Promise<Viewer | null> => {
    const token = tokenOf(req);
    return token ? viewerForToken(ds.manager, token) : null;
  };
}

export function clientInfoOf(req: Request, requestId: string): ClientInfo {
  return { ip: req.ip ?? null, userAgent: req.header('user-agent') ?? null, requestId };
}
