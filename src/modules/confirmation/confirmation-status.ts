import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from './confirmation.events';
import {
  ancestorColumn,
  confirmingLevels,
  confirmsAtAll,
  deadlineColumn,
  levelOf,
  type ConfirmingLevel,
} from '../chain/levels';
import { orgUnitKinds, type OrgUnitKind } from '../chain/org-unit-kind';
import {
  datasetSpecs,
  datasetsHeldAbove,
  institutionDatasets,
  isFirstHolder,
  sourceKinds,
  specOf,
  waitsOnRecords,
  type Dataset,
} from '../chain/dataset';
import type { DatasetStatusView, UnitConfirmationStatusView } from './confirmation-status.view';
import { actorKey } from '../accounts/actor.types';

interface UnitLite {
  code: string;
  kind: OrgUnitKind;
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

/** Which datasets each LAO or province holds: one indexed probe per unit and kind. */
export async function holdings(tx: EntityManager, units: UnitLite[]): Promise<Map<string, Dataset[]>> {
  const held = new Map<string, Dataset[]>();
  for (const u of units) if (levelOf(u.kind) === 'INSTITUTION') held.set(u.code, institutionDatasets(u.kind));
  for (const level of ['LAO', 'PROVINCE'] as const) {
    const codes = units.filter((u) => levelOf(u.kind) === level).map((u) => u.code);
    if (!codes.length) continue;
    const rows: { code: string; kind: string }[] = await tx.query(
      // LATERAL … LIMIT 1: one index probe per unit and kind (a plain EXISTS let the planner scan every unit).
      `SELECT p.code, k.kind FROM unnest($1::varchar[]) AS p(code)
         CROSS JOIN unnest($2::varchar[]) AS k(kind)
         CROSS JOIN LATERAL (SELECT 1 FROM org_units u WHERE u.${ancestorColumn[level]} = p.code AND u.kind = k.kind LIMIT 1) AS one`,
      [codes, sourceKinds],
    );
    for (const code of codes)
      held.set(
        code,
        datasetsHeldAbove(
          level,
          rows.filter((r) => r.code === code).map((r) => r.kind),
        ),
      );
  }
  return held;
}

/** The datasets a unit has confirmed in the round, as one comma-separated value (portable across drivers). */
const DONE = `(SELECT string_agg(c.dataset, ',') FROM confirmations c
                WHERE c.round_id = $2 AND c.org_unit_code = u.code AND c.confirmed) AS done`;

/**
 * The units each LAO or province still waits on, per dataset (the rule of missingBelow): one pass
 * over the units below, each looked up once, whatever the number of datasets.
 */
export async function missing(tx: EntityManager, roundId: string, units: UnitLite[]) {
  const out = new Map<string, string[]>(); // `${parent}|${dataset}` -> codes, in code order
  const add = (parent: string, dataset: Dataset, code: string) => {
    const key = `${parent}|${dataset}`;
    out.set(key, [...(out.get(key) ?? []), code]);
  };
  const laos = units.filter((u) => levelOf(u.kind) === 'LAO').map((u) => u.code);
  const provinces = units.filter((u) => levelOf(u.kind) === 'PROVINCE').map((u) => u.code);
  if (laos.length) {
    const rows: { parent: string; code: string; kind: string; done: string | null; recorded: boolean }[] =
      await tx.query(
        `SELECT u.lao_code AS parent, u.code, u.kind, ${DONE},
                (u.kind = 'OTHER_SCHOOL' AND EXISTS (SELECT 1 FROM other_school_records r WHERE r.school_code = u.code)) AS recorded
           FROM org_units u
          WHERE u.lao_code = ANY($1::varchar[]) AND u.kind = ANY($3::varchar[])
          ORDER BY u.code`,
        [laos, roundId, sourceKinds],
      );
    for (const r of rows) {
      const done = (r.done ?? '').split(',');
      for (const { dataset: d, sourceKind } of datasetSpecs)
        if (sourceKind === r.kind && !(waitsOnRecords('LAO', d) ? r.recorded : done.includes(d)))
          add(r.parent, d, r.code);
    }
  }
  if (provinces.length) {
    const has = (kind: string) =>
      `EXISTS (SELECT 1 FROM org_units i WHERE i.lao_code = u.code AND i.kind = '${kind}') AS "${kind}"`;
    const rows: ({ parent: string; code: string; done: string | null } & Record<string, boolean | string>)[] =
      await tx.query(
        `SELECT u.province_code AS parent, u.code, ${DONE}, ${sourceKinds.map(has).join(', ')}
           FROM org_units u
          WHERE u.province_code = ANY($1::varchar[]) AND u.kind = 'LAO'
          ORDER BY u.code`,
        [provinces, roundId],
      );
    for (const r of rows) {
      const done = (r.done ?? '').split(',');
      const below = sourceKinds.filter((k) => r[k] === true);
      for (const d of datasetsHeldAbove('LAO', below)) if (!done.includes(d)) add(r.parent, d, r.code);
    }
  }
  return out;
}

/** Each unit's deadline in the round: its level's, or a later extension granted to it. */
export async function deadlines(tx: EntityManager, roundId: string, units: UnitLite[]) {
  // One statement: the round's deadline per level and the units' extensions, as JSON.
  const [round]: (RoundDeadlines & { extensions: { code: string; until: string }[] | null })[] =
    await tx.query(
      `SELECT ${deadlineColumnsSql('r')},
              (SELECT json_agg(json_build_object('code', e.org_unit_code, 'until', to_char(e.until, 'YYYY-MM-DD')))
                 FROM round_extensions e WHERE e.round_id = r.id AND e.org_unit_code = ANY($2::varchar[])) AS extensions
         FROM rounds r WHERE r.id = $1`,
      [roundId, units.map((u) => u.code)],
    );
  const ext = new Map((round?.extensions ?? []).map((e) => [e.code, e.until]));
  return (u: UnitLite) => deadlineFrom(round, ext.get(u.code) ?? null, u.kind);
}

/** A round's deadline per confirming level, 'YYYY-MM-DD'. */
export type RoundDeadlines = Record<ConfirmingLevel, string>;

/** The round's deadline columns of `rounds` aliased `alias`, named by level (for `deadlineFrom`). */
export function deadlineColumnsSql(alias: string): string {
  return confirmingLevels
    .map((l) => `to_char(${alias}.${deadlineColumn[l]}, 'YYYY-MM-DD') AS "${l}"`)
    .join(', ');
}

/** A unit's deadline: by its level, or the extension the department granted it if later. */
export function deadlineFrom(round: RoundDeadlines, extension: string | null, kind: OrgUnitKind): string {
  const level = levelOf(kind);
  const base = round[level === 'DEPARTMENT' ? 'PROVINCE' : level];
  return extension && extension > base ? extension : base;
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
): Promise<UnitConfirmationStatusView[]> {
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
    datasets: (held.get(u.code) ?? []).map((dataset): DatasetStatusView => {
      const r = state.get(`${u.code}|${dataset}`);
      const deadline = deadlineOf(u);
      const missingCodes = waiting.get(`${u.code}|${dataset}`) ?? [];
      const confirmed = r?.confirmed ?? false;
      return {
        dataset,
        label: specOf(dataset).label,
        waitsOnRecords: waitsOnRecords(u.kind, dataset),
        register: isFirstHolder(u.kind, dataset) && specOf(dataset).source === 'REGISTER',
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

/** Units that confirm, listed under a unit in a status view (funded schools of other affiliations do not). */
const CONFIRMING_KINDS = orgUnitKinds.filter(confirmsAtAll);

/** The status of a unit and of each confirming unit directly under it, in one round. */
export async function unitAndChildrenStatus(
  tx: EntityManager,
  roundId: string,
  unit: UnitLite,
  today: string,
): Promise<{ self: UnitConfirmationStatusView; children: UnitConfirmationStatusView[] }> {
  const children: UnitLite[] = await tx.query(
    `SELECT code, kind FROM org_units WHERE parent_code = $1 AND kind = ANY($2::varchar[]) ORDER BY code`,
    [unit.code, CONFIRMING_KINDS],
  );
  const [self, ...rest] = await confirmationStatuses(
    tx,
    roundId,
    [{ code: unit.code, kind: unit.kind }, ...children],
    today,
  );
  return { self, children: rest };
}
