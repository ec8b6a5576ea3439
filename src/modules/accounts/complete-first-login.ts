import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { AccountRow } from './account.entity';
import { accountDecider } from './account.decider';
import { accountStreamId, type ProfileData } from './account.events';
import { passwordProblem } from './account.rules';
import { recordAuth } from './auth-audit';
import { hashPassword, verifyPassword } from './passwords';
import { revokeAccountSessions, type ClientInfo } from './sessions';

/**
 * A new responsible person takes over the account: creates a profile and sets a password.
 * At the first login (`CompleteFirstLogin`) or at a handover (`ChangeResponsiblePerson`); the
 * earlier profiles stay in the history and every later event names the new one.
 */
export async function takeOverAccount(
  store: EventStore,
  viewer: Viewer,
  kind: 'CompleteFirstLogin' | 'ChangeResponsiblePerson',
  profile: ProfileData,
  newPassword: string,
  metadata: EventMetadata,
  client: ClientInfo,
): Promise<void> {
  const problem = passwordProblem(newPassword, viewer.username);
  if (problem) throw badInput({ newPassword: problem });
  const current = await store.dataSource.manager.findOneByOrFail(AccountRow, { id: viewer.accountId });
  if (await verifyPassword(current.passwordHash, newPassword))
    throw badInput({ newPassword: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม' });
  const passwordHash = await hashPassword(newPassword);
  const profileId = randomUUID();
  await store.transaction(async (tx) => {
    // The events are the new person's own acts: they carry the profile they create.
    await store.decide(
      tx,
      accountStreamId(viewer.orgUnit.code),
      accountDecider,
      { type: kind, profileId, profile, passwordHash },
      { ...metadata, profileId },
    );
    await revokeAccountSessions(tx, viewer.accountId, viewer.sessionId);
    await recordAuth(
      tx,
      {
        action: kind === 'CompleteFirstLogin' ? 'FIRST_LOGIN_COMPLETED' : 'RESPONSIBLE_PERSON_CHANGED',
        username: viewer.username,
        accountId: viewer.accountId,
        orgUnitCode: viewer.orgUnit.code,
        actorAccountId: viewer.accountId,
      },
      client,
    );
  });
}
