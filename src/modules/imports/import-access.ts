import type { EntityManager } from 'typeorm';
import { LecError } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import type { ImportRecord } from './import-store';
import { isInstitution } from '../chain/org-unit-kind';

export interface Institution {
  code: string;
  name: string;
  kind: 'SCHOOL' | 'CDC';
}

const ONLY_THE_INSTITUTION = 'เฉพาะสถานศึกษาเจ้าของข้อมูลเท่านั้นที่นำเข้าข้อมูลนักเรียนได้';

/** Only a school or a CDC imports, and only into its own register (DOMAIN.md, Records). */
export async function institutionForImport(
  m: EntityManager,
  viewer: Viewer | null,
  institutionCode?: string | null,
): Promise<{ viewer: Viewer; institution: Institution }> {
  const v = requireViewer(viewer);
  const code = institutionCode?.trim() || v.orgUnit.code;
  if (!isInstitution(v.orgUnit.kind) || code !== v.orgUnit.code)
    throw new LecError('FORBIDDEN', ONLY_THE_INSTITUTION);
  const unit = await m.findOneBy(OrgUnitRow, { code });
  if (!unit || !isInstitution(unit.kind))
    throw new LecError('NOT_FOUND', `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${code}`);
  return { viewer: v, institution: { code: unit.code, name: unit.name, kind: unit.kind } };
}

/** An import is seen and decided only by the institution that uploaded it. */
export function assertOwnImport(viewer: Viewer | null, rec: ImportRecord | null): ImportRecord {
  const v = requireViewer(viewer);
  if (!rec) throw new LecError('NOT_FOUND', 'ไม่พบรายการนำเข้าข้อมูลนี้');
  if (v.orgUnit.code !== rec.institutionCode)
    throw new LecError('FORBIDDEN', 'รายการนำเข้านี้เป็นของสถานศึกษาอื่น ท่านไม่มีสิทธิ์ดูหรือดำเนินการ');
  return rec;
}
