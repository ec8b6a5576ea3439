import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { actorKey, type Actor } from './actor.type';

/** Batches the account + profile look-ups behind every "who did it" on a page. */
export function createActorLoader(ds: DataSource) {
  return new DataLoader<string, Actor>(async (keys) => {
    const pairs = keys.map((k) => k.split('|'));
    const accountIds = [...new Set(pairs.map(([a]) => a).filter(Boolean))];
    const profileIds = [...new Set(pairs.map(([, p]) => p).filter(Boolean))];
    const accounts: { id: string; username: string; org_unit_code: string }[] = accountIds.length
      ? await ds.query(`SELECT id, username, org_unit_code FROM accounts WHERE id = ANY($1)`, [accountIds])
      : [];
    const profiles: { id: string; first_name: string; last_name: string; position: string }[] =
      profileIds.length
        ? await ds.query(`SELECT id, first_name, last_name, position FROM profiles WHERE id = ANY($1)`, [
            profileIds,
          ])
        : [];
    const a = new Map(accounts.map((r) => [r.id, r]));
    const p = new Map(profiles.map((r) => [r.id, r]));
    return pairs.map(([accountId, profileId]) => ({
      username: a.get(accountId)?.username ?? null,
      orgUnitCode: a.get(accountId)?.org_unit_code ?? null,
      firstName: p.get(profileId)?.first_name ?? null,
      lastName: p.get(profileId)?.last_name ?? null,
      position: p.get(profileId)?.position ?? null,
    }));
  });
}

export { actorKey };
