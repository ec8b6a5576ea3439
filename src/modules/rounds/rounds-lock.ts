import type { EntityManager } from 'typeorm';

/** Confirmations hold a shared lock so a round cannot close under them; closing takes it exclusively. */
export async function holdRoundOpen(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext('lec:rounds'))`);
}
export async function lockRounds(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lec:rounds'))`);
}
