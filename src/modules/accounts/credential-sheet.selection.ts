import type { DataSource } from 'typeorm';
import { badInput, LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { kindLabels, type OrgUnitKind } from '../chain/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';

/** A unit under the sheet's unit that holds (or may hold) an account. */
export interface Candidate {
  code: string;
  name: string;
  kind: OrgUnitKind;
  provinceCode: string | null;
  laoCode: string | null;
  district: string | null;
  laoName: string | null;
  accountId: string | null;
  mustCompleteFirstLogin: boolean | null;
}

/** Which cards a sheet prints: those pending their first login (default), the named units, or all. */
export interface SheetChoice {
  units: string[] | null;
  all: boolean;
}

/** Who may print the sheet of a unit: the department for any province or LAO; a province for itself and its LAOs. */
export function canPrintSheet(viewer: Viewer, unit: OrgUnitRow): boolean {
  if (viewer.orgUnit.kind === 'DEPARTMENT') return true;
  if (viewer.orgUnit.kind === 'PROVINCE')
    return (
      unit.code === viewer.orgUnit.code || (unit.kind === 'LAO' && unit.provinceCode === viewer.orgUnit.code)
    );
  return false;
}

/** The sheet's unit, refused unless it is a province or an LAO the viewer may print for. */
export async function sheetUnit(ds: DataSource, viewer: Viewer, code: string): Promise<OrgUnitRow> {
  const unit = await ds.manager.findOneBy(OrgUnitRow, { code });
  if (!unit) throw new LecError('NOT_FOUND', `ไม่พบหน่วยงานรหัส ${code}`);
  if (unit.kind !== 'PROVINCE' && unit.kind !== 'LAO')
    throw badInput(
      { unitCode: 'พิมพ์ใบแจ้งบัญชีผู้ใช้งานได้เฉพาะของจังหวัดหรือองค์กรปกครองส่วนท้องถิ่น (อปท.)' },
      `พิมพ์ใบแจ้งบัญชีผู้ใช้งานได้เฉพาะของจังหวัดหรือองค์กรปกครองส่วนท้องถิ่น (อปท.) หน่วยงาน ${code} เป็น${kindLabels[unit.kind]}`,
    );
  if (!canPrintSheet(viewer, unit))
    throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์พิมพ์ใบแจ้งบัญชีผู้ใช้งานของหน่วยงาน ${code}`);
  return unit;
}

/** The units under a province (its LAOs, schools, CDCs) or an LAO (itself, its schools, CDCs), in handing-out order. */
export async function candidatesOf(ds: DataSource, unit: OrgUnitRow): Promise<Candidate[]> {
  const scope = unit.kind === 'PROVINCE' ? 'u.province_code' : 'u.lao_code';
  return ds.query(
    `SELECT u.code, u.name, u.kind, u.province_code AS "provinceCode", u.lao_code AS "laoCode",
            COALESCE(u.district, l.district) AS district, l.name AS "laoName",
            a.id AS "accountId", a.must_complete_first_login AS "mustCompleteFirstLogin"
       FROM org_units u
       LEFT JOIN org_units l ON l.code = u.lao_code
       LEFT JOIN accounts a ON a.org_unit_code = u.code
      WHERE ${scope} = $1 AND u.kind IN ('LAO', 'SCHOOL', 'CDC')
      ORDER BY l.district NULLS LAST, u.lao_code, CASE u.kind WHEN 'LAO' THEN 0 WHEN 'SCHOOL' THEN 1 ELSE 2 END, u.code`,
    [unit.code],
  );
}

/**
 * The cards of a sheet: by default the units with no account yet or whose first login is not done
 * (people at work are not reset); the named units whatever their state (a forgotten password); or all.
 */
export function selectCandidates(
  unit: OrgUnitRow,
  candidates: Candidate[],
  choice: SheetChoice,
): Candidate[] {
  if (choice.units) {
    const known = new Set(candidates.map((c) => c.code));
    const unknown = choice.units.filter((c) => !known.has(c));
    if (!choice.units.length || unknown.length)
      throw badInput({
        units: choice.units.length
          ? `ไม่พบหน่วยงานรหัส ${unknown.join(', ')} ที่มีบัญชีผู้ใช้งานในสังกัดของ ${unit.code}`
          : 'กรุณาระบุรหัสหน่วยงานอย่างน้อยหนึ่งหน่วยงาน',
      });
    const wanted = new Set(choice.units);
    return candidates.filter((c) => wanted.has(c.code));
  }
  if (choice.all) return candidates;
  return candidates.filter((c) => !c.accountId || c.mustCompleteFirstLogin);
}

/** The refusal of a print that would re-issue passwords without being confirmed, naming who would get new ones. */
export function unconfirmedReissue(selected: Candidate[]): LecError {
  const named = selected.slice(0, 10).map((c) => `${c.name} (${c.code})`);
  const more = selected.length > named.length ? ` และอีก ${selected.length - named.length} แห่ง` : '';
  return new LecError(
    'BAD_USER_INPUT',
    `การพิมพ์ครั้งนี้จะออกรหัสผ่านใหม่ให้ ${selected.length} หน่วยงาน ได้แก่ ${named.join(', ')}${more} ` +
      'รหัสผ่านเดิมของหน่วยงานเหล่านี้จะใช้ไม่ได้อีก กรุณาตรวจสอบรายการแล้วกดยืนยันการพิมพ์',
    {
      fields: { confirm: 'กรุณายืนยันการออกรหัสผ่านใหม่ก่อนพิมพ์' },
      reissue: selected.map((c) => c.code),
    },
  );
}
