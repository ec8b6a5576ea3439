import type { EntityManager } from 'typeorm';
import { LecError } from '../../shared/errors';
import { requireKind } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { citizenIdFor } from '../pupils/rules/citizen-id';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import { RoundRow } from '../rounds/round.entity';

/**
 * The cross-check across affiliations (issue 15): citizen IDs that appear, in the same round, both
 * in the register of an LAO's institution and on a funded school's certified name list, or on two
 * funded schools' lists — paid twice unless resolved before the budget is. The register of a round
 * is the confirmed register (the pupils frozen by each institution's confirmation in force) once
 * the round is closed, and the live register while it is open.
 */

export type CrossCheckSource = 'REGISTER' | 'CERTIFIED_LIST';
export type CrossCheckKind = 'REGISTER_AND_LIST' | 'TWO_LISTS';

export interface CrossCheckPlace {
  source: CrossCheckSource;
  unitCode: string;
  unitName: string;
  unitKind: string;
  laoCode: string | null;
  laoName: string | null;
  provinceCode: string | null;
  district: string | null;
  grade: Grade;
  sex: Sex;
  /** Lists only: the digest of the file and when the LAO stored it. */
  listDigest: string | null;
  listStoredAt: Date | null;
}

export interface CrossCheckDuplicate {
  /** Masked unless the viewer may see the ID (policy: only the institution holding the pupil). */
  citizenId: string;
  kind: CrossCheckKind;
  places: CrossCheckPlace[];
}

export interface CrossCheckReport {
  roundId: string;
  roundStatus: 'OPEN' | 'CLOSED';
  unit: { code: string; name: string; kind: string };
  /** Funded schools in scope, and how many have a stored list for the round. */
  fundedSchools: number;
  listsStored: number;
  duplicates: CrossCheckDuplicate[];
}

interface PlaceRow {
  citizen_id: string;
  source: CrossCheckSource;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  lao_code: string | null;
  lao_name: string | null;
  province_code: string | null;
  district: string | null;
  grade: Grade;
  sex: Sex;
  digest: string | null;
  stored_at: Date | null;
}

/** The round asked for, else the open one, else the latest. */
async function roundOf(m: EntityManager, roundId: string | null | undefined): Promise<RoundRow> {
  const round = roundId
    ? await m.findOneBy(RoundRow, { id: roundId })
    : ((await m.findOne(RoundRow, { where: { status: 'OPEN' } })) ??
      (await m.findOne(RoundRow, { where: {}, order: { openedAt: 'DESC' } })));
  if (!round) throw new LecError('NOT_FOUND', roundId ? `ไม่พบรอบ ${roundId}` : 'ยังไม่มีรอบการบันทึกข้อมูล');
  return round;
}

const UNIT_COLUMNS = `u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.lao_code,
  l.name AS lao_name, u.province_code, COALESCE(u.district, l.district) AS district`;

/** The register side of the round, limited to the IDs on some list of the round. */
function registerSql(status: 'OPEN' | 'CLOSED'): string {
  if (status === 'OPEN')
    return `SELECT p.citizen_id, 'REGISTER' AS source, ${UNIT_COLUMNS}, p.grade, p.sex, NULL AS digest, NULL::timestamptz AS stored_at
              FROM pupils p JOIN org_units u ON u.code = p.institution_code LEFT JOIN org_units l ON l.code = u.lao_code
             WHERE p.status = 'ACTIVE'
               AND p.citizen_id IN (SELECT citizen_id FROM certified_name_list_pupils WHERE round_id = $1)`;
  return `SELECT p.citizen_id, 'REGISTER' AS source, ${UNIT_COLUMNS}, p.grade, p.sex, NULL AS digest, NULL::timestamptz AS stored_at
            FROM confirmations c
            JOIN events e ON e.global_position = c.confirmed_position
            CROSS JOIN LATERAL jsonb_array_elements_text(e.data -> 'pupilIds') AS pid(id)
            JOIN pupils p ON p.id = pid.id
            JOIN org_units u ON u.code = c.org_unit_code LEFT JOIN org_units l ON l.code = u.lao_code
           WHERE c.round_id = $1 AND c.confirmed AND c.dataset IN ('PUPILS', 'CHILDREN')
             AND p.citizen_id IN (SELECT citizen_id FROM certified_name_list_pupils WHERE round_id = $1)`;
}

