import type { EntityManager } from 'typeorm';
import { LecError } from '../../shared/errors';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { queryPrepared } from '../../db/query-prepared';
import { entitySelectList, rowUnder } from '../../db/select-list';
import { ROUNDS_LOCK } from '../rounds/rounds-lock';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import type { ConfirmedFigures, ConfirmedPart, GradeSexCount } from './confirmation.events';
import type { UnitRef } from './confirmation.decider';
import { deadlines, holdings, missing } from './confirmation-status';
import { ancestorColumn, levelBelow, levelOf } from '../chain/levels';
import { isFirstHolder, specOf, type Dataset, type DatasetSource, type DatasetSpec } from '../chain/dataset';

/** The unit as the confirmation rules see it. */
export interface ConfirmingUnit extends UnitRef {
  parentCode: string | null;
  provinceCode: string | null;
  laoCode: string | null;
}

const UNIT_COLUMNS = `code, name, kind, parent_code AS "parentCode", province_code AS "provinceCode", lao_code AS "laoCode"`;

function unitOrRefusal(u: ConfirmingUnit | undefined, code: string): ConfirmingUnit {
  if (!u)
    throw new LecError('BAD_USER_INPUT', `ไม่พบหน่วยงานรหัส ${code}`, {
      fields: { orgUnitCode: `ไม่พบหน่วยงานรหัส ${code}` },
    });
  return u;
}

export async function findUnit(tx: EntityManager, code: string): Promise<ConfirmingUnit> {
  const [u] = await tx.query(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE code = $1`, [code]);
  return unitOrRefusal(u as ConfirmingUnit | undefined, code);
}

/**
 * The unit, then in the same statement the rounds lock (shared: a round cannot close under a
 * confirmation) and the confirmation locks of its parent and itself, ancestors first (the lock
 * order of `lockUnits`): PostgreSQL evaluates a select list left to right, once for the one row.
 * A unit that does not exist takes no lock and is refused.
 *
 * The parent's lock is shared: what must not interleave is a unit's confirmation or revocation
 * with its parent's (which holds its own lock exclusively, and reads its children under it), or
 * with another on the same unit. Siblings have nothing in common to guard, and on deadline day the
 * ten schools of an LAO confirming in the same minutes queued on that lock one after another
 * (pg_stat_statements: 55 ms a confirm waiting, in the bench's schools phase).
 */
export async function findUnitLocked(
  tx: EntityManager,
  code: string,
  seen?: (row: OrgUnitRow) => void,
): Promise<ConfirmingUnit> {
  const [u] = await queryPrepared<ConfirmingUnit & Record<string, unknown>>(
    tx,
    'lec_confirmation_unit_v3',
    `SELECT ${UNIT_COLUMNS}, ${entitySelectList(tx.connection, OrgUnitRow, 'org_units', 'row.')},
            pg_advisory_xact_lock_shared(hashtext('${ROUNDS_LOCK}'))::text AS "roundsLock",
            pg_advisory_xact_lock_shared(hashtext('confirmation:' || parent_code))::text AS "parentLock",
            pg_advisory_xact_lock(hashtext('confirmation:' || code))::text AS "unitLock"
       FROM org_units WHERE code = $1`,
    [code],
  );
  if (!u) return unitOrRefusal(undefined, code);
  // The whole row as TypeORM maps it, for whoever returns the unit after the commit (no second read).
  if (seen) seen(rowUnder<OrgUnitRow>(u, 'row.', 'code')!);
  const { code: c, name, kind, parentCode, provinceCode, laoCode } = u;
  return { code: c, name, kind, parentCode, provinceCode, laoCode };
}

/** The order of rounds a read without a round takes the first of: the open one, else the latest. */
export const CURRENT_ROUND_ORDER = `ORDER BY (status = 'OPEN') DESC, academic_year DESC, round_no DESC`;

/** The round a read asks about: the one named, else the open one, else the latest. */
export async function roundForReading(tx: EntityManager, roundId?: string | null) {
  const rows: { id: string; status: 'OPEN' | 'CLOSED' }[] = roundId
    ? await tx.query(`SELECT id, status FROM rounds WHERE id = $1`, [roundId])
    : await tx.query(`SELECT id, status FROM rounds ${CURRENT_ROUND_ORDER} LIMIT 1`);
  if (roundId && !rows[0])
    throw new LecError('BAD_USER_INPUT', `ไม่พบรอบ ${roundId}`, { fields: { roundId: `ไม่พบรอบ ${roundId}` } });
  return rows[0] ?? null;
}

/** Serialises confirmations and revocations that touch the same units (ancestors first: no deadlock). */
export async function lockUnits(tx: EntityManager, codes: readonly (string | null)[]): Promise<void> {
  for (const code of codes)
    if (code) await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`confirmation:${code}`]);
}

/** The unit's deadline in the round: by its level, or the extension the department granted it. */
export async function deadlineOf(
  tx: EntityManager,
  roundId: string,
  unit: { code: string; kind: OrgUnitKind },
): Promise<string> {
  return (await deadlines(tx, roundId, [unit]))(unit);
}

export async function isConfirmed(tx: EntityManager, roundId: string, code: string, dataset: Dataset) {
  const rows = await tx.query(
    `SELECT 1 FROM confirmations WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3 AND confirmed`,
    [roundId, code, dataset],
  );
  return rows.length > 0;
}

/** Whether a unit holds a dataset (the rule lives in confirmation-status.ts, `holdings`). */
export async function holds(tx: EntityManager, unit: ConfirmingUnit, dataset: Dataset): Promise<boolean> {
  return ((await holdings(tx, [unit])).get(unit.code) ?? []).includes(dataset);
}

/**
 * Who a confirmation still waits on, named for the refusal (the rule lives in
 * confirmation-status.ts, `missing`, which the status views use too).
 */
export async function missingBelow(
  tx: EntityManager,
  roundId: string,
  unit: { code: string; kind: OrgUnitKind },
  dataset: Dataset,
): Promise<UnitRef[]> {
  const codes = (await missing(tx, roundId, [unit])).get(`${unit.code}|${dataset}`) ?? [];
  if (!codes.length) return [];
  return tx.query(`SELECT code, name, kind FROM org_units WHERE code = ANY($1::varchar[]) ORDER BY code`, [
    codes,
  ]);
}

/** Adds up counts by grade and sex, in a stable order (grade, then sex). */
export function sumCounts(lists: readonly GradeSexCount[][]): GradeSexCount[] {
  const totals = new Map<string, GradeSexCount>();
  for (const list of lists)
    for (const c of list) {
      const key = `${c.grade}|${c.sex}`;
      const t = totals.get(key);
      if (t) t.count += c.count;
      else totals.set(key, { ...c });
    }
  return [...totals.values()].sort((a, b) =>
    a.grade === b.grade ? a.sex.localeCompare(b.sex) : a.grade.localeCompare(b.grade),
  );
}

/** The figures an institution or LAO freezes from its own records, by the dataset's source. */
const fromSource: Record<
  DatasetSource,
  (tx: EntityManager, unit: { code: string }) => Promise<ConfirmedFigures | null>
> = {
  async REGISTER(tx, unit) {
    const rows: { id: string; grade: GradeSexCount['grade']; sex: GradeSexCount['sex'] }[] = await tx.query(
      `SELECT id, grade, sex FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE' ORDER BY id`,
      [unit.code],
    );
    return {
      total: rows.length,
      counts: sumCounts([rows.map((r) => ({ grade: r.grade, sex: r.sex, count: 1 }))]),
      pupilIds: rows.map((r) => r.id),
    };
  },
  async BASIC_DATA(tx, unit) {
    const [r] = await tx.query(`SELECT version FROM cdc_basic_data WHERE cdc_code = $1`, [unit.code]);
    return r ? { total: null, counts: [], basicDataVersion: Number(r.version) } : null;
  },
  async RECORDED_COUNTS(tx, lao) {
    const rows: { code: string; grade: GradeSexCount['grade']; male: number; female: number }[] =
      await tx.query(
        `SELECT u.code, c.grade, c.male, c.female FROM org_units u
           JOIN other_school_counts c ON c.school_code = u.code
          WHERE u.lao_code = $1 AND u.kind = 'OTHER_SCHOOL' ORDER BY u.code`,
        [lao.code],
      );
    const counts = sumCounts([
      rows.flatMap((r) => [
        { grade: r.grade, sex: 'MALE' as const, count: r.male },
        { grade: r.grade, sex: 'FEMALE' as const, count: r.female },
      ]),
    ]);
    const perSchool = new Map<string, ConfirmedPart & { total: number; counts: GradeSexCount[] }>();
    for (const r of rows) {
      const part = perSchool.get(r.code) ?? { code: r.code, total: 0, counts: [] };
      perSchool.set(r.code, part);
      part.total += r.male + r.female;
      part.counts.push(
        { grade: r.grade, sex: 'MALE', count: r.male },
        { grade: r.grade, sex: 'FEMALE', count: r.female },
      );
    }
    return { total: counts.reduce((n, c) => n + c.count, 0), counts, parts: [...perSchool.values()] };
  },
};

