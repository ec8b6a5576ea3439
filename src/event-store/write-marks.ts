import type { DataSource } from 'typeorm';
import type { StoreObserver } from './event-store.service';
import type { Logger } from '../shared/logger';

/**
 * Read-your-writes across processes: after an account's write commits, the primary's WAL position
 * is kept for it (table `write_marks`, on the primary); the account's next reads go to a replica
 * only once that replica has replayed up to there. Any process sees the mark, so it does not
 * matter which process served the write.
 */
export function writeMarker(primary: DataSource, logger?: Logger): StoreObserver {
  return {
    async committed(accountIds) {
      try {
        await primary.query(
          `INSERT INTO write_marks (account_id, lsn, at)
           SELECT a, pg_current_wal_lsn(), now() FROM unnest($1::text[]) AS a
           ON CONFLICT (account_id) DO UPDATE SET lsn = excluded.lsn, at = excluded.at`,
          [accountIds],
        );
      } catch (e) {
        logger?.warn(
          { err: e },
          'could not record a write mark; the next read may be served by a lagging replica',
        );
        throw e;
      }
    },
  };
}
