import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput } from '../../shared/errors';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { AccountRow } from './account.entity';
import { accountDecider } from './account.decider';
import { accountStreamId } from './account.events';
import { recordAuth } from './auth-audit';
import { generateInitialPassword, hashPassword } from './passwords';
import { revokeAccountSessions, type ClientInfo } from './sessions';

export interface IssuedCredentialData {
  username: string;
  initialPassword: string;
  orgUnit: OrgUnitRow;
}

/**
 * (Re)issues a unit's account with a one-time initial password. Re-issuing resets the password,
 * ends the account's sessions and re-arms the first-login step, so a new responsible person
 * makes a new profile. The password itself is returned once and stored only as a hash.
 */
export async function issueCredentials(
  store: EventStore,
  args: { orgUnitCode: string; username?: string; password?: string },
  metadata: EventMetadata,
  client: ClientInfo,
): Promise<IssuedCredentialData> {
  const initialPassword = args.password ?? generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return store.transaction(async (tx) => {
    const unit = await tx.findOneBy(OrgUnitRow, { code: args.orgUnitCode });
    if (!unit) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${args.orgUnitCode}` });
    if (unit.kind === 'OTHER_SCHOOL')
      throw badInput({ orgUnitCode: 'สถานศึกษาสังกัดอื่นไม่มีบัญชีผู้ใช้งาน ข้อมูลของสถานศึกษานี้บันทึกโดย อปท. ที่อุดหนุน' });
    const username = args.username ?? unit.code;
    const taken = await tx.findOneBy(AccountRow, { username });
    if (taken && taken.orgUnitCode !== unit.code)
      throw badInput({ orgUnitCode: `ชื่อผู้ใช้งาน ${username} ถูกใช้แล้ว` });
    const { state } = await store.decide(
      tx,
      accountStreamId(unit.code),
      accountDecider,
      { type: 'IssueCredentials', accountId: randomUUID(), orgUnitCode: unit.code, username, passwordHash },
      metadata,
    );
    if (state.status !== 'active') throw new Error('account not active after issue');
    await revokeAccountSessions(tx, state.accountId);
    await recordAuth(
      tx,
      {
        action: 'CREDENTIALS_ISSUED',
        username: state.username,
        accountId: state.accountId,
        orgUnitCode: unit.code,
        actorAccountId: metadata.accountId,
      },
      client,
    );
    return { username: state.username, initialPassword, orgUnit: unit };
  });
}
