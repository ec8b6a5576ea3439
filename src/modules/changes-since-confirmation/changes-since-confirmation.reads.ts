import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from '../confirmation/confirmation.events';
import type { Dataset } from '../chain/dataset';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { isInstitution } from '../chain/org-unit-kind';
import { institutionStreamId, type PupilDetails } from '../pupils/pupil.events';
import { citizenIdFor } from '../pupils/rules/citizen-id';
import { pupilFieldLabels } from '../pupils/rules/field-labels';
import { grades, type Grade } from '../pupils/rules/grades';

/** How many pupils each list shows; the counts say how many there are in all. */
export const LISTED = 200;

export interface ChangedPupil {
  pupilId: string;
  citizenId: string;
  name: string;
  grade: Grade;
  /** Removed: the pupil's status now (LEFT, REMOVED, …); corrected: the fields that changed. */
  detail: string | null;
}

export interface GradeChange {
  grade: Grade;
  maleBefore: number;
  femaleBefore: number;
  maleAfter: number;
  femaleAfter: number;
}

export interface ChangesView {
  orgUnitCode: string;
  dataset: Dataset;
  /** The last confirmation compared with (in force or since revoked); null: never confirmed. */
  confirmationId: string | null;
  confirmedAt: Date | null;
  roundId: string | null;
  totalBefore: number;
  totalAfter: number;
  grades: GradeChange[];
  added: ChangedPupil[];
  removed: ChangedPupil[];
  corrected: ChangedPupil[];
  addedCount: number;
  removedCount: number;
  correctedCount: number;
}

interface PupilRow {
  id: string;
  citizen_id: string;
  prefix: string;
  first_name: string;
  last_name: string;
  grade: Grade;
  sex: 'MALE' | 'FEMALE';
  status: string;
}

function byGrade(before: readonly GradeSexCount[], after: readonly GradeSexCount[]): GradeChange[] {
  const rows = new Map<Grade, GradeChange>();
  const row = (g: Grade) => {
    let r = rows.get(g);
    if (!r) rows.set(g, (r = { grade: g, maleBefore: 0, femaleBefore: 0, maleAfter: 0, femaleAfter: 0 }));
    return r;
  };
  for (const c of before) row(c.grade)[c.sex === 'MALE' ? 'maleBefore' : 'femaleBefore'] += c.count;
  for (const c of after) row(c.grade)[c.sex === 'MALE' ? 'maleAfter' : 'femaleAfter'] += c.count;
  return [...rows.values()].sort((a, b) => grades.indexOf(a.grade) - grades.indexOf(b.grade));
}

const sum = (cs: readonly GradeSexCount[]) => cs.reduce((n, c) => n + c.count, 0);

/** The latest confirmation of the unit's dataset, whatever happened to it since. */
async function lastConfirmation(m: EntityManager, code: string, dataset: Dataset) {
  const [row]: { position: string; roundId: string; at: Date; counts: GradeSexCount[] }[] = await m.query(
    `SELECT global_position::text AS position, round_id AS "roundId", at, counts FROM confirmation_events
      WHERE org_unit_code = $1 AND dataset = $2 AND action = 'CONFIRMED' ORDER BY global_position DESC LIMIT 1`,
    [code, dataset],
  );
  return row ?? null;
}

/** Live counts of a unit's register dataset: an institution's pupils, or every institution's under an LAO or province. */
async function liveCounts(m: EntityManager, unit: { code: string; kind: OrgUnitKind }, dataset: Dataset) {
  const scope = isInstitution(unit.kind)
    ? 'p.institution_code = $1'
    : unit.kind === 'LAO'
      ? 'u.lao_code = $1'
      : unit.kind === 'PROVINCE'
        ? 'u.province_code = $1'
        : 'true';
  const cdc = dataset === 'CHILDREN';
  const rows: { grade: Grade; sex: 'MALE' | 'FEMALE'; count: number }[] = await m.query(
    `SELECT p.grade, p.sex, count(*)::int AS count FROM pupils p JOIN org_units u ON u.code = p.institution_code
      WHERE ${scope} AND p.status = 'ACTIVE' AND ${cdc ? "p.grade = 'CDC'" : "p.grade <> 'CDC'"} GROUP BY p.grade, p.sex`,
    [unit.code],
  );
  return rows;
}

