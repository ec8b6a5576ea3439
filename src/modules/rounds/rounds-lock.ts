import type { EntityManager } from 'typeorm';

/** The key of the rounds lock (hashed by `hashtext`), also taken inside a confirmation's first read. */
export const ROUNDS_LOCK = 'lec:rounds';

/** Confirmations hold a shared lock so a round cannot close under them; closing takes it exclusively. */
export async function holdRoundOpen(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext('${ROUNDS_LOCK}'))`);
}
export async function lockRounds(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('${ROUNDS_LOCK}'))`);
}
