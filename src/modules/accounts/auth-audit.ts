import type { EntityManager } from 'typeorm';
import type { ClientInfo } from './sessions';

export type AuthAction =
  | 'LOGIN_SUCCEEDED'
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'LOGGED_OUT'
  | 'CREDENTIALS_ISSUED'
  | 'FIRST_LOGIN_COMPLETED'
  | 'RESPONSIBLE_PERSON_CHANGED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_CHECK_FAILED';

export interface AuthAuditEntry {
  action: AuthAction;
  username?: string | null;
  accountId?: string | null;
  orgUnitCode?: string | null;
  actorAccountId?: string | null;
}

/** Appends to the sign-in audit trail (who, when, from where); the table refuses edits. */
export async function recordAuth(m: EntityManager, entry: AuthAuditEntry, client: ClientInfo): Promise<void> {
  await m.query(
    `INSERT INTO auth_audit (action, username, account_id, org_unit_code, actor_account_id, ip, user_agent, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.action,
      entry.username ?? null,
      entry.accountId ?? null,
      entry.orgUnitCode ?? null,
      entry.actorAccountId ?? null,
      client.ip,
      client.userAgent?.slice(0, 300) ?? null,
      client.requestId,
    ],
  );
}

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failed logins allowed per account, and per address (a school network shares one), in the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Whether this user name or address has failed too often lately (a success resets the account's count). */
export async function isThrottled(m: EntityManager, username: string, ip: string | null): Promise<boolean> {
  const [row]: { by_user: number; by_ip: number }[] = await m.query(
    `SELECT
       (SELECT count(*)::int FROM auth_audit
         WHERE username = $1 AND action = 'LOGIN_FAILED' AND at > now() - make_interval(mins => $3)
           AND at > coalesce((SELECT max(at) FROM auth_audit WHERE username = $1 AND action = 'LOGIN_SUCCEEDED'), '-infinity')) AS by_user,
       (SELECT count(*)::int FROM auth_audit
         WHERE ip = $2 AND action = 'LOGIN_FAILED' AND at > now() - make_interval(mins => $3)) AS by_ip`,
    [username, ip, THROTTLE_WINDOW_MINUTES],
  );
  return row.by_user >= MAX_FAILURES_PER_ACCOUNT || (ip !== null && row.by_ip >= MAX_FAILURES_PER_ADDRESS);
}
