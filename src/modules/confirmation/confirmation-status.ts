import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from './confirmation.events';
import { datasets, institutionDatasets, sourceKind, type Dataset } from './dataset';
import type { DatasetStatus, UnitConfirmationStatus } from './confirmation.types';
import { actorKey } from '../accounts/actor.type';

interface UnitLite {
  code: string;
  kind: string;
}

interface ConfirmationStateRow {
  org_unit_code: string;
  dataset: Dataset;
  confirmed: boolean;
  confirmed_at: Date | null;
  confirmed_by_account: string | null;
  confirmed_by_profile: string | null;
  total: number | null;
  counts: GradeSexCount[];
  late: boolean;
  revoked_at: Date | null;
  revoked_by_account: string | null;
  revoked_by_profile: string | null;
  revoked_by_unit: string | null;
  revocation_reason: string | null;
}

const sourceKinds = ['SCHOOL', 'CDC', 'OTHER_SCHOOL'];

/** Which datasets each LAO or province holds: one indexed probe per unit and kind. */
async function holdings(tx: EntityManager, units: UnitLite[]): Promise<Map<string, Dataset[]>> {
  const held = new Map<string, Dataset[]>();
  for (const u of units)
    if (u.kind === 'SCHOOL' || u.kind === 'CDC') held.set(u.code, institutionDatasets(u.kind));
  for (const [kind, column] of [
    ['LAO', 'lao_code'],
    ['PROVINCE', 'province_code'],
  ] as const) {
    const codes = units.filter((u) => u.kind === kind).map((u) => u.code);
    if (!codes.length) continue;
    const rows: { code: string; kind: string }[] = await tx.query(
      `SELECT p.code, k.kind FROM unnest($1::varchar[]) AS p(code)
         CROSS JOIN unnest($2::varchar[]) AS k(kind)
        WHERE EXISTS (SELECT 1 FROM org_units u WHERE u.${column} = p.code AND u.kind = k.kind)`,
      [codes, sourceKinds],
    );
    for (const code of codes) {
      const kinds = rows.filter((r) => r.code === code).map((r) => r.kind);
      held.set(
        code,
        datasets.filter((d) => kinds.includes(sourceKind[d])),
      );
    }
  }
  return held;
}

/** The units each LAO or province still waits on, per dataset (see missingBelow for the rule). */
async function missing(tx: EntityManager, roundId: string, units: UnitLite[]) {
  const out = new Map<string, string[]>(); // `${parent}|${dataset}` -> codes
  const add = (parent: string, dataset: Dataset, code: string) => {
    const key = `${parent}|${dataset}`;
    out.set(key, [...(out.get(key) ?? []), code]);
  };
  const laos = units.filter((u) => u.kind === 'LAO').map((u) => u.code);
  const provinces = units.filter((u) => u.kind === 'PROVINCE').map((u) => u.code);
  for (const dataset of datasets) {
    if (laos.length) {
      const rows: { parent: string; code: string }[] =
        dataset === 'OTHER_SCHOOL_COUNTS'
          ? await tx.query(
              `SELECT u.lao_code AS parent, u.code FROM org_units u
                WHERE u.lao_code = ANY($1::varchar[]) AND u.kind = 'OTHER_SCHOOL'
                  AND NOT EXISTS (SELECT 1 FROM other_school_records r WHERE r.school_code = u.code)
                ORDER BY u.code`,
              [laos],
            )
          : await tx.query(
              `SELECT u.lao_code AS parent, u.code FROM org_units u
                WHERE u.lao_code = ANY($1::varchar[]) AND u.kind = $2
                  AND NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.round_id = $3
                                    AND c.org_unit_code = u.code AND c.dataset = $4 AND c.confirmed)
                ORDER BY u.code`,
              [laos, sourceKind[dataset], roundId, dataset],
            );
      for (const r of rows) add(r.parent, dataset, r.code);
    }
    if (provinces.length) {
      const rows: { parent: string; code: string }[] = await tx.query(
        `SELECT l.province_code AS parent, l.code FROM org_units l
          WHERE l.province_code = ANY($1::varchar[]) AND l.kind = 'LAO'
            AND EXISTS (SELECT 1 FROM org_units i WHERE i.lao_code = l.code AND i.kind = $2)
            AND NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.round_id = $3
                              AND c.org_unit_code = l.code AND c.dataset = $4 AND c.confirmed)
          ORDER BY l.code`,
        [provinces, sourceKind[dataset], roundId, dataset],
      );
      for (const r of rows) add(r.parent, dataset, r.code);
    }
  }
  return out;
}

