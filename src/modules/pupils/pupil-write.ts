import type { EntityManager } from 'typeorm';
import type { GraphQLContext } from '../access/context';
import { badInput, LecError } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { PupilRow } from './pupil.entity';
import { isInstitution } from '../chain/org-unit-kind';

/** Only the institution itself records its pupils. */
export function assertIsInstitution(viewer: Viewer, institutionCode: string): void {
  if (viewer.orgUnit.code !== institutionCode || !isInstitution(viewer.orgUnit.kind)) throw notTheOwner();
}

const notTheOwner = () => new LecError('FORBIDDEN', 'เฉพาะสถานศึกษาเจ้าของข้อมูลเท่านั้นที่บันทึกหรือแก้ไขข้อมูลนักเรียนได้');

const NO_SUCH_PUPIL = 'ไม่พบนักเรียนรายนี้';

/** The pupil a write is about, once the viewer is known to be its institution. */
async function pupilForWrite(ctx: GraphQLContext, pupilId: string): Promise<PupilRow> {
  const viewer = requireViewer(ctx.viewer);
  const pupil = await ctx.dataSource.manager.findOneBy(PupilRow, { id: pupilId });
  if (!pupil) throw badInput({ pupilId: NO_SUCH_PUPIL });
  assertIsInstitution(viewer, pupil.institutionCode);
  return pupil;
}

/**
 * The register a write about a pupil goes to. Only an institution writes its pupils, so for one it is
 * its own register, without a read: the command's one read finds the pupil there or calls
 * `refuseOutsideRegister`. Anyone else is refused as `pupilForWrite` refuses them.
 */
export async function registerForPupilWrite(ctx: GraphQLContext, pupilId: string): Promise<string> {
  const viewer = requireViewer(ctx.viewer);
  if (isInstitution(viewer.orgUnit.kind)) return viewer.orgUnit.code;
  return (await pupilForWrite(ctx, pupilId)).institutionCode;
}

/**
 * A pupil the institution's register does not hold, by its register write: on another's register it
 * is FORBIDDEN (as `pupilForWrite` answers), nowhere it is not found. Returns when it is on this
 * register after all (removed or left: the decision says why nothing can be done).
 */
export async function refuseOutsideRegister(
  tx: EntityManager,
  institutionCode: string,
  pupilId: string,
): Promise<void> {
  const rows: { institution_code: string }[] = await tx.query(
    'SELECT institution_code FROM pupils WHERE id = $1',
    [pupilId],
  );
  if (!rows[0]) throw badInput({ pupilId: NO_SUCH_PUPIL });
  if (rows[0].institution_code !== institutionCode) throw notTheOwner();
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
