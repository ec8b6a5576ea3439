import { IsNull } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { AccountRow, ProfileRow } from './account.entity';
import { accountEventTypes, type AccountEvent } from './account.events';

const UPSERT_CHUNK = 5_000;

export const accountsProjection: Projection = {
  name: 'accounts',
  handles: accountEventTypes,
  tables: ['accounts', 'profiles'],
  async apply(tx, events) {
    // Consecutive issues (a province's accounts at once) go in one upsert; each sets the whole row,
    // so of two for one account the later wins, as it would one by one.
    const issued = new Map<string, Partial<AccountRow>>();
    const flush = async () => {
      const rows = [...issued.values()];
      issued.clear();
      // 7 parameters a row: chunks stay under PostgreSQL's 65,535.
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK)
        await tx.upsert(AccountRow, rows.slice(i, i + UPSERT_CHUNK), ['id']);
    };
    for (const e of events as readonly RecordedEvent<AccountEvent>[]) {
      const at = new Date(e.metadata.at);
      if (e.type !== 'CredentialsIssued') await flush();
      switch (e.type) {
        case 'CredentialsIssued': {
          const { accountId, orgUnitCode, username, passwordHash } = e.data;
          issued.delete(accountId);
          issued.set(accountId, {
            id: accountId,
            orgUnitCode,
            username,
            passwordHash,
            mustCompleteFirstLogin: true,
            credentialsIssuedAt: at,
            passwordChangedAt: at,
          });
          break;
        }
        case 'ProfileCreated': {
          const { accountId, profileId, firstName, lastName, position, phone } = e.data;
          await tx.update(ProfileRow, { accountId, endedAt: IsNull() }, { endedAt: at });
          await tx.insert(ProfileRow, {
            id: profileId,
            accountId,
            firstName,
            lastName,
            position,
            phone,
            startedAt: at,
            endedAt: null,
          });
          await tx.update(AccountRow, { id: accountId }, { profileId, mustCompleteFirstLogin: false });
          break;
        }
        case 'PasswordChanged':
          await tx.update(
            AccountRow,
            { id: e.data.accountId },
            { passwordHash: e.data.passwordHash, passwordChangedAt: at },
          );
          break;
      }
    }
    await flush();
  },
};
