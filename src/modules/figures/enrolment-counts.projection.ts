import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { queryPrepared } from '../../db/query-prepared';
import { conflictError } from '../../event-store/event-store';
import { otherSchoolGrades } from '../other-schools/other-school-counts.rules';
import { otherSchoolEventTypes, type OtherSchoolCountsRecorded } from '../other-schools/other-school.events';
import { pupilEventTypes } from '../pupils/pupil.events';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { countColumn, countColumns, nationalityGroupOf } from './figures.model';
import { changesRegisterEntry, foldRegister, type RegisterEntry } from '../pupils/register-fold';

const enrolledColumns = countColumns.map((c) => c.column);
const otherSchoolColumns = countColumns
  .filter((c) => (otherSchoolGrades as readonly Grade[]).includes(c.grade))
  .map((c) => c.column);

const typed = (cols: readonly string[]) => cols.map((c) => `${c} integer`).join(', ');
const list = (cols: readonly string[]) => cols.join(', ');

/** Adds signed deltas to a count table keyed by (code, nationality group); rows in key order, so writers lock alike. */
const upsertDeltas = (table: string, key: string) => `
INSERT INTO ${table} (${key}, nationality_group, ${list(enrolledColumns)})
SELECT ${key}, nationality_group, ${list(enrolledColumns)}
  FROM jsonb_to_recordset($1::text::jsonb) AS r(${key} varchar, nationality_group varchar, ${typed(enrolledColumns)})
 ORDER BY ${key}, nationality_group
ON CONFLICT (${key}, nationality_group) DO UPDATE SET
  ${enrolledColumns.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`;

// A row that has come back to all zeros goes, so the live table equals a rebuilt one row for row.
const deleteEmpty = (table: string, key: string, cols: readonly string[]) => `
DELETE FROM ${table} WHERE ${key} = ANY($1::text[]) AND ${cols.join(' + ')} = 0`;

const UPSERT_ENROLMENT_COUNTS = upsertDeltas('enrolment_counts', 'institution_code');
const DELETE_EMPTY_ENROLMENT_COUNTS = deleteEmpty('enrolment_counts', 'institution_code', enrolledColumns);

const UPSERT_OTHER_SCHOOLS = `
INSERT INTO other_school_totals (school_code, ${list(otherSchoolColumns)})
SELECT school_code, ${list(otherSchoolColumns)}
  FROM jsonb_to_recordset($1::text::jsonb) AS r(school_code varchar, ${typed(otherSchoolColumns)})
ON CONFLICT (school_code) DO UPDATE SET
  ${otherSchoolColumns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

const UPSERT_OTHER_SCHOOLS_BY_LAO = `
INSERT INTO other_school_totals_by_lao (lao_code, ${list(otherSchoolColumns)})
SELECT lao_code, ${list(otherSchoolColumns)}
  FROM jsonb_to_recordset($1::text::jsonb) AS r(lao_code varchar, ${typed(otherSchoolColumns)})
 ORDER BY lao_code
