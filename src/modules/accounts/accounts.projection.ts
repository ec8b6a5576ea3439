import { IsNull } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { AccountRow, ProfileRow } from './account.entity';
import { accountEventTypes, type AccountEvent } from './account.events';

export const accountsProjection: Projection = {
  name: 'accounts',
  handles: accountEventTypes,
  tables: ['accounts', 'profiles'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<AccountEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'CredentialsIssued': {
          const { accountId, orgUnitCode, username, passwordHash } = e.data;
          await tx.upsert(
            AccountRow,
            {
              id: accountId,
              orgUnitCode,
              username,
              passwordHash,
              mustCompleteFirstLogin: true,
              credentialsIssuedAt: at,
              passwordChangedAt: at,
            },
            ['id'],
          );
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
  },
};
