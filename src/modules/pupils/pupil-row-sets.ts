import type { RecordedEvent } from '../../event-store/event';
import type { PupilRow } from './pupil.entity';
import type {
  PupilDetailsCorrected,
  PupilEnrolled,
  PupilEvent,
  PupilRemovedAsNonExistent,
} from './pupil.events';

/**
 * What a register write's event makes of the pupil's row, in one place for the two that need it:
 * the pupils projection writes it, and the command answers with it instead of reading the row back
 * after its commit (one round trip and one pooled connection less on every write of deadline day).
 * `pupil-row-sets.int.spec.ts` holds the answer to the row the database then holds, field by field.
 */

/** A correction: the changed details, the queries as they now stand, the time. */
export function correctedSet(e: RecordedEvent<PupilDetailsCorrected>): Partial<PupilRow> {
  return {
    ...e.data.changes,
    queries: e.data.queries,
    queryNote: e.data.queryNote,
    updatedAt: new Date(e.metadata.at),
  };
}

/** A removal as non-existent: REMOVED, why, by whom, when. */
export function removedSet(e: RecordedEvent<PupilRemovedAsNonExistent>): Partial<PupilRow> {
  const at = new Date(e.metadata.at);
  return {
    status: 'REMOVED',
    removalReason: e.data.reason,
    removalNote: e.data.note,
    removedAt: at,
    removedByAccount: e.metadata.accountId,
    removedByProfile: e.metadata.profileId,
    updatedAt: at,
  };
}

/**
 * PostgreSQL's order of a jsonb object's keys (shorter first, then bytewise), so an answer lists a
 * pupil's queries and extra columns as every later read of the row will.
 */
function asJsonb<T extends Record<string, unknown>>(o: T | null | undefined): T | null {
  if (o == null) return null;
  const bytes = (k: string) => Buffer.from(k, 'utf8');
  const keys = Object.keys(o).sort((a, b) => {
    const x = bytes(a);
    const y = bytes(b);
    return x.length - y.length || Buffer.compare(x, y);
  });
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as T;
}

/**
 * The row an enrolment makes, as the projection's INSERT … SELECT builds it from the event (every
 * column from the field of its name, NULL when absent; the id, ACTIVE, and the event's time).
 */
function enrolledRow(columns: readonly string[], e: RecordedEvent<PupilEnrolled>): PupilRow {
  const data = e.data as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const c of columns) row[c] = data[c] ?? null;
  const at = new Date(e.metadata.at);
  return { ...row, id: e.data.pupilId, status: 'ACTIVE', enrolledAt: at, updatedAt: at } as PupilRow;
}

/**
 * The pupil's row after a register write's events (`columns`: the row's property names), or null
 * when an event is not one of these (the caller then reads the row).
 */
export function pupilRowAfter(
  columns: readonly string[],
  before: PupilRow | null,
  events: readonly RecordedEvent<PupilEvent>[],
): PupilRow | null {
  let row = before;
  for (const e of events) {
    if (e.type === 'PupilEnrolled') row = enrolledRow(columns, e);
    else if (e.type === 'PupilDetailsCorrected' && row) row = { ...row, ...correctedSet(e) };
    else if (e.type === 'PupilRemovedAsNonExistent' && row) row = { ...row, ...removedSet(e) };
    else return null;
  }
  return row && { ...row, queries: asJsonb(row.queries)!, extra: asJsonb(row.extra)! };
}
