import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { recordAuth } from './auth-audit';
import { revokeSession, type ClientInfo } from './sessions';

/** Ends the viewer's session and records the sign-out in the sign-in audit. */
export async function logout(m: EntityManager, viewer: Viewer, client: ClientInfo): Promise<void> {
  await revokeSession(m, viewer.sessionId);
  await recordAuth(
    m,
    {
      action: 'LOGGED_OUT',
      username: viewer.username,
      accountId: viewer.accountId,
      orgUnitCode: viewer.orgUnit.code,
    },
    client,
  );
}
