import type { EntityManager } from 'typeorm';
import { badInput } from '../../shared/errors';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { isInstitution } from '../chain/org-unit-kind';

/** Reads the lifecycle and transfer commands share, inside their transaction. */

export async function loadInstitution(tx: EntityManager, code: string) {
  const unit = await tx.findOneBy(OrgUnitRow, { code });
  if (!unit || !isInstitution(unit.kind))
    throw badInput({ institutionCode: `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${code}` });
  return { ...unit, kind: unit.kind };
}

/** Where a (normalised) citizen ID is enrolled right now, other than as `exceptPupilId`. */
export async function findActiveHolder(
  tx: EntityManager,
  citizenId: string,
  exceptPupilId: string | null,
): Promise<{ institutionCode: string; institutionName: string; pupilId: string } | null> {
  const rows: { id: string; institution_code: string; name: string }[] = await tx.query(
    `SELECT p.id, p.institution_code, u.name FROM pupils p JOIN org_units u ON u.code = p.institution_code
      WHERE p.citizen_id = $1 AND p.status = 'ACTIVE' AND p.id <> $2`,
    [citizenId, exceptPupilId ?? ''],
  );
  const r = rows[0];
  return r ? { institutionCode: r.institution_code, institutionName: r.name, pupilId: r.id } : null;
}

export async function lastPromotionYear(tx: EntityManager, institutionCode: string): Promise<number | null> {
  const [row]: { y: number | null }[] = await tx.query(
    `SELECT max(academic_year) AS y FROM pupil_promotions WHERE institution_code = $1`,
    [institutionCode],
  );
  return row?.y == null ? null : Number(row.y);
}
