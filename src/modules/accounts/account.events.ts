import type { Event } from '../../event-store/event';

export interface ProfileData {
  firstName: string;
  lastName: string;
  position: string;
  phone: string;
}

/** (Re)issues a unit's account: resets the password and re-arms the first-login step. */
export type CredentialsIssued = Event<
  'CredentialsIssued',
  { accountId: string; orgUnitCode: string; username: string; passwordHash: string }
>;

/** A responsible person takes over the account: at the first login or at a handover. */
export type ProfileCreated = Event<'ProfileCreated', ProfileData & { accountId: string; profileId: string }>;

export type PasswordChanged = Event<'PasswordChanged', { accountId: string; passwordHash: string }>;

export type AccountEvent = CredentialsIssued | ProfileCreated | PasswordChanged;

export const accountEventTypes: readonly AccountEvent['type'][] = [
  'CredentialsIssued',
  'ProfileCreated',
  'PasswordChanged',
];

export function accountStreamId(orgUnitCode: string): string {
  return `Account-${orgUnitCode}`;
}
