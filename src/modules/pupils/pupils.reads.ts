import type { DataSource } from 'typeorm';
import { badInput } from '../../shared/errors';
import { entitySelectList } from '../../db/select-list';
import { PupilRow } from './pupil.entity';
import { schoolGrades, type Grade } from './rules/grades';

const GRADE_ORDER = `array_position(ARRAY[${[...schoolGrades, 'CDC'].map((g) => `'${g}'`).join(',')}]::varchar[], p.grade)`;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput({ after: 'ค่า after ไม่ถูกต้อง กรุณาใช้ endCursor จากหน้าก่อน' });
  return Number(m[1]);
}

/** An institution's current pupils, by grade then name, paged. */
export async function listPupils(
  ds: DataSource,
  args: {
    institutionCode: string;
    search?: string | null;
    grade?: Grade | null;
    first: number;
    after?: string | null;
  },
) {
  const offset = decodeCursor(args.after);
  const where = [`p.institution_code = $1`, `p.status = 'ACTIVE'`];
  const params: unknown[] = [args.institutionCode];
  if (args.grade) {
    params.push(args.grade);
    where.push(`p.grade = $${params.length}`);
  }
  const search = args.search?.trim();
  if (search) {
    const digits = search.replace(/[\s-]/g, '');
    params.push(`%${search.replace(/[%_\\]/g, '\\$&')}%`, digits.toUpperCase());
    where.push(
      `(p.first_name ILIKE $${params.length - 1} OR p.last_name ILIKE $${params.length - 1} OR (p.first_name || ' ' || p.last_name) ILIKE $${params.length - 1} OR p.citizen_id = $${params.length})`,
    );
  }
  const sql = `FROM pupils p WHERE ${where.join(' AND ')}`;
  // The count and the page in one statement (on the embedded database every statement outside a
  // transaction waits its turn for the one session): a page past the end still brings the count.
  const rows: (PupilRow & { total: number })[] = await ds.query(
    `SELECT c.n AS total, pg.* FROM (SELECT count(*)::int AS n ${sql}) c
       LEFT JOIN LATERAL (SELECT ${entitySelectList(ds, PupilRow, 'p')} ${sql}
                          ORDER BY ${GRADE_ORDER}, p.last_name, p.first_name, p.id
                          LIMIT $${params.length + 1} OFFSET $${params.length + 2}) pg ON true`,
    [...params, args.first, offset],
  );
  const n = rows[0].total;
  const nodes: PupilRow[] = rows
    .filter((r) => r.id != null)
    .map(({ total: _total, ...pupil }) => pupil as PupilRow);
  const end = offset + nodes.length;
  return {
    totalCount: n as number,
    nodes,
    pageInfo: { endCursor: nodes.length ? encodeCursor(end) : null, hasNextPage: end < n },
  };
}
