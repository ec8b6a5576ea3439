import type { EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import type { Dataset } from '../chain/dataset';
import { levelThatMustAct, type ChainLink } from './revocation-request.rules';

export type RequestStatus = 'OPEN' | 'REVOKED' | 'REFUSED';

/** A row of `revocation_requests` as the API shows it. */
export interface RevocationRequestView {
  id: string;
  roundId: string;
  orgUnitCode: string;
  dataset: Dataset;
  reason: string;
  requestedByUnitCode: string;
  addressedToUnitCode: string;
  requestedAt: Date;
  requestedByAccount: string | null;
  requestedByProfile: string | null;
  status: RequestStatus;
  answeredAt: Date | null;
  answeredByUnitCode: string | null;
  answerReason: string | null;
}

const SELECT = `SELECT r.id, r.round_id AS "roundId", r.org_unit_code AS "orgUnitCode", r.dataset, r.reason,
  r.requested_by_unit AS "requestedByUnitCode", r.addressed_to_unit AS "addressedToUnitCode",
  r.requested_at AS "requestedAt", r.requested_by_account AS "requestedByAccount",
  r.requested_by_profile AS "requestedByProfile", r.status, r.answered_at AS "answeredAt",
  r.answered_by_unit AS "answeredByUnitCode", r.answer_reason AS "answerReason"
  FROM revocation_requests r JOIN org_units u ON u.code = r.org_unit_code`;

const DEPTH = `CASE kind WHEN 'DEPARTMENT' THEN 0 WHEN 'PROVINCE' THEN 1 WHEN 'LAO' THEN 2 ELSE 3 END`;

/** The unit and every level above it up to the department, each with whether it confirmed the dataset in the round. */
export async function chainOf(
  tx: EntityManager,
  code: string,
  roundId: string,
  dataset: Dataset,
): Promise<ChainLink[]> {
  const rows: (ChainLink & { depth: number })[] = await tx.query(
    `WITH RECURSIVE up AS (
       SELECT code, name, kind, parent_code FROM org_units WHERE code = $1
       UNION ALL SELECT o.code, o.name, o.kind, o.parent_code FROM org_units o JOIN up ON o.code = up.parent_code
     )
     SELECT up.code, up.name, up.kind, COALESCE(c.confirmed, false) AS confirmed, ${DEPTH} AS depth
       FROM up LEFT JOIN confirmations c ON c.org_unit_code = up.code AND c.round_id = $2 AND c.dataset = $3
      ORDER BY depth DESC`,
    [code, roundId, dataset],
  );
  return rows.map(({ code: c, name, kind, confirmed }) => ({ code: c, name, kind, confirmed }));
}

export async function requestById(tx: EntityManager, id: string): Promise<RevocationRequestView | null> {
  const [row] = await tx.query(`${SELECT} WHERE r.id = $1`, [id]);
  return (row as RevocationRequestView) ?? null;
}

export async function openRequestFor(
  tx: EntityManager,
  roundId: string,
  orgUnitCode: string,
  dataset: Dataset,
): Promise<RevocationRequestView | null> {
  const [row] = await tx.query(
    `${SELECT} WHERE r.round_id = $1 AND r.org_unit_code = $2 AND r.dataset = $3 AND r.status = 'OPEN'`,
    [roundId, orgUnitCode, dataset],
  );
  return (row as RevocationRequestView) ?? null;
}

/** Requests about a unit and the units below it (its subtree), newest first. */
export function requestsUnder(
  tx: EntityManager,
  unit: { code: string; kind: string },
  opts: { roundId?: string | null; openOnly?: boolean },
): Promise<RevocationRequestView[]> {
  const scope =
    unit.kind === 'DEPARTMENT'
      ? 'true'
      : unit.kind === 'PROVINCE'
        ? 'u.province_code = $1'
        : unit.kind === 'LAO'
          ? 'u.lao_code = $1'
          : 'u.code = $1';
  return tx.query(
    `${SELECT} WHERE (${scope} OR r.org_unit_code = $1) AND ($2::text IS NULL OR r.round_id = $2)
       AND (NOT $3 OR r.status = 'OPEN') ORDER BY r.requested_at DESC LIMIT 500`,
    [unit.code, opts.roundId ?? null, !!opts.openOnly],
  );
}

/** The unit that must act on an open request now (it moves up or down as confirmations change). */
export async function mustActOn(tx: EntityManager, r: RevocationRequestView): Promise<ChainLink | null> {
  if (r.status !== 'OPEN') return null;
  return levelThatMustAct(await chainOf(tx, r.orgUnitCode, r.roundId, r.dataset));
}

/** Open requests in the viewer's part of the tree that the viewer's unit must act on now. */
export async function requestsAwaiting(tx: EntityManager, viewer: Viewer) {
  const unit = { code: viewer.orgUnit.code, kind: viewer.orgUnit.kind };
  const open = await requestsUnder(tx, unit, { openOnly: true });
  const out: { request: RevocationRequestView; chain: ChainLink[] }[] = [];
  for (const r of open) {
    if (r.orgUnitCode === viewer.orgUnit.code) continue;
    const chain = await chainOf(tx, r.orgUnitCode, r.roundId, r.dataset);
    if (levelThatMustAct(chain)?.code === viewer.orgUnit.code) out.push({ request: r, chain });
  }
  return out;
}

/** The requests a revocation closed: the same round, unit and dataset, answered at that moment. */
export function answeredBy(
  tx: EntityManager,
  c: { roundId: string; orgUnitCode: string; dataset: Dataset; at: Date },
): Promise<RevocationRequestView[]> {
  return tx.query(
    `${SELECT} WHERE r.round_id = $1 AND r.org_unit_code = $2 AND r.dataset = $3 AND r.status = 'REVOKED'
       AND r.answered_at = $4 ORDER BY r.requested_at`,
    [c.roundId, c.orgUnitCode, c.dataset, c.at],
  );
}