const LISTS_SQL = `SELECT n.citizen_id, 'CERTIFIED_LIST' AS source, ${UNIT_COLUMNS}, n.grade, n.sex, c.digest, c.stored_at
  FROM certified_name_list_pupils n
  JOIN certified_name_lists c ON c.round_id = n.round_id AND c.school_code = n.school_code
  JOIN org_units u ON u.code = n.school_code LEFT JOIN org_units l ON l.code = u.lao_code
 WHERE n.round_id = $1
   AND n.citizen_id IN (SELECT citizen_id FROM certified_name_list_pupils WHERE round_id = $1
                        GROUP BY citizen_id HAVING count(*) > 1
                        UNION SELECT p.citizen_id FROM pupils p
                        WHERE p.citizen_id IN (SELECT citizen_id FROM certified_name_list_pupils WHERE round_id = $1))`;

/** The ID as the viewer may see it: whole only to an institution that holds the pupil on its register. */
function idFor(viewer: Viewer, id: string, places: readonly CrossCheckPlace[]): string {
  const holders = places.filter((p) => p.source === 'REGISTER').map((p) => p.unitCode);
  return citizenIdFor(viewer.orgUnit, holders, id);
}

/** The department (any unit) and a province (itself) read the report; nobody below. */
export async function crossCheckReport(
  m: EntityManager,
  viewerOrNull: Viewer | null,
  args: { roundId?: string | null; orgUnitCode?: string | null },
): Promise<CrossCheckReport> {
  const viewer = requireKind(viewerOrNull, 'DEPARTMENT', 'PROVINCE');
  const code = args.orgUnitCode || viewer.orgUnit.code;
  const unit = await requireUnitInScope(m, viewer, code, { notFound: true });
  if (unit.kind !== 'DEPARTMENT' && unit.kind !== 'PROVINCE')
    throw new LecError('BAD_USER_INPUT', 'รายงานตรวจสอบรายชื่อซ้ำข้ามสังกัดดูได้ระดับกรมหรือจังหวัด', {
      fields: { orgUnitCode: 'ต้องเป็นรหัสจังหวัด หรือ DLA' },
    });
  const round = await roundOf(m, args.roundId);
  const rows: PlaceRow[] = await m.query(`${registerSql(round.status)} UNION ALL ${LISTS_SQL}`, [round.id]);
  const byId = new Map<string, CrossCheckPlace[]>();
  for (const r of rows) {
    const places = byId.get(r.citizen_id) ?? [];
    places.push({
      source: r.source,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      laoCode: r.lao_code,
      laoName: r.lao_name,
      provinceCode: r.province_code,
      district: r.district,
      grade: r.grade,
      sex: r.sex,
      listDigest: r.digest,
      listStoredAt: r.stored_at && new Date(r.stored_at),
    });
    byId.set(r.citizen_id, places);
  }
  const inScope = (p: CrossCheckPlace) => unit.kind === 'DEPARTMENT' || p.provinceCode === unit.code;
  const duplicates: CrossCheckDuplicate[] = [...byId.entries()]
    .filter(([, places]) => new Set(places.map((p) => p.unitCode)).size > 1 && places.some(inScope))
    .map(([id, places]) => ({
      citizenId: idFor(viewer, id, places),
      kind: places.some((p) => p.source === 'REGISTER')
        ? ('REGISTER_AND_LIST' as const)
        : ('TWO_LISTS' as const),
      places: places.sort((a, b) =>
        a.source === b.source ? a.unitCode.localeCompare(b.unitCode) : a.source === 'REGISTER' ? -1 : 1,
      ),
    }))
    .sort(
      (a, b) =>
        (a.places[0].provinceCode ?? '').localeCompare(b.places[0].provinceCode ?? '') ||
        a.places[0].unitCode.localeCompare(b.places[0].unitCode) ||
        a.citizenId.localeCompare(b.citizenId),
    );
  const params: unknown[] = [round.id];
  const provinceFilter = unit.kind === 'PROVINCE' ? `AND u.province_code = $2` : '';
  if (unit.kind === 'PROVINCE') params.push(unit.code);
  const [counts]: { funded: number; stored: number }[] = await m.query(
    `SELECT count(*)::int AS funded, count(c.school_code)::int AS stored
       FROM org_units u LEFT JOIN certified_name_lists c ON c.school_code = u.code AND c.round_id = $1
      WHERE u.kind = 'OTHER_SCHOOL' ${provinceFilter}`,
    params,
  );
  return {
    roundId: round.id,
    roundStatus: round.status,
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    fundedSchools: counts.funded,
    listsStored: counts.stored,
    duplicates,
  };
}
