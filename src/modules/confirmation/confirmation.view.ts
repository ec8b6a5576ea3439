import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from './confirmation.events';
import type { Dataset } from '../chain/dataset';

/** One confirmation or revocation as the API shows it (a row of `confirmation_events`). */
export interface ConfirmationView {
  id: string;
  roundId: string;
  orgUnitCode: string;
  dataset: Dataset;
  action: 'CONFIRMED' | 'REVOKED';
  at: Date;
  accountId: string | null;
  profileId: string | null;
  byUnitCode: string | null;
  reason: string | null;
  total: number | null;
  counts: GradeSexCount[];
  late: boolean;
}

const SELECT = `SELECT global_position::text AS id, round_id AS "roundId", org_unit_code AS "orgUnitCode", dataset,
  action, at, account_id AS "accountId", profile_id AS "profileId", by_unit AS "byUnitCode", reason, total,
  counts, late FROM confirmation_events`;

export async function confirmationAt(tx: EntityManager, globalPosition: number): Promise<ConfirmationView> {
  const [row] = await tx.query(`${SELECT} WHERE global_position = $1`, [globalPosition]);
  return row as ConfirmationView;
}

/**
 * A unit's history: its own confirmations and revocations, and the revocations it made of units
 * below (named by `orgUnit`), so an LAO's or province's own tab shows what it did.
 */
export function confirmationHistory(
  tx: EntityManager,
  orgUnitCode: string,
  roundId: string | null,
): Promise<ConfirmationView[]> {
  const round = roundId ? 'AND round_id = $2' : '';
  const params = roundId ? [orgUnitCode, roundId] : [orgUnitCode];
  return tx.query(
    `SELECT * FROM (${SELECT} WHERE org_unit_code = $1 ${round}
       UNION ALL
       ${SELECT} WHERE by_unit = $1 AND action = 'REVOKED' AND org_unit_code <> $1 ${round}) h
      ORDER BY h.id::bigint`,
    params,
  );
}
