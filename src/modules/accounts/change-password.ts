import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { AccountRow } from './account.entity';
import { accountDecider } from './account.decider';
import { accountStreamId } from './account.events';
import { passwordProblem } from './account.rules';
import { MAX_FAILURES_PER_ACCOUNT, recordAuth, THROTTLE_WINDOW_MINUTES } from './auth-audit';
import { hashPassword, verifyPassword } from './passwords';
import { revokeAccountSessions, type ClientInfo } from './sessions';

/**
 * The signed-in person proves they know the account's password before changing it or handing the
 * account over: a session left open on a shared computer is not enough. Wrong answers are audited
 * and throttled like failed logins.
 */
export async function verifyCurrentPassword(
  store: EventStore,
  viewer: Viewer,
  currentPassword: string | null | undefined,
  client: ClientInfo,
): Promise<AccountRow> {
  const m = store.dataSource.manager;
  if (!currentPassword) throw badInput({ currentPassword: 'กรุณากรอกรหัสผ่านปัจจุบัน' });
  const [{ failures }]: { failures: number }[] = await m.query(
    `SELECT count(*)::int AS failures FROM auth_audit
      WHERE account_id = $1 AND action = 'PASSWORD_CHECK_FAILED' AND at > now() - make_interval(mins => $2)`,
    [viewer.accountId, THROTTLE_WINDOW_MINUTES],
  );
  if (failures >= MAX_FAILURES_PER_ACCOUNT)
    throw new LecError(
      'TOO_MANY_ATTEMPTS',
      `กรอกรหัสผ่านปัจจุบันผิดหลายครั้งเกินไป กรุณารอ ${THROTTLE_WINDOW_MINUTES} นาทีแล้วลองใหม่`,
    );
  const account = await m.findOneByOrFail(AccountRow, { id: viewer.accountId });
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    await recordAuth(
      m,
      {
        action: 'PASSWORD_CHECK_FAILED',
        username: viewer.username,
        accountId: viewer.accountId,
        orgUnitCode: viewer.orgUnit.code,
        actorAccountId: viewer.accountId,
      },
      client,
    );
    throw badInput({ currentPassword: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
  }
  return account;
}

/**
 * The account's own password changes (the same person; not a handover): checked against the same
 * rules as at the first login, every other session of the account ends, this one stays.
 */
export async function changePassword(
  store: EventStore,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
  metadata: EventMetadata,
  client: ClientInfo,
): Promise<void> {
  await verifyCurrentPassword(store, viewer, currentPassword, client);
  const problem = passwordProblem(newPassword, viewer.username);
  if (problem) throw badInput({ newPassword: problem });
  if (newPassword === currentPassword) throw badInput({ newPassword: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม' });
  const passwordHash = await hashPassword(newPassword);
  await store.transaction(async (tx) => {
    await store.decide(
      tx,
      accountStreamId(viewer.orgUnit.code),
      accountDecider,
      { type: 'ChangePassword', passwordHash },
      metadata,
    );
    await revokeAccountSessions(tx, viewer.accountId, viewer.sessionId);
    await recordAuth(
      tx,
      {
        action: 'PASSWORD_CHANGED',
        username: viewer.username,
        accountId: viewer.accountId,
        orgUnitCode: viewer.orgUnit.code,
        actorAccountId: viewer.accountId,
      },
      client,
    );
  });
}
