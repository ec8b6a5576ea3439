import type { EntityManager } from 'typeorm';

export interface ProvinceTargetsView {
  provinceCode: string;
  roundId: string;
  institutionTarget: string;
  laoTarget: string;
  note: string | null;
  setAt: Date;
  setByAccount: string | null;
  setByProfile: string | null;
}

export async function openRoundDeadlines(tx: EntityManager) {
  const [round]: { id: string; institutionDeadline: string; laoDeadline: string }[] = await tx.query(
    `SELECT id, institution_deadline::text AS "institutionDeadline", lao_deadline::text AS "laoDeadline"
       FROM rounds WHERE status = 'OPEN' LIMIT 1`,
  );
  return round ?? null;
}

/** The province's targets in a round (default: the open round), or null when it set none. */
export async function targetsOf(
  tx: EntityManager,
  provinceCode: string,
  roundId?: string | null,
): Promise<ProvinceTargetsView | null> {
  const [row] = await tx.query(
    `SELECT province_code AS "provinceCode", round_id AS "roundId", institution_target::text AS "institutionTarget",
            lao_target::text AS "laoTarget", note, set_at AS "setAt", set_by_account AS "setByAccount",
            set_by_profile AS "setByProfile"
       FROM province_targets
      WHERE province_code = $1 AND round_id = COALESCE($2, (SELECT id FROM rounds WHERE status = 'OPEN' LIMIT 1))`,
    [provinceCode, roundId ?? null],
  );
  return (row as ProvinceTargetsView) ?? null;
}
