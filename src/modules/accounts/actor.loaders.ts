import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entitySelectList, rowUnder } from '../../db/select-list';
import { loaderKind } from '../../graphql/request-loaders';
import { AccountRow, ProfileRow } from './account.entity';
import { actorKey, type Actor } from './actor.types';

let statementOf: { ds: DataSource; text: string } | null = null;

/**
 * One statement for the accounts and the profiles of a batch of keys (one round trip, not two):
 * a row per key, the profile's columns as TypeORM maps them (`p.<property>`), built once per data source.
 */
function actorSql(ds: DataSource): string {
  if (statementOf?.ds !== ds) {
    const account = ds.getMetadata(AccountRow);
    const profile = ds.getMetadata(ProfileRow);
    const col = (m: typeof account, property: string) => m.findColumnWithPropertyName(property)!.databaseName;
    statementOf = {
      ds,
      text: `SELECT a.${col(account, 'username')} AS "username", a.${col(account, 'orgUnitCode')} AS "orgUnitCode",
                    ${entitySelectList(ds, ProfileRow, 'pr', 'p.')}
               FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(account_id, profile_id, n)
               LEFT JOIN ${account.tablePath} a ON a.${col(account, 'id')} = k.account_id
               LEFT JOIN ${profile.tablePath} pr ON pr.${col(profile, 'id')} = k.profile_id
              ORDER BY k.n`,
    };
  }
  return statementOf.text;
}

type ActorRead = Record<string, unknown> & { username: string | null; orgUnitCode: string | null };

/** Batches the account + profile look-ups behind every "who did it" on a page. */
export function createActorLoader(ds: DataSource) {
  return new DataLoader<string, Actor>(async (keys) => {
    const pairs = keys.map((k) => k.split('|'));
    const rows: ActorRead[] = await ds.manager.query(actorSql(ds), [
      pairs.map(([a]) => a || null),
      pairs.map(([, p]) => p || null),
    ]);
    return rows.map((r) => ({
      username: r.username,
      orgUnitCode: r.orgUnitCode,
      profile: rowUnder<ProfileRow>(r, 'p.'),
    }));
  });
}

/** Per request: `ctx.loaders.of(actorLoader).load(actorKey(...))`. */
export const actorLoader = loaderKind('actor', createActorLoader);

export { actorKey };
