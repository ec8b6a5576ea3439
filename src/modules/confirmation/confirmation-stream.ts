import type { EntityManager } from 'typeorm';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import type { EventMetadata } from '../../event-store/event';
import type { ConfirmationEvent } from './confirmation.events';
import { queryPrepared } from '../../db/query-prepared';
import type { EventStore } from '../../event-store/event-store.service';
import { CURRENT_ROUND_ORDER, findUnitLocked } from './confirmation.reads';
import { deadlineColumnsSql, deadlineFrom, type RoundDeadlines } from './confirmation-status';
import { confirmationAt, type ConfirmationView } from './confirmation.view';
import { confirmationStreamId, confirmationStreamType, type Dataset } from '../chain/dataset';

interface StreamRead extends RoundDeadlines {
  version: string | number | null;
  id: string | null;
  status: 'OPEN' | 'CLOSED' | null;
  confirmed: boolean | null;
  extension: string | null;
}

/**
 * What both confirming and revoking start with, in this order: the unit, the rounds lock (shared),
 * the unit's parent and the unit locked (ancestors first), all in one statement; then, in one
 * statement after the locks are held (so it sees everything committed before them), the version
 * of the stream the event will go on, the round, whether the unit's dataset is confirmed in it and
 * the unit's deadline. Everything read after the version is covered by the append's check.
 */
export async function openConfirmationStream(
  tx: EntityManager,
  orgUnitCode: string,
  dataset: Dataset,
  seen?: (row: OrgUnitRow) => void,
) {
  const unit = await findUnitLocked(tx, orgUnitCode, seen);
  const streamId = confirmationStreamId(unit.kind, unit.code, dataset);
  const [row] = await queryPrepared<StreamRead>(
    tx,
    'lec_confirmation_stream_v1',
    `SELECT (SELECT version FROM streams WHERE stream_id = $1) AS version, r.id, r.status,
            EXISTS (SELECT 1 FROM confirmations c WHERE c.round_id = r.id AND c.org_unit_code = $2
                       AND c.dataset = $3 AND c.confirmed) AS confirmed,
            ${deadlineColumnsSql('r')},
            (SELECT to_char(e.until, 'YYYY-MM-DD') FROM round_extensions e
              WHERE e.round_id = r.id AND e.org_unit_code = $2) AS extension
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT * FROM rounds ${CURRENT_ROUND_ORDER} LIMIT 1) r ON true`,
    [streamId, unit.code, dataset],
  );
  const version = row.version == null ? 0 : Number(row.version);
  const round = row.id ? { id: row.id, status: row.status! } : null;
  return {
    unit,
    round,
    streamId,
    version,
    /** Whether the unit's dataset is confirmed in that round. */
    confirmed: Boolean(round && row.confirmed),
    /** The unit's deadline in that round (by its level, or its extension). */
    deadline: round ? deadlineFrom(row, row.extension, unit.kind) : '',
  };
}

export async function record(
  store: EventStore,
  tx: EntityManager,
  at: { streamId: string; version: number },
  events: ConfirmationEvent[],
  metadata: EventMetadata,
): Promise<ConfirmationView> {
  const type = confirmationStreamType(at.streamId);
  const [recorded] = await store.append(tx, at.streamId, type, at.version, events, metadata);
  return confirmationAt(tx, recorded.globalPosition);
}
