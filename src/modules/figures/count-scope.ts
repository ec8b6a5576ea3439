import { badInput } from '../../shared/errors';
import type { OrgUnitRow } from '../org-units/org-unit.entity';

/** The unit whose counts are asked for, and optionally one district (อำเภอ) of a province. */
export interface CountScope {
  unit: Pick<OrgUnitRow, 'code' | 'kind' | 'name'>;
  district: string | null;
}

export function countScope(unit: CountScope['unit'], district?: string | null): CountScope {
  const d = district?.trim() || null;
  if (d && unit.kind !== 'PROVINCE')
    throw badInput({
      district: 'ระบุอำเภอได้เฉพาะเมื่อขอตัวเลขของจังหวัด (ชื่ออำเภอซ้ำกันได้ในต่างจังหวัด) กรุณาระบุรหัสจังหวัดพร้อมชื่ออำเภอ',
    });
  return { unit, district: d };
}

/**
 * SQL that restricts rows keyed by a unit code (`codeColumn`) to the scope: the department
 * everything, a province or an LAO its subtree through org_units (alias `o`, joined only when
 * needed), one institution itself. Parameters are appended to `params`.
 */
export function scopeFilter(
  scope: CountScope,
  codeColumn: string,
  params: unknown[],
): { join: string; where: string } {
  const p = (v: unknown) => `$${params.push(v)}`;
  const join = `JOIN org_units o ON o.code = ${codeColumn}`;
  switch (scope.unit.kind) {
    case 'DEPARTMENT':
      return { join: '', where: 'TRUE' };
    case 'PROVINCE':
      return {
        join,
        where: `o.province_code = ${p(scope.unit.code)}${scope.district ? ` AND o.district = ${p(scope.district)}` : ''}`,
      };
    case 'LAO':
      return { join, where: `o.lao_code = ${p(scope.unit.code)}` };
    case 'SCHOOL':
    case 'CDC':
    case 'OTHER_SCHOOL':
      return { join: '', where: `${codeColumn} = ${p(scope.unit.code)}` };
  }
}
