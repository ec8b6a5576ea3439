import type { EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import type { NonExistenceReason } from '../pupils/pupil.events';
import { reasonLabels } from '../pupils/rules/reason-labels';
import { citizenIdFor } from '../pupils/rules/citizen-id';
import type { Grade } from '../pupils/rules/grades';
import { TRANSFER_ANSWER_DAYS } from '../pupils/rules/transfer-rules';

/** Removals this recent are "recent": about a term's worth, what an LAO looks back over before confirming. */
export const RECENT_REMOVAL_DAYS = 60;
/** Per list and institution, unless one institution is asked for. */
export const LISTED_PER_INSTITUTION = 20;

export type ReviewKind = 'QUERY_NOTE' | 'G_CODE' | 'RECENT_REMOVAL' | 'OVERDUE_TRANSFER';

export interface ReviewItem {
  kind: ReviewKind;
  institutionCode: string;
  pupilId: string;
  citizenId: string;
  name: string;
  grade: Grade;
  /** The query note, the removal reason, or where the transfer request came from. */
  note: string | null;
  at: Date | null;
}

export interface InstitutionReview {
  institutionCode: string;
  queryNoteCount: number;
  gCodeCount: number;
  recentRemovalCount: number;
  overdueTransferCount: number;
  items: ReviewItem[];
}

function scopeOf(unit: { code: string; kind: OrgUnitKind }): string {
  if (unit.kind === 'DEPARTMENT') return 'true';
  if (unit.kind === 'PROVINCE') return 'u.province_code = $1';
  if (unit.kind === 'LAO') return 'u.lao_code = $1';
  return 'u.code = $1';
}

/** The note as a person reads it: the query note, the removal reason in Thai, the nationality, the destination. */
function noteOf(r: Row): string | null {
  if (r.kind === 'RECENT_REMOVAL')
    return r.note ? (reasonLabels[r.note as NonExistenceReason] ?? r.note) : null;
  if (r.kind === 'G_CODE') return r.note && `สัญชาติ ${r.note}`;
  if (r.kind === 'OVERDUE_TRANSFER') return r.note && `ขอย้ายไปสถานศึกษารหัส ${r.note}`;
  return r.note;
}

interface Row {
  kind: ReviewKind;
  institution_code: string;
  pupil_id: string;
  citizen_id: string;
  name: string;
  grade: Grade;
  note: string | null;
  at: Date | null;
  n: number;
}

/**
 * What an LAO or province looks over in its institutions before confirming (issue 12, item 5):
 * pupils accepted with a query note, pupils with a G-Code (the list guideline 5.3.3 asks for),
 * removals as non-existent in the last RECENT_REMOVAL_DAYS days, and transfer requests the
 * institution has left unanswered past TRANSFER_ANSWER_DAYS. Counts per institution, and the
 * first items of each list (all of them for one institution). IDs masked.
 */
export async function reviewLists(
  m: EntityManager,
  unit: { code: string; kind: OrgUnitKind },
  opts: { institutionCode?: string | null; now: Date },
): Promise<InstitutionReview[]> {
  const limit = opts.institutionCode ? 10_000 : LISTED_PER_INSTITUTION;
  const only = opts.institutionCode ? 'AND u.code = $2' : 'AND $2::text IS NULL';
  const rows: Row[] = await m.query(
    `WITH items AS (
       SELECT 'QUERY_NOTE' AS kind, p.institution_code, p.id AS pupil_id, p.citizen_id,
              p.prefix || p.first_name || ' ' || p.last_name AS name, p.grade, p.query_note AS note, p.updated_at AS at
         FROM pupils p JOIN org_units u ON u.code = p.institution_code
        WHERE ${scopeOf(unit)} ${only} AND p.status = 'ACTIVE' AND p.queries <> '{}'::jsonb
       UNION ALL
       SELECT 'G_CODE', p.institution_code, p.id, p.citizen_id, p.prefix || p.first_name || ' ' || p.last_name,
              p.grade, p.nationality, p.enrolled_at
         FROM pupils p JOIN org_units u ON u.code = p.institution_code
        WHERE ${scopeOf(unit)} ${only} AND p.status = 'ACTIVE' AND p.id_kind = 'G_CODE'
       UNION ALL
       SELECT 'RECENT_REMOVAL', p.institution_code, p.id, p.citizen_id, p.prefix || p.first_name || ' ' || p.last_name,
              p.grade, p.removal_reason, p.removed_at
         FROM pupils p JOIN org_units u ON u.code = p.institution_code
        WHERE ${scopeOf(unit)} ${only} AND p.status = 'REMOVED' AND p.removed_at > $3::timestamptz - make_interval(days => $4)
       UNION ALL
       SELECT 'OVERDUE_TRANSFER', t.from_institution_code, t.from_pupil_id, t.citizen_id,
              coalesce(p.prefix || p.first_name || ' ' || p.last_name, ''), coalesce(p.grade, 'P1'), t.to_institution_code, t.requested_at
         FROM pupil_transfer_requests t JOIN org_units u ON u.code = t.from_institution_code
         LEFT JOIN pupils p ON p.id = t.from_pupil_id
        WHERE ${scopeOf(unit)} ${only} AND t.status = 'OPEN' AND t.requested_at < $3::timestamptz - make_interval(days => $5)
     ), ranked AS (
       SELECT items.*, row_number() OVER (PARTITION BY institution_code, kind ORDER BY at DESC NULLS LAST, pupil_id) AS r,
              count(*) OVER (PARTITION BY institution_code, kind)::int AS n
         FROM items
     )
     SELECT * FROM ranked WHERE r <= $6 ORDER BY institution_code, kind, r`,
    [
      unit.code,
      opts.institutionCode ?? null,
      opts.now.toISOString(),
      RECENT_REMOVAL_DAYS,
      TRANSFER_ANSWER_DAYS,
      limit,
    ],
  );
  const byInstitution = new Map<string, InstitutionReview>();
  const counted = new Set<string>();
  const COUNT: Record<ReviewKind, keyof InstitutionReview> = {
    QUERY_NOTE: 'queryNoteCount',
    G_CODE: 'gCodeCount',
    RECENT_REMOVAL: 'recentRemovalCount',
    OVERDUE_TRANSFER: 'overdueTransferCount',
  };
  for (const r of rows) {
    let review = byInstitution.get(r.institution_code);
    if (!review)
      byInstitution.set(
        r.institution_code,
        (review = {
          institutionCode: r.institution_code,
          queryNoteCount: 0,
          gCodeCount: 0,
          recentRemovalCount: 0,
          overdueTransferCount: 0,
          items: [],
        }),
      );
    const key = `${r.institution_code}|${r.kind}`;
    if (!counted.has(key)) {
      counted.add(key);
      (review[COUNT[r.kind]] as number) = r.n;
    }
    review.items.push({
      kind: r.kind,
      institutionCode: r.institution_code,
      pupilId: r.pupil_id,
      // Lists for the levels above: masked, whoever reads them.
      citizenId: citizenIdFor(null, r.institution_code, r.citizen_id),
      name: r.name,
      grade: r.grade,
      note: noteOf(r),
      at: r.at,
    });
  }
  return [...byInstitution.values()];
}
