import type { EntityManager } from 'typeorm';
import { registerDataset, type Dataset } from '../chain/dataset';
import type { GradeSexCount } from '../confirmation/confirmation.events';
import { countColumns } from '../figures/figures.model';
import { countsKey, FiguresReplay, type AuditDiscrepancy, type StoredEvent } from './figures-replay';

const BATCH = 5_000;

export interface FiguresAuditView {
  roundId: string | null;
  eventsReplayed: number;
  confirmationsChecked: number;
  confirmationsInForce: number;
  discrepancies: AuditDiscrepancy[];
  ok: boolean;
}

interface ConfirmationRow {
  round_id: string;
  org_unit_code: string;
  dataset: Dataset;
  confirmed_position: string;
  total: number | null;
  counts: GradeSexCount[];
}

const norm = countsKey;

/**
 * The figures audit (issue #11): replays the whole event log (FiguresReplay checks every
 * confirmation against what the events say at its moment), then compares the read models with the
 * replay — every confirmation in force in `confirmations`, and every institution's live register
 * total in `enrolment_counts`. With a round, only that round's confirmations are reported.
 */
export async function auditFigures(
  m: EntityManager,
  roundId: string | null = null,
): Promise<FiguresAuditView> {
  const replay = new FiguresReplay();
  let after = 0;
  let replayed = 0;
  for (;;) {
    const rows: { global_position: string; stream_id: string; type: string; data: object }[] = await m.query(
      `SELECT global_position, stream_id, type, data FROM events WHERE global_position > $1
        ORDER BY global_position LIMIT ${BATCH}`,
      [after],
    );
    for (const r of rows)
      replay.feed({
        globalPosition: Number(r.global_position),
        streamId: r.stream_id,
        type: r.type,
        data: r.data,
      } satisfies StoredEvent);
    replayed += rows.length;
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1].global_position);
  }
  replay.finish();
  const found = [...replay.discrepancies];

  const stored: ConfirmationRow[] = await m.query(
    `SELECT round_id, org_unit_code, dataset, confirmed_position, total, counts FROM confirmations WHERE confirmed`,
  );
  const byKey = new Map(stored.map((r) => [`${r.round_id}|${r.org_unit_code}|${r.dataset}`, r]));
  const readModel = (d: Omit<AuditDiscrepancy, 'kind' | 'message'>, what: string) =>
    found.push({
      ...d,
      kind: 'READ_MODEL_MISMATCH',
      message: `${d.orgUnitCode} รอบ ${d.roundId ?? '-'}: ${what} (ตามเหตุการณ์ ${d.expected ?? '-'}, ในตารางสรุป ${d.actual ?? '-'})`,
    });
  for (const [k, f] of replay.inForce) {
    const row = byKey.get(k);
    byKey.delete(k);
    const base = { roundId: f.roundId, orgUnitCode: f.code, dataset: f.dataset, expected: f.total };
    if (!row) readModel({ ...base, actual: null }, 'ยืนยันอยู่ตามเหตุการณ์ แต่ตารางสรุปการยืนยันไม่มี');
    else if (
      Number(row.confirmed_position) !== f.position ||
      row.total !== f.total ||
      norm(row.counts) !== norm(f.counts)
    )
      readModel({ ...base, actual: row.total }, 'ตัวเลขที่ยืนยันในตารางสรุปไม่ตรงกับเหตุการณ์');
  }
  for (const row of byKey.values())
    readModel(
      {
        roundId: row.round_id,
        orgUnitCode: row.org_unit_code,
        dataset: row.dataset,
        expected: null,
        actual: row.total,
      },
      'ตารางสรุปว่ายืนยันอยู่ แต่ตามเหตุการณ์ไม่ได้ยืนยันอยู่',
    );

  // The live registers: each institution's total on the counts read model against the replay.
  const live: { code: string; total: number }[] = await m.query(
    `SELECT institution_code AS code, sum(${countColumns.map((c) => c.column).join(' + ')})::int AS total
       FROM enrolment_counts GROUP BY institution_code`,
  );
  const liveBy = new Map(live.map((r) => [r.code, Number(r.total)]));
  for (const [code, register] of replay.registers) {
    const expected = [...register.values()].filter((p) => p.active).length;
    const actual = liveBy.get(code) ?? 0;
    liveBy.delete(code);
    const unit = replay.units.get(code);
    if (expected !== actual && unit)
      readModel(
        { roundId: null, orgUnitCode: code, dataset: registerDataset(unit.kind), expected, actual },
        'จำนวนในทะเบียนปัจจุบันในตารางสรุปไม่ตรงกับเหตุการณ์',
      );
  }
  for (const [code, actual] of liveBy)
    if (actual) {
      const unit = replay.units.get(code);
      readModel(
        {
          roundId: null,
          orgUnitCode: code,
          dataset: unit ? registerDataset(unit.kind) : 'PUPILS',
          expected: 0,
          actual,
        },
        'ตารางสรุปมีนักเรียนที่ไม่มีในเหตุการณ์',
      );
    }

  const discrepancies = roundId ? found.filter((d) => d.roundId === roundId || d.roundId === null) : found;
  return {
    roundId,
    eventsReplayed: replayed,
    confirmationsChecked: replay.confirmationsChecked,
    confirmationsInForce: [...replay.inForce.values()].filter((f) => !roundId || f.roundId === roundId)
      .length,
    discrepancies,
    ok: discrepancies.length === 0,
  };
}
