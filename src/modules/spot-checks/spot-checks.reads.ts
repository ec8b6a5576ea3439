import type { EntityManager } from 'typeorm';
import type { PupilStatus } from '../pupils/pupil.entity';
import { citizenIdFor } from '../pupils/rules/citizen-id';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { SpotCheckRow } from './spot-check.entity';
import type { SpotCheckResult } from './spot-check.events';

/** A drawn pupil with what the register says of them now and the result recorded; the ID is masked. */
export interface SpotCheckPupilView {
  spotCheckId: string;
  position: number;
  pupilId: string;
  institutionCode: string;
  citizenId: string;
  name: string;
  grade: Grade;
  sex: Sex;
  pupilStatus: PupilStatus;
  result: SpotCheckResult | null;
  note: string | null;
  recordedAt: Date | null;
  recordedByAccount: string | null;
  recordedByProfile: string | null;
}

export interface SpotCheckInstitutionView {
  institutionCode: string;
  drawn: number;
  found: number;
  notFound: number;
  wrongData: number;
  pending: number;
}

export interface SpotCheckView extends SpotCheckRow {
  pupils: SpotCheckPupilView[];
  institutions: SpotCheckInstitutionView[];
}

interface PupilJoinRow {
  spot_check_id: string;
  position: number;
  pupil_id: string;
  institution_code: string;
  citizen_id: string;
  prefix: string;
  first_name: string;
  last_name: string;
  grade: Grade;
  sex: Sex;
  status: PupilStatus;
  result: SpotCheckResult | null;
  note: string | null;
  recorded_at: Date | null;
  recorded_by_account: string | null;
  recorded_by_profile: string | null;
}

const toPupilView = (r: PupilJoinRow): SpotCheckPupilView => ({
  spotCheckId: r.spot_check_id,
  position: Number(r.position),
  pupilId: r.pupil_id,
  institutionCode: r.institution_code,
  // The province's list, and the flag its institution reads: masked, whoever reads it.
  citizenId: citizenIdFor(null, r.institution_code, r.citizen_id),
  name: `${r.prefix}${r.first_name} ${r.last_name}`,
  grade: r.grade,
  sex: r.sex,
  pupilStatus: r.status,
  result: r.result,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedByAccount: r.recorded_by_account,
  recordedByProfile: r.recorded_by_profile,
});

const PUPIL_JOIN = `
  SELECT s.spot_check_id, s.position, s.pupil_id, s.institution_code, s.result, s.note, s.recorded_at,
         s.recorded_by_account, s.recorded_by_profile,
         p.citizen_id, p.prefix, p.first_name, p.last_name, p.grade, p.sex, p.status
    FROM spot_check_pupils s JOIN pupils p ON p.id = s.pupil_id`;

/** Results by institution, in institution-code order. */
export function resultsByInstitution(pupils: readonly SpotCheckPupilView[]): SpotCheckInstitutionView[] {
  const by = new Map<string, SpotCheckInstitutionView>();
  for (const p of pupils) {
    const v = by.get(p.institutionCode) ?? {
      institutionCode: p.institutionCode,
      drawn: 0,
      found: 0,
      notFound: 0,
      wrongData: 0,
      pending: 0,
    };
    v.drawn += 1;
    if (p.result === 'FOUND') v.found += 1;
    else if (p.result === 'NOT_FOUND') v.notFound += 1;
    else if (p.result === 'WRONG_DATA') v.wrongData += 1;
    else v.pending += 1;
    by.set(p.institutionCode, v);
  }
  return [...by.values()].sort((a, b) => (a.institutionCode < b.institutionCode ? -1 : 1));
}

export async function readSpotCheck(m: EntityManager, id: string): Promise<SpotCheckView | null> {
  const row = await m.findOneBy(SpotCheckRow, { id });
  if (!row) return null;
  const rows: PupilJoinRow[] = await m.query(`${PUPIL_JOIN} WHERE s.spot_check_id = $1 ORDER BY s.position`, [
    id,
  ]);
  const pupils = rows.map(toPupilView);
  return { ...row, pupils, institutions: resultsByInstitution(pupils) };
}

export async function listSpotChecks(m: EntityManager, provinceCode: string): Promise<SpotCheckRow[]> {
  return m.find(SpotCheckRow, { where: { provinceCode }, order: { drawnAt: 'DESC' } });
}

/** A NOT_FOUND result, as its institution and LAO see it. Open while the pupil is still on the register. */
export interface SpotCheckFlagView {
  spotCheckId: string;
  roundId: string;
  provinceCode: string;
  laoCode: string | null;
  open: boolean;
  pupil: SpotCheckPupilView;
}

async function flags(m: EntityManager, orgUnitCodes: readonly string[], onlyOpen: boolean) {
  if (!orgUnitCodes.length) return [];
  const rows: (PupilJoinRow & { round_id: string; province_code: string; lao_code: string | null })[] =
    await m.query(
      `${PUPIL_JOIN.replace('SELECT', 'SELECT c.round_id, c.province_code, ou.lao_code,')}
         JOIN spot_checks c ON c.id = s.spot_check_id
         JOIN org_units ou ON ou.code = s.institution_code
        WHERE s.result = 'NOT_FOUND'
          AND (s.institution_code = ANY($1::varchar[]) OR ou.lao_code = ANY($1::varchar[]))
          ${onlyOpen ? `AND p.status = 'ACTIVE'` : ''}
        ORDER BY s.recorded_at DESC, s.pupil_id`,
      [[...orgUnitCodes]],
    );
  return rows.map((r): SpotCheckFlagView => ({
    spotCheckId: r.spot_check_id,
    pupil: toPupilView(r),
    roundId: r.round_id,
    provinceCode: r.province_code,
    laoCode: r.lao_code,
    open: r.status === 'ACTIVE',
  }));
}

/**
 * The open spot-check flags of these units — institutions, or LAOs (then their institutions'):
 * pupils the province did not find who are still on the register. For the to-do list (`myTasks`).
 */
export function openSpotCheckFlags(m: EntityManager, orgUnitCodes: string[]): Promise<SpotCheckFlagView[]> {
  return flags(m, orgUnitCodes, true);
}

/** Every NOT_FOUND flag of the unit (an institution, or an LAO's institutions), open or settled. */
export function allSpotCheckFlags(m: EntityManager, orgUnitCode: string): Promise<SpotCheckFlagView[]> {
  return flags(m, [orgUnitCode], false);
}

/** The to-do line of an open flag (for `myTasks`): what the province found and what to do about it. */
export function spotCheckFlagMessage(f: SpotCheckFlagView): string {
  const note = f.pupil.note ? ` (หมายเหตุ: ${f.pupil.note})` : '';
  return (
    `จังหวัดสุ่มตรวจสอบแล้วไม่พบตัว ${f.pupil.name} สถานศึกษารหัส ${f.pupil.institutionCode}${note} ` +
    'กรุณาตรวจสอบ หากไม่มีตัวตนให้นำข้อมูลออกจากระบบ (ไม่มีตัวตน)'
  );
}
