import type { DataSource } from 'typeorm';

/** Data sources that reach PostgreSQL through a transaction-mode pooler. */
const behindTransactionPooler = new WeakSet<DataSource>();

export function markBehindTransactionPooler(ds: DataSource): void {
  behindTransactionPooler.add(ds);
}

/**
 * Whether a connection may be handed to another client between transactions (pgbouncer's
 * transaction mode): then a statement prepared on one server connection is not there on the next.
 */
export function isBehindTransactionPooler(ds: DataSource): boolean {
  return behindTransactionPooler.has(ds);
}