ON CONFLICT (lao_code) DO UPDATE SET
  ${otherSchoolColumns.map((c) => `${c} = other_school_totals_by_lao.${c} + EXCLUDED.${c}`).join(', ')}`;

type CountRow = Record<string, number | string>;

/** Sums rows by a new key (the LAO of each row), column by column. */
function regroup(
  rows: readonly CountRow[],
  keyOf: (r: CountRow) => CountRow,
  cols: readonly string[],
): CountRow[] {
  const out = new Map<string, CountRow>();
  for (const r of rows) {
    const key = keyOf(r);
    const id = JSON.stringify(key);
    let sum = out.get(id);
    if (!sum) {
      sum = { ...key };
      for (const c of cols) sum[c] = 0;
      out.set(id, sum);
    }
    for (const c of cols) (sum[c] as number) += r[c] as number;
  }
  return [...out.values()].filter((r) => cols.some((c) => r[c] !== 0));
}

interface PupilRowState {
  id: string;
  institution_code: string;
  grade: Grade;
  sex: Sex;
  nationality: string;
  birth_date: string;
  status: string;
}

/** The register entries of the pupils a batch touches, as the pupils read model holds them before the batch. */
async function entriesBefore(tx: EntityManager, events: readonly RecordedEvent[]) {
  const introduced = new Set<string>();
  const wanted = new Set<string>();
  for (const e of events) {
    const id = (e.data as { pupilId?: string }).pupilId;
    if (!id) continue;
    if (e.type === 'PupilEnrolled' || e.type === 'PupilTransferredIn') introduced.add(id);
    // A pupil left out of `before` is one the fold leaves alone: its counts do not move.
    else if (!introduced.has(id) && changesRegisterEntry(e)) wanted.add(id);
  }
  const before = new Map<string, RegisterEntry>();
  if (wanted.size === 0) return before;
  const rows: PupilRowState[] = await tx.query(
    `SELECT id, institution_code, grade, sex, nationality, birth_date::text AS birth_date, status
       FROM pupils WHERE id = ANY($1::text[])`,
    [[...wanted]],
  );
  for (const r of rows)
    before.set(r.id, {
      institutionCode: r.institution_code,
      grade: r.grade,
      sex: r.sex,
      nationality: r.nationality,
      birthDate: r.birth_date,
      active: r.status === 'ACTIVE',
    });
  return before;
}

async function applyPupilEvents(tx: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
  const before = await entriesBefore(tx, events);
  const after = foldRegister(events, before);
  const deltas = new Map<string, Record<string, number | string>>();
  const add = (p: RegisterEntry | undefined, sign: 1 | -1) => {
    if (!p?.active) return;
    const group = nationalityGroupOf(p.nationality);
    const key = `${p.institutionCode}|${group}`;
    let row = deltas.get(key);
    if (!row) {
      row = { institution_code: p.institutionCode, nationality_group: group };
      for (const c of enrolledColumns) row[c] = 0;
      deltas.set(key, row);
    }
    (row[countColumn(p.grade, p.sex)] as number) += sign;
  };
  const touched = new Set(events.map((e) => (e.data as { pupilId?: string }).pupilId).filter(Boolean));
  for (const id of touched) {
    add(before.get(id!), -1);
    add(after.get(id!), 1);
  }
  const changed = [...deltas.values()].filter((r) => enrolledColumns.some((c) => r[c] !== 0));
  if (changed.length === 0) return;
  // Named prepared statements: one of these runs in every register write of deadline day.
  await queryPrepared(tx, 'lec_enrolment_counts_add_v1', UPSERT_ENROLMENT_COUNTS, [JSON.stringify(changed)]);
  // Only a count that went down can leave a row at zero (an enrolment, the most common write, cannot).
  const emptied = changed.filter((r) => enrolledColumns.some((c) => (r[c] as number) < 0));
  if (emptied.length === 0) return;
  const institutions = [...new Set(emptied.map((r) => r.institution_code as string))];
  await queryPrepared(tx, 'lec_enrolment_counts_drop_empty_v1', DELETE_EMPTY_ENROLMENT_COUNTS, [
    institutions,
  ]);
}

async function applyOtherSchoolEvents(tx: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
  const latest = new Map<string, CountRow>();
  const laoOf = new Map<string, string>();
  for (const e of events as readonly RecordedEvent<OtherSchoolCountsRecorded>[]) {
    const row: CountRow = { school_code: e.data.schoolCode };
    for (const c of otherSchoolColumns) row[c] = 0;
    for (const g of e.data.counts) {
      row[countColumn(g.grade, 'MALE')] = g.male;
      row[countColumn(g.grade, 'FEMALE')] = g.female;
    }
    latest.set(e.data.schoolCode, row);
    laoOf.set(e.data.schoolCode, e.data.laoCode);
  }
  const before: CountRow[] = await tx.query(
    `SELECT * FROM other_school_totals WHERE school_code = ANY($1::text[])`,
    [[...latest.keys()]],
  );
  const deltas = [
    ...[...latest.values()],
    ...before.map((r) =>
      Object.fromEntries(otherSchoolColumns.map((c) => [c, -r[c]]).concat([['school_code', r.school_code]])),
    ),
  ];
  await tx.query(UPSERT_OTHER_SCHOOLS, [JSON.stringify([...latest.values()])]);
  const byLao = regroup(
    deltas,
    (r) => ({ lao_code: laoOf.get(r.school_code as string)! }),
    otherSchoolColumns,
  );
  if (byLao.length === 0) return;
  await tx.query(UPSERT_OTHER_SCHOOLS_BY_LAO, [JSON.stringify(byLao)]);
  await tx.query(deleteEmpty('other_school_totals_by_lao', 'lao_code', otherSchoolColumns), [
    [...new Set(byLao.map((r) => r.lao_code as string))],
  ]);
}

/**
 * The counts a replay of every pupil event leaves, in two statements instead of a delta per batch:
 * the active pupils of the rebuilt `pupils` table counted by institution, nationality group, grade
 * and sex (the live deltas count exactly these, as `entriesBefore` reads them: status ACTIVE). Counts are never negative, so a group that exists is a row the live table keeps.
 * The nationality group is JavaScript's rule (`nationalityGroupOf`), applied to the few distinct
 * values and handed to SQL.
 */
async function countRebuiltRegister(tx: EntityManager): Promise<void> {
  const nationalities: { nationality: string }[] = await tx.query(
    `SELECT DISTINCT nationality FROM pupils WHERE status = 'ACTIVE'`,
  );
  const groups = nationalities.map((n) => ({
    nationality: n.nationality,
    nationality_group: nationalityGroupOf(n.nationality),
  }));
  const cells = countColumns
    .map((c) => `count(*) FILTER (WHERE p.grade = '${c.grade}' AND p.sex = '${c.sex}')::int`)
    .join(', ');
  await tx.query(
    `INSERT INTO enrolment_counts (institution_code, nationality_group, ${list(enrolledColumns)})
     SELECT p.institution_code, g.nationality_group, ${cells}
       FROM pupils p
       JOIN jsonb_to_recordset($1::text::jsonb) AS g(nationality varchar, nationality_group varchar)
         ON g.nationality = p.nationality
      WHERE p.status = 'ACTIVE'
      GROUP BY p.institution_code, g.nationality_group`,
    [JSON.stringify(groups)],
  );
  // As the live path: a row whose counts all sum to zero is not kept (none can, counts being positive).
  await tx.query(`DELETE FROM enrolment_counts WHERE ${enrolledColumns.join(' + ')} = 0`);
}

const DEADLOCK = '40P01';

function isDeadlock(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return (err?.driverError?.code ?? err?.code) === DEADLOCK;
}

/**
 * Per-institution counts kept in the transaction of every pupil event, and the latest counts of
 * each funded school of another affiliation, those also summed per LAO (only their LAO writes them).
 * The register's counts are not summed per LAO here: that row, shared by all the LAO's schools and
 * held until commit, made the schools of one LAO write one at a time on deadline day; counts above
 * an institution are summed when read (`read-live-counts.ts`). It must run before the pupils
 * projection: a batch's "before" is read from the pupils read model, then folded forward with the
 * events (foldRegister).
 */
export const enrolmentCountsProjection: Projection = {
  name: 'enrolment-counts',
  handles: [...pupilEventTypes, ...otherSchoolEventTypes],
  tables: ['enrolment_counts', 'other_school_totals', 'other_school_totals_by_lao'],
  async apply(tx, events) {
    const pupils = events.filter((e) => (pupilEventTypes as readonly string[]).includes(e.type));
    const others = events.filter((e) => (otherSchoolEventTypes as readonly string[]).includes(e.type));
    try {
      if (pupils.length) await applyPupilEvents(tx, pupils);
      if (others.length) await applyOtherSchoolEvents(tx, others);
    } catch (e) {
      // Two writers crossing institutions in opposite orders (transfers): decide again on fresh state.
      if (isDeadlock(e)) throw conflictError('enrolment-counts');
      throw e;
    }
  },
  replay: {
    // Funded schools' counts as live (few events; each holds a whole record); pupils' at the end.
    async apply(tx, events) {
      const others = events.filter((e) => (otherSchoolEventTypes as readonly string[]).includes(e.type));
      if (others.length) await applyOtherSchoolEvents(tx, others);
    },
    finish: countRebuiltRegister,
    withoutData: pupilEventTypes,
  },
};
