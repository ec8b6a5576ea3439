import type { Decider } from '../../event-store/decider';
import { badInput, LecError } from '../../shared/errors';
import type { AccountEvent, ProfileData } from './account.events';
import { profileProblems, trimProfile } from './account.rules';

export type AccountCommand =
  | {
      type: 'IssueCredentials';
      accountId: string;
      orgUnitCode: string;
      username: string;
      passwordHash: string;
    }
  | { type: 'CompleteFirstLogin'; profileId: string; profile: ProfileData; passwordHash: string }
  | { type: 'ChangeResponsiblePerson'; profileId: string; profile: ProfileData; passwordHash: string }
  | { type: 'ChangePassword'; passwordHash: string };

export type AccountState =
  | { status: 'none' }
  | {
      status: 'active';
      accountId: string;
      username: string;
      mustCompleteFirstLogin: boolean;
      profileId: string | null;
    };

function assertProfile(profile: ProfileData): void {
  const fields = profileProblems(profile);
  if (Object.keys(fields).length) throw badInput(fields);
}

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  streamType: 'Account',
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'CredentialsIssued':
        return {
          status: 'active',
          accountId: event.data.accountId,
          username: event.data.username,
          mustCompleteFirstLogin: true,
          profileId: state.status === 'active' ? state.profileId : null,
        };
      case 'ProfileCreated':
        return state.status === 'active'
          ? { ...state, profileId: event.data.profileId, mustCompleteFirstLogin: false }
          : state;
      case 'PasswordChanged':
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'IssueCredentials': {
        // Re-issuing keeps the account and its user name; only the password and first-login step reset.
        const accountId = state.status === 'active' ? state.accountId : command.accountId;
        const username = state.status === 'active' ? state.username : command.username;
        return [
          {
            type: 'CredentialsIssued',
            data: {
              accountId,
              orgUnitCode: command.orgUnitCode,
              username,
              passwordHash: command.passwordHash,
            },
          },
        ];
      }
      case 'CompleteFirstLogin':
      case 'ChangeResponsiblePerson': {
        if (state.status !== 'active') throw new LecError('UNAUTHENTICATED');
        if (command.type === 'CompleteFirstLogin' && !state.mustCompleteFirstLogin)
          throw new LecError(
            'BAD_USER_INPUT',
            'บัญชีนี้กรอกข้อมูลส่วนตัวครั้งแรกแล้ว หากผู้รับผิดชอบเปลี่ยน ให้ใช้เมนูเปลี่ยนผู้รับผิดชอบ',
          );
        const profile = trimProfile(command.profile);
        assertProfile(profile);
        return [
          {
            type: 'ProfileCreated',
            data: { accountId: state.accountId, profileId: command.profileId, ...profile },
          },
          {
            type: 'PasswordChanged',
            data: { accountId: state.accountId, passwordHash: command.passwordHash },
          },
        ];
      }
      case 'ChangePassword': {
        if (state.status !== 'active') throw new LecError('UNAUTHENTICATED');
        return [
          {
            type: 'PasswordChanged',
            data: { accountId: state.accountId, passwordHash: command.passwordHash },
          },
        ];
      }
    }
  },
};
