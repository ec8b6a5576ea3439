import type { DataSource } from 'typeorm';
import { LecError } from '../../shared/errors';
import { AccountRow } from './account.entity';
import { isThrottled, recordAuth } from './auth-audit';
import { dummyHash, verifyPassword } from './passwords';
import { createSession, type ClientInfo } from './sessions';

export const MAX_USERNAME_LENGTH = 50;

const WRONG = 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบแล้วลองอีกครั้ง';

/**
 * Checks a user name and password and opens a session. Failures are recorded and counted per
 * account and per address; past the limit every attempt is refused for a while, right or wrong.
 */
export async function login(
  ds: DataSource,
  username: string,
  password: string,
  client: ClientInfo,
): Promise<{ token: string; expiresAt: Date; accountId: string }> {
  // No account has a longer name (auth_audit.username is varchar(50)): the attempt is recorded under
  // its first 50 characters and refused as any wrong name is, without looking it up.
  const typed = username.trim();
  const name = typed.slice(0, MAX_USERNAME_LENGTH);
  const m = ds.manager;
  if (await isThrottled(m, name, client.ip)) {
    await recordAuth(m, { action: 'LOGIN_THROTTLED', username: name }, client);
    throw new LecError('TOO_MANY_ATTEMPTS');
  }
  const account =
    typed.length > MAX_USERNAME_LENGTH ? null : await m.findOneBy(AccountRow, { username: name });
  // Verify against a dummy hash when the name is unknown, so the answer takes as long either way.
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
  if (!account || !ok) {
    await recordAuth(
      m,
      { action: 'LOGIN_FAILED', username: name, accountId: account?.id, orgUnitCode: account?.orgUnitCode },
      client,
    );
    throw new LecError('UNAUTHENTICATED', WRONG);
  }
  return ds.transaction(async (tx) => {
    const session = await createSession(tx, account.id, client);
    await recordAuth(
      tx,
      { action: 'LOGIN_SUCCEEDED', username: name, accountId: account.id, orgUnitCode: account.orgUnitCode },
      client,
    );
    return { ...session, accountId: account.id };
  });
}
