import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../db/query-prepared';
import type { Viewer } from '../access/viewer';
import type { OrgUnitKind } from '../chain/org-unit-kind';

export const SESSION_COOKIE = 'lec_session';
/** A working day and then some: a session outlives a long data-entry sitting, not a week. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export async function createSession(
  m: EntityManager,
  accountId: string,
  client: ClientInfo,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await m.query(
    `INSERT INTO sessions (token_hash, account_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), accountId, expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
  );
  return { token, expiresAt };
}

export async function revokeSession(m: EntityManager, sessionId: string): Promise<void> {
  await m.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
    sessionId,
  ]);
}

/** Ends every session of an account (credentials re-issued), or every one but the caller's. */
export async function revokeAccountSessions(
  m: EntityManager,
  accountId: string,
  exceptSessionId?: string,
): Promise<void> {
  await m.query(
    `UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL AND token_hash <> $2`,
    [accountId, exceptSessionId ?? ''],
  );
}

interface ViewerRow {
  token_hash: string;
  account_id: string;
  username: string;
  profile_id: string | null;
  must_complete_first_login: boolean;
  code: string;
  kind: OrgUnitKind;
  province_code: string | null;
  lao_code: string | null;
  write_lsn: string | null;
}

/** The viewer behind a session token, if the session is live; one query per request. */
export async function viewerForToken(m: EntityManager, token: string): Promise<Viewer | null> {
  const rows: ViewerRow[] = await queryPrepared(
    m,
    'lec_viewer_for_token_v1',
    `SELECT s.token_hash, a.id AS account_id, a.username, a.profile_id, a.must_complete_first_login,
            u.code, u.kind, u.province_code, u.lao_code, w.lsn::text AS write_lsn
       FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN org_units u ON u.code = a.org_unit_code
       LEFT JOIN write_marks w ON w.account_id = a.id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [hashToken(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    accountId: r.account_id,
    username: r.username,
    sessionId: r.token_hash,
    profileId: r.profile_id,
    mustCompleteFirstLogin: r.must_complete_first_login,
    orgUnit: { code: r.code, kind: r.kind, provinceCode: r.province_code, laoCode: r.lao_code },
    lastWriteLsn: r.write_lsn,
  };
}
