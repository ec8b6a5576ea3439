import { In, type DataSource } from 'typeorm';
import { badInput } from '../../shared/errors';
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
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n ${sql}`, params);
  const rows: { id: string }[] = await ds.query(
    `SELECT p.id ${sql} ORDER BY ${GRADE_ORDER}, p.last_name, p.first_name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, args.first, offset],
  );
  const byId = new Map(
    (await ds.getRepository(PupilRow).findBy({ id: In(rows.map((r) => r.id)) })).map((r) => [r.id, r]),
  );
  const nodes = rows.map((r) => byId.get(r.id)!);
  const end = offset + nodes.length;
  return {
    totalCount: n as number,
    nodes,
    pageInfo: { endCursor: nodes.length ? encodeCursor(end) : null, hasNextPage: end < n },
  };
}
