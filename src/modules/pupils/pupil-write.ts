import type { GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { PupilRow } from './pupil.entity';
import { isInstitution } from '../chain/org-unit-kind';

/** Only the institution itself records its pupils. */
export function assertIsInstitution(viewer: Viewer, institutionCode: string): void {
  if (viewer.orgUnit.code !== institutionCode || !isInstitution(viewer.orgUnit.kind))
    throw new LecError('FORBIDDEN', 'เฉพาะสถานศึกษาเจ้าของข้อมูลเท่านั้นที่บันทึกหรือแก้ไขข้อมูลนักเรียนได้');
}

/** The pupil a write is about, once the viewer is known to be its institution. */
export async function pupilForWrite(ctx: GraphQLContext, pupilId: string): Promise<PupilRow> {
  const viewer = requireViewer(ctx.viewer);
  const pupil = await ctx.dataSource.manager.findOneBy(PupilRow, { id: pupilId });
  if (!pupil) throw badInput({ pupilId: 'ไม่พบนักเรียนรายนี้' });
  assertIsInstitution(viewer, pupil.institutionCode);
  return pupil;
}

/** The free-form columns of LEC's export, as strings. */
export function extraOf(
  extra: Record<string, unknown> | null | undefined,
): Record<string, string> | undefined {
  if (extra == null) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(extra)) {
    if (v !== null && typeof v === 'object')
      throw badInput({ extra: `ข้อมูลเพิ่มเติม "${k}" ต้องเป็นข้อความหรือตัวเลข` });
    if (v != null) out[k.slice(0, 100)] = String(v).slice(0, 500);
  }
  return out;
}
