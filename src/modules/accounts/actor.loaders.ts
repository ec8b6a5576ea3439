import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderKind } from '../../graphql/request-loaders';
import { AccountRow, ProfileRow } from './account.entity';
import { actorKey, type Actor } from './actor.types';

/** Batches the account + profile look-ups behind every "who did it" on a page. */
export function createActorLoader(ds: DataSource) {
  return new DataLoader<string, Actor>(async (keys) => {
    const pairs = keys.map((k) => k.split('|'));
    const accountIds = [...new Set(pairs.map(([a]) => a).filter(Boolean))];
    const profileIds = [...new Set(pairs.map(([, p]) => p).filter(Boolean))];
    const accounts = accountIds.length ? await ds.manager.findBy(AccountRow, { id: In(accountIds) }) : [];
    const profiles = profileIds.length ? await ds.manager.findBy(ProfileRow, { id: In(profileIds) }) : [];
    const a = new Map(accounts.map((r) => [r.id, r]));
    const p = new Map(profiles.map((r) => [r.id, r]));
    return pairs.map(([accountId, profileId]) => ({
      username: a.get(accountId)?.username ?? null,
      orgUnitCode: a.get(accountId)?.orgUnitCode ?? null,
      profile: p.get(profileId) ?? null,
    }));
  });
}

/** Per request: `ctx.loaders.of(actorLoader).load(actorKey(...))`. */
export const actorLoader = loaderKind('actor', createActorLoader);

export { actorKey };