async function deadlines(tx: EntityManager, roundId: string, units: UnitLite[]) {
  const [round]: { institution: string; lao: string; province: string }[] = await tx.query(
    `SELECT to_char(institution_deadline, 'YYYY-MM-DD') AS institution, to_char(lao_deadline, 'YYYY-MM-DD') AS lao,
            to_char(province_deadline, 'YYYY-MM-DD') AS province FROM rounds WHERE id = $1`,
    [roundId],
  );
  const extensions: { org_unit_code: string; until: string }[] = await tx.query(
    `SELECT org_unit_code, to_char(until, 'YYYY-MM-DD') AS until FROM round_extensions
      WHERE round_id = $1 AND org_unit_code = ANY($2::varchar[])`,
    [roundId, units.map((u) => u.code)],
  );
  const ext = new Map(extensions.map((e) => [e.org_unit_code, e.until]));
  return (u: UnitLite) => {
    const base = u.kind === 'PROVINCE' ? round.province : u.kind === 'LAO' ? round.lao : round.institution;
    const until = ext.get(u.code);
    return until && until > base ? until : base;
  };
}

/**
 * Where each unit stands in a round, per dataset it holds: confirmed or not, when, by whom, ready
 * or not (and who is missing), late against its deadline or not. A fixed number of set-based
 * queries whatever the number of units, so the national view of 76 provinces stays fast.
 */
export async function confirmationStatuses(
  tx: EntityManager,
  roundId: string,
  units: UnitLite[],
  today: string,
): Promise<UnitConfirmationStatus[]> {
  if (!units.length) return [];
  const held = await holdings(tx, units);
  const waiting = await missing(tx, roundId, units);
  const deadlineOf = await deadlines(tx, roundId, units);
  const rows: ConfirmationStateRow[] = await tx.query(
    `SELECT * FROM confirmations WHERE round_id = $1 AND org_unit_code = ANY($2::varchar[])`,
    [roundId, units.map((u) => u.code)],
  );
  const state = new Map(rows.map((r) => [`${r.org_unit_code}|${r.dataset}`, r]));
  return units.map((u) => ({
    orgUnitCode: u.code,
    datasets: (held.get(u.code) ?? []).map((dataset): DatasetStatus => {
      const r = state.get(`${u.code}|${dataset}`);
      const deadline = deadlineOf(u);
      const missingCodes = waiting.get(`${u.code}|${dataset}`) ?? [];
      const confirmed = r?.confirmed ?? false;
      return {
        dataset,
        confirmed,
        confirmedAt: confirmed ? r!.confirmed_at : null,
        confirmedByKey: confirmed
          ? actorKey({ accountId: r!.confirmed_by_account, profileId: r!.confirmed_by_profile })
          : null,
        total: confirmed ? r!.total : null,
        ready: missingCodes.length === 0,
        missingCodes,
        late: confirmed ? r!.late : today > deadline,
        deadline,
        revokedAt: r?.revoked_at ?? null,
        revokedByKey: r?.revoked_at
          ? actorKey({ accountId: r.revoked_by_account, profileId: r.revoked_by_profile })
          : null,
        revokedByUnitCode: r?.revoked_by_unit ?? null,
        revocationReason: r?.revocation_reason ?? null,
      };
    }),
  }));
}
