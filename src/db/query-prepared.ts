import type { EntityManager } from 'typeorm';
import { isEmbedded } from './data-source';
import { isBehindTransactionPooler } from './pooler';

interface PreparingClient<R> {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * Inside a transaction a hot statement (the append, a register write's reads) goes to the
 * connection as a named prepared statement: the server parses and plans it once per connection
 * instead of on every call, which was most of the server's CPU per single-event append
 * (bench/support/append-variants.ts measured it). Behind a transaction-mode pooler
 * (LEC_POOLER=transaction) the next transaction may run on another server connection, where that
 * statement was never prepared (pgbouncer 1.18, Debian 12's, does not track them), so there it is
 * an unnamed statement, parsed every time. A name stands for one text: give each statement its own.
 */
export async function queryPrepared<R>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const runner = manager.queryRunner;
  if (
    runner &&
    !runner.isReleased &&
    runner.isTransactionActive &&
    !isBehindTransactionPooler(manager.connection)
  ) {
    const client = (await runner.connect()) as PreparingClient<R>;
    return (await client.query({ name, text, values })).rows;
  }
  // Outside a transaction, on the data source's own manager (the session lookup of every request):
  // each pooled connection prepares it once. Not behind a transaction pooler (the next statement
  // may land elsewhere), nor on the embedded database (one session, nothing to gain).
  if (!runner && !isBehindTransactionPooler(manager.connection) && !isEmbedded(manager.connection)) {
    const pool = (manager.connection.driver as unknown as { master?: PreparingClient<R> }).master;
    if (pool) return (await pool.query({ name, text, values })).rows;
  }
  return manager.query(text, values);
}
