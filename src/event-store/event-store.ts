import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../db/query-prepared';
import { LecError } from '../shared/errors';
import type { Event, EventMetadata, RecordedEvent } from './event';

/**
 * Appends a batch to a stream in one statement and one round trip: the stream's version check,
 * its update and the insert of every event. A stream is new when `expectedVersion` is 0; a
 * concurrent writer leaves the version check matching no row, so nothing is inserted and the
 * caller gets CONFLICT (the unique (stream_id, stream_version) key is the backstop).
 */
export const APPEND_SQL = `
WITH bumped AS (
  UPDATE streams SET version = version + $4, updated_at = now()
   WHERE stream_id = $1 AND version = $3 AND $3 > 0
  RETURNING version - $4 AS base
), created AS (
  INSERT INTO streams (stream_id, stream_type, version, updated_at)
  SELECT $1, $2, $4, now() WHERE $3 = 0
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING 0::bigint AS base
), head AS (
  SELECT base FROM bumped UNION ALL SELECT base FROM created
)
INSERT INTO events (stream_id, stream_version, type, data, metadata)
SELECT $1, head.base + e.ord, e.item->>'type', e.item->'data', $6::text::jsonb
  FROM head, jsonb_array_elements($5::text::jsonb) WITH ORDINALITY AS e(item, ord)
RETURNING global_position, stream_version, recorded_at`;

const UNIQUE_VIOLATION = '23505';

interface EventRow {
  global_position: number;
  stream_id: string;
  stream_version: number;
  type: string;
  data: object;
  metadata: EventMetadata;
  recorded_at: Date;
}

type AppendRow = Pick<EventRow, 'global_position' | 'stream_version' | 'recorded_at'>;

function runAppend(manager: EntityManager, values: unknown[]): Promise<AppendRow[]> {
  return queryPrepared<AppendRow>(manager, 'lec_append_v1', APPEND_SQL, values);
}

export interface AppendResult<E extends Event> {
  nextExpectedVersion: number;
  events: RecordedEvent<E>[];
}

export function conflictError(streamId: string): LecError {
  return new LecError('CONFLICT', undefined, { streamId });
}

function driverCode(e: unknown): string | undefined {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.driverError?.code ?? err?.code;
}

export function isUniqueViolation(e: unknown): boolean {
  return driverCode(e) === UNIQUE_VIOLATION;
}

export async function appendToStream<E extends Event>(
  manager: EntityManager,
  streamId: string,
  streamType: string,
  expectedVersion: number,
  events: readonly E[],
  metadata: EventMetadata,
): Promise<AppendResult<E>> {
  if (events.length === 0) return { nextExpectedVersion: expectedVersion, events: [] };
  const batch = JSON.stringify(events.map((e) => ({ type: e.type, data: e.data })));
  let rows: AppendRow[];
  try {
    rows = await runAppend(manager, [
      streamId,
      streamType,
      expectedVersion,
      events.length,
      batch,
      JSON.stringify(metadata),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflictError(streamId);
    throw e;
  }
  if (rows.length !== events.length) throw conflictError(streamId);
  // RETURNING gives no order guarantee: match each row to its event by stream version.
  const recorded = rows
    .map((r) => {
      const streamVersion = Number(r.stream_version);
      const event = events[streamVersion - expectedVersion - 1];
      return {
        globalPosition: Number(r.global_position),
        streamId,
        streamVersion,
        type: event.type,
        data: event.data,
        metadata,
        recordedAt: r.recorded_at,
      };
    })
    .sort((a, b) => a.streamVersion - b.streamVersion) as RecordedEvent<E>[];
  return { nextExpectedVersion: expectedVersion + events.length, events: recorded };
}

function toRecorded<E extends Event>(r: EventRow): RecordedEvent<E> {
  return {
    globalPosition: Number(r.global_position),
    streamId: r.stream_id,
    streamVersion: Number(r.stream_version),
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    recordedAt: r.recorded_at,
  } as RecordedEvent<E>;
}

/**
 * A stream's events in order; with `dataContains`, only those whose data contain it (e.g. one
 * pupil's events on an institution's stream), filtered by the database rather than in memory.
 */
export async function readStream<E extends Event>(
  manager: EntityManager,
  streamId: string,
  dataContains?: Record<string, unknown>,
): Promise<RecordedEvent<E>[]> {
  const rows: EventRow[] = await manager.query(
    `SELECT global_position, stream_id, stream_version, type, data, metadata, recorded_at
       FROM events WHERE stream_id = $1 AND ($2::text IS NULL OR data @> $2::text::jsonb) ORDER BY stream_version`,
    [streamId, dataContains ? JSON.stringify(dataContains) : null],
  );
  return rows.map((r) => toRecorded<E>(r));
}

/**
 * Events in global order after a position: for rebuilds and as-of replays. Events of the types in
 * `withoutData` come with null data and metadata (a rebuild that reads those in SQL need not parse them).
 */
export async function readAll(
  manager: EntityManager,
  afterPosition: number,
  limit: number,
  withoutData: readonly string[] = [],
): Promise<RecordedEvent[]> {
  const rows: EventRow[] = await manager.query(
    withoutData.length
      ? `SELECT global_position, stream_id, stream_version, type,
                CASE WHEN type = ANY($3::text[]) THEN NULL ELSE data END AS data,
                CASE WHEN type = ANY($3::text[]) THEN NULL ELSE metadata END AS metadata, recorded_at
           FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`
      : `SELECT global_position, stream_id, stream_version, type, data, metadata, recorded_at
           FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
    withoutData.length ? [afterPosition, limit, withoutData] : [afterPosition, limit],
  );
  return rows.map((r) => toRecorded(r));
}

export async function streamVersion(manager: EntityManager, streamId: string): Promise<number> {
  const rows: { version: number }[] = await manager.query(
    'SELECT version FROM streams WHERE stream_id = $1',
    [streamId],
  );
  return rows.length ? Number(rows[0].version) : 0;
}
