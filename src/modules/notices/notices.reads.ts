import type { EntityManager } from 'typeorm';

interface Place {
  code: string;
  kind: string;
  provinceCode: string | null;
  laoCode: string | null;
}

export interface NoticeView {
  id: string;
  fromUnitCode: string;
  title: string;
  body: string;
  roundId: string | null;
  postedAt: Date;
  readAt: Date | null;
  provinceCodes: string[] | null;
  unitCodes: string[] | null;
  kinds: string[] | null;
}

const SELECT = `SELECT n.id, n.from_unit AS "fromUnitCode", n.title, n.body, n.round_id AS "roundId",
  n.posted_at AS "postedAt", r.read_at AS "readAt", n.province_codes AS "provinceCodes",
  n.unit_codes AS "unitCodes", n.kinds
  FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.org_unit_code = $1`;

/**
 * Who a notice is for ($1 code, $2 kind, $3 province, $4 LAO): the department's for every unit
 * in its provinces (provinces included), a province's for the units under it; narrowed by the
 * listed provinces, units (an LAO listed takes its institutions with it) and kinds.
 */
const FOR_VIEWER = `n.from_unit <> $1
  AND (n.from_kind = 'DEPARTMENT' OR (n.from_kind = 'PROVINCE' AND n.from_unit = $3))
  AND (n.province_codes IS NULL OR $3 = ANY(n.province_codes))
  AND (n.unit_codes IS NULL OR $1 = ANY(n.unit_codes) OR $4 = ANY(n.unit_codes))
  AND (n.kinds IS NULL OR $2 = ANY(n.kinds))`;

function params(v: Place) {
  const province = v.kind === 'PROVINCE' ? v.code : v.provinceCode;
  return [v.code, v.kind, province ?? '', v.laoCode ?? ''];
}

export async function noticesFor(
  m: EntityManager,
  viewer: Place,
  opts: { unreadOnly: boolean; sent: boolean; first: number },
): Promise<NoticeView[]> {
  if (opts.sent)
    return m.query(`${SELECT} WHERE n.from_unit = $1 ORDER BY n.posted_at DESC LIMIT $2`, [
      viewer.code,
      opts.first,
    ]);
  return m.query(
    `${SELECT} WHERE ${FOR_VIEWER} ${opts.unreadOnly ? 'AND r.read_at IS NULL' : ''} ORDER BY n.posted_at DESC LIMIT $5`,
    [...params(viewer), opts.first],
  );
}

/** A notice the viewer may see (sent to it, or sent by it), or null. */
export async function noticeById(m: EntityManager, id: string, viewer: Place): Promise<NoticeView | null> {
  const [row] = await m.query(`${SELECT} WHERE n.id = $5 AND (n.from_unit = $1 OR (${FOR_VIEWER}))`, [
    ...params(viewer),
    id,
  ]);
  return (row as NoticeView) ?? null;
}

export async function markRead(m: EntityManager, id: string, orgUnitCode: string): Promise<void> {
  await m.query(
    `INSERT INTO notice_reads (notice_id, org_unit_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [id, orgUnitCode],
  );
}