/**
 * Above the first level: the sum of the confirmations in force of the units directly below that
 * hold the dataset (an LAO's institutions of the source kind, a province's LAOs), with each part.
 */
async function sumOfLevelBelow(
  tx: EntityManager,
  roundId: string,
  unit: { code: string; kind: OrgUnitKind },
  spec: DatasetSpec,
): Promise<ConfirmedFigures> {
  const level = levelOf(unit.kind) as 'LAO' | 'PROVINCE';
  const below = levelBelow(level);
  const partKind = below === 'INSTITUTION' ? spec.sourceKind : 'LAO';
  const parts: { code: string; total: number | null; counts: GradeSexCount[] }[] = await tx.query(
    `SELECT c.org_unit_code AS code, c.total, c.counts FROM confirmations c
       JOIN org_units u ON u.code = c.org_unit_code
      WHERE c.round_id = $1 AND c.dataset = $2 AND c.confirmed AND u.${ancestorColumn[level]} = $3 AND u.kind = $4
      ORDER BY c.org_unit_code`,
    [roundId, spec.dataset, unit.code, partKind],
  );
  return {
    total: spec.section ? parts.reduce((n, p) => n + (p.total ?? 0), 0) : null,
    counts: sumCounts(parts.map((p) => p.counts)),
    parts: parts.map((p) => ({ code: p.code, total: p.total })),
  };
}

/**
 * The figures a confirmation freezes, read in the transaction that appends it (DOMAIN.md,
 * Confirmation 6): the first holder's own records (an institution's register, a centre's basic
 * data, an LAO's recorded funded-school counts); above it the sum of the level directly below.
 */
export async function figuresFor(
  tx: EntityManager,
  roundId: string,
  unit: { code: string; kind: OrgUnitKind },
  dataset: Dataset,
): Promise<ConfirmedFigures | null> {
  const spec = specOf(dataset);
  if (isFirstHolder(unit.kind, dataset)) return fromSource[spec.source](tx, unit);
  return sumOfLevelBelow(tx, roundId, unit, spec);
}
