import type { GraphQLContext } from '../access/context';
import { LecError } from '../../shared/errors';
import { requireKind, requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { confirmsAtAll } from '../chain/dataset';

/** Confirmation is by the unit itself, and only units that confirm at all (not the department). */
export function ownUnitOnly(ctx: GraphQLContext, orgUnitCode: string): Viewer {
  const viewer = requireViewer(ctx.viewer);
  if (viewer.orgUnit.code !== orgUnitCode || !confirmsAtAll(viewer.orgUnit.kind))
    throw new LecError('FORBIDDEN', 'ยืนยันข้อมูลได้เฉพาะข้อมูลของหน่วยงานตนเอง');
  return viewer;
}

/** Revocation is by a level above (LAO, province, department), never of the caller's own unit. */
export function revoker(ctx: GraphQLContext, codes: string[]): Viewer {
  const viewer = requireKind(ctx.viewer, 'DEPARTMENT', 'PROVINCE', 'LAO');
  if (codes.includes(viewer.orgUnit.code))
    throw new LecError('FORBIDDEN', 'หน่วยงานยกเลิกการยืนยันข้อมูลของตนเองไม่ได้ ต้องให้หน่วยงานต้นสังกัดเป็นผู้ยกเลิกการยืนยัน');
  return viewer;
}
