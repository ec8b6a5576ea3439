import type { ActorView } from '../graphql/confirmations';

export const actorName = (a: ActorView | null | undefined): string =>
  !a
    ? '–'
    : a.profile
      ? `${a.profile.firstName} ${a.profile.lastName} (${a.profile.position})`
      : (a.username ?? 'ระบบ');