function changed(p: PupilRow, ids: (id: string) => string, detail: string | null): ChangedPupil {
  return {
    pupilId: p.id,
    citizenId: ids(p.citizen_id),
    name: `${p.prefix}${p.first_name} ${p.last_name}`,
    grade: p.grade,
    detail,
  };
}

/**
 * What changed in a unit's dataset since its last confirmation (issue 12, item 6): counts by grade
 * and sex then (frozen in the confirmation) and now; for an institution also the pupils added,
 * removed or left, and corrected (or moved a grade) since, from its own stream after that event.
 * IDs are whole for the institution itself and masked for the levels above.
 */
export async function changesSinceConfirmation(
  m: EntityManager,
  unit: { code: string; kind: OrgUnitKind },
  dataset: Dataset,
  looker: { code: string },
): Promise<ChangesView> {
  const last = await lastConfirmation(m, unit.code, dataset);
  const before = last?.counts ?? [];
  const after = dataset === 'PUPILS' || dataset === 'CHILDREN' ? await liveCounts(m, unit, dataset) : [];
  const view: ChangesView = {
    orgUnitCode: unit.code,
    dataset,
    confirmationId: last?.position ?? null,
    confirmedAt: last?.at ?? null,
    roundId: last?.roundId ?? null,
    totalBefore: sum(before),
    totalAfter: sum(after),
    grades: byGrade(before, after),
    added: [],
    removed: [],
    corrected: [],
    addedCount: 0,
    removedCount: 0,
    correctedCount: 0,
  };
  if (!isInstitution(unit.kind)) return view;
  if (dataset !== 'PUPILS' && dataset !== 'CHILDREN') return view;

  const confirmedIds: string[] = last
    ? ((
        await m.query(`SELECT data->'pupilIds' AS ids FROM events WHERE global_position = $1`, [
          last.position,
        ])
      )[0]?.ids ?? [])
    : [];
  const current: PupilRow[] = await m.query(
    `SELECT id, citizen_id, prefix, first_name, last_name, grade, sex, status FROM pupils
      WHERE institution_code = $1 AND status = 'ACTIVE' ORDER BY grade, first_name, last_name`,
    [unit.code],
  );
  const confirmed = new Set(confirmedIds);
  const now = new Set(current.map((p) => p.id));
  const added = current.filter((p) => !confirmed.has(p.id));
  const goneIds = confirmedIds.filter((id) => !now.has(id));
  const gone: PupilRow[] = goneIds.length
    ? await m.query(
        `SELECT id, citizen_id, prefix, first_name, last_name, grade, sex, status FROM pupils WHERE id = ANY($1)
          ORDER BY grade, first_name, last_name`,
        [goneIds],
      )
    : [];
  const edits: { pupilId: string; type: string; changes: Record<string, unknown> | null }[] = last
    ? await m.query(
        `SELECT data->>'pupilId' AS "pupilId", type, data->'changes' AS changes FROM events
          WHERE stream_id = $1 AND global_position > $2
            AND type IN ('PupilDetailsCorrected', 'PupilPromoted', 'PupilHeldBack') ORDER BY global_position`,
        [institutionStreamId(unit.code), last.position],
      )
    : [];
  const what = new Map<string, Set<string>>();
  for (const e of edits) {
    if (!confirmed.has(e.pupilId) || !now.has(e.pupilId)) continue;
    const fields = what.get(e.pupilId) ?? new Set<string>();
    if (e.type === 'PupilDetailsCorrected')
      for (const k of Object.keys(e.changes ?? {}))
        fields.add(pupilFieldLabels[k as keyof PupilDetails] ?? 'ข้อมูลอื่น');
    else fields.add('ระดับชั้น');
    what.set(e.pupilId, fields);
  }
  const corrected = current.filter((p) => what.has(p.id));
  const STATUS: Record<string, string> = { LEFT: 'ออกจากสถานศึกษา', REMOVED: 'นำออกเพราะไม่มีตัวตน' };
  const ids = (id: string) => citizenIdFor(looker, unit.code, id);
  view.added = added.slice(0, LISTED).map((p) => changed(p, ids, null));
  view.removed = gone.slice(0, LISTED).map((p) => changed(p, ids, STATUS[p.status] ?? p.status));
  view.corrected = corrected.slice(0, LISTED).map((p) => changed(p, ids, [...what.get(p.id)!].join(', ')));
  view.addedCount = added.length;
  view.removedCount = gone.length;
  view.correctedCount = corrected.length;
  return view;
}
