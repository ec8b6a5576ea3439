import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event';
import { conflictError } from '../../event-store/event-store';
import type { Projection } from '../../event-store/projection';
import {
  confirmationEventTypes,
  type ConfirmationEvent,
  type GradeSexCount,
} from '../confirmation/confirmation.events';
import { isFirstHolder, specOf, type Dataset, type FiguresSection } from '../confirmation/dataset';
import type { OrgUnitKind } from '../org-units/org-unit-kind';
import { countColumn, countColumns } from './figures.model';

const columns = countColumns.map((c) => c.column);

const UPSERT = `
INSERT INTO confirmed_counts_by_lao (round_id, lao_code, part, ${columns.join(', ')})
SELECT round_id, lao_code, part, ${columns.join(', ')}
  FROM jsonb_to_recordset($1::text::jsonb)
       AS r(round_id varchar, lao_code varchar, part varchar, ${columns.map((c) => `${c} integer`).join(', ')})
 ORDER BY round_id, lao_code, part
ON CONFLICT (round_id, lao_code, part) DO UPDATE SET
  ${columns.map((c) => `${c} = confirmed_counts_by_lao.${c} + EXCLUDED.${c}`).join(', ')}`;

const DELETE_EMPTY = `
DELETE FROM confirmed_counts_by_lao
 WHERE round_id = ANY($1::text[]) AND lao_code = ANY($2::text[]) AND ${columns.join(' + ')} = 0`;

export type ConfirmedPart = FiguresSection;

type Row = Record<string, number | string>;

/** Which confirmations make confirmed figures: a first holder's (an institution's register, an LAO's funded-school counts). */
function partOf(kind: OrgUnitKind, dataset: Dataset): ConfirmedPart | null {
  return isFirstHolder(kind, dataset) ? specOf(dataset).section : null;
}

async function apply(tx: EntityManager, events: readonly RecordedEvent<ConfirmationEvent>[]): Promise<void> {
  const codes = [...new Set(events.map((e) => e.data.orgUnitCode))];
  const units = new Map<string, { kind: OrgUnitKind; lao: string }>(
    (
      (await tx.query(`SELECT code, kind, lao_code FROM org_units WHERE code = ANY($1::text[])`, [
        codes,
      ])) as {
        code: string;
        kind: OrgUnitKind;
        lao_code: string;
      }[]
    ).map((u) => [u.code, { kind: u.kind, lao: u.lao_code }]),
  );
  // A revocation takes back what was confirmed: the counts confirmed earlier in this batch, or on the row.
  const confirmedNow = new Map<string, GradeSexCount[]>();
  const deltas = new Map<string, Row>();
  for (const e of events) {
    const d = e.data;
    const unit = units.get(d.orgUnitCode);
    const part = unit && partOf(unit.kind, d.dataset);
    if (!unit || !part) continue;
    const key = `${d.roundId}|${d.orgUnitCode}|${d.dataset}`;
    let counts: GradeSexCount[];
    let sign: 1 | -1;
    if (e.type === 'DatasetConfirmed') {
      counts = e.data.counts;
      sign = 1;
      confirmedNow.set(key, counts);
    } else {
      sign = -1;
      counts =
        confirmedNow.get(key) ??
        ((
          await tx.query(
            `SELECT counts FROM confirmations WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3 AND confirmed`,
            [d.roundId, d.orgUnitCode, d.dataset],
          )
        )[0]?.counts as GradeSexCount[] | undefined) ??
        [];
      confirmedNow.delete(key);
    }
    const id = `${d.roundId}|${unit.lao}|${part}`;
    let row = deltas.get(id);
    if (!row) {
      row = { round_id: d.roundId, lao_code: unit.lao, part };
      for (const c of columns) row[c] = 0;
      deltas.set(id, row);
    }
    for (const c of counts) (row[countColumn(c.grade, c.sex)] as number) += sign * c.count;
  }
  const changed = [...deltas.values()].filter((r) => columns.some((c) => r[c] !== 0));
  if (!changed.length) return;
  await tx.query(UPSERT, [JSON.stringify(changed)]);
  await tx.query(DELETE_EMPTY, [
    [...new Set(changed.map((r) => r.round_id))],
    [...new Set(changed.map((r) => r.lao_code))],
  ]);
}

/**
 * The standing confirmed figures per round and LAO, kept from the confirmation events: a
 * confirmation adds its frozen counts, a revocation takes them back. Runs before the confirmations
 * projection, whose row still holds the counts a revocation takes back.
 */
export const confirmedCountsProjection: Projection = {
  name: 'confirmed-counts',
  handles: confirmationEventTypes,
  tables: ['confirmed_counts_by_lao'],
  async apply(tx, events) {
    try {
      await apply(tx, events as readonly RecordedEvent<ConfirmationEvent>[]);
    } catch (e) {
      const err = e as { code?: string; driverError?: { code?: string } };
      if ((err?.driverError?.code ?? err?.code) === '40P01') throw conflictError('confirmed-counts');
      throw e;
    }
  },
};
