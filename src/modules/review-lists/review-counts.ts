import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { GraphQLContext } from '../access/context';
import { TRANSFER_ANSWER_DAYS } from '../pupils/rules/transfer-rules';
import { RECENT_REMOVAL_DAYS } from './review-lists.reads';

export interface ReviewCounts {
  queryNoteCount: number;
  gCodeCount: number;
  recentRemovalCount: number;
  overdueTransferCount: number;
}

interface Row extends ReviewCounts {
  code: string;
  lao_code: string | null;
  province_code: string | null;
}

/** The review counts of many units at once (an institution its own, an LAO or province everything below). */
export async function reviewCountsOf(
  m: EntityManager,
  codes: readonly string[],
  now: Date,
): Promise<ReviewCounts[]> {
  const rows: Row[] = await m.query(
    `WITH units AS (
       SELECT code, lao_code, province_code FROM org_units
        WHERE kind IN ('SCHOOL', 'CDC') AND (code = ANY($1) OR lao_code = ANY($1) OR province_code = ANY($1))
     )
     SELECT u.code, u.lao_code, u.province_code,
       (SELECT count(*) FROM pupils p WHERE p.institution_code = u.code AND p.status = 'ACTIVE' AND p.queries <> '{}'::jsonb)::int AS "queryNoteCount",
       (SELECT count(*) FROM pupils p WHERE p.institution_code = u.code AND p.status = 'ACTIVE' AND p.id_kind = 'G_CODE')::int AS "gCodeCount",
       (SELECT count(*) FROM pupils p WHERE p.institution_code = u.code AND p.status = 'REMOVED'
          AND p.removed_at > $2::timestamptz - make_interval(days => $3))::int AS "recentRemovalCount",
       (SELECT count(*) FROM pupil_transfer_requests t WHERE t.from_institution_code = u.code AND t.status = 'OPEN'
          AND t.requested_at < $2::timestamptz - make_interval(days => $4))::int AS "overdueTransferCount"
     FROM units u`,
    [codes, now.toISOString(), RECENT_REMOVAL_DAYS, TRANSFER_ANSWER_DAYS],
  );
  return codes.map((code) => {
    const mine = rows.filter((r) => r.code === code || r.lao_code === code || r.province_code === code);
    const sum = (k: keyof ReviewCounts) => mine.reduce((n, r) => n + r[k], 0);
    return {
      queryNoteCount: sum('queryNoteCount'),
      gCodeCount: sum('gCodeCount'),
      recentRemovalCount: sum('recentRemovalCount'),
      overdueTransferCount: sum('overdueTransferCount'),
    };
  });
}

const loaders = new WeakMap<object, DataLoader<string, ReviewCounts>>();
/** One batched read per request for every status row that asks for its review counts. */
export function reviewCountsLoader(ctx: GraphQLContext): DataLoader<string, ReviewCounts> {
  let l = loaders.get(ctx.loaders);
  if (!l)
    loaders.set(
      ctx.loaders,
      (l = new DataLoader((codes) => reviewCountsOf(ctx.dataSource.manager, codes, new Date()))),
    );
  return l;
}
