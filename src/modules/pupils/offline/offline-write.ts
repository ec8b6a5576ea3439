import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../../event-store/event';
import { conflictError } from '../../../event-store/event-store';
import { badInput, LecError } from '../../../shared/errors';
import type { PupilRow } from '../pupil.entity';

/**
 * A register write queued on a device while offline (issue 15) and sent when the connection
 * returns: an idempotency key per queued command, and the version of the institution's stream
 * the device had when the command was made.
 * - The key is recorded with the result in the transaction that appends the events; the same key
 *   again returns that result and appends nothing (a resend after a lost answer is not a second
 *   enrolment). A refusal appends nothing and records nothing: sending it again decides again.
 * - `basedOnVersion`: if the pupil the command is about was changed on the stream after that
 *   version by anything but this device's own queued commands, the command is refused with
 *   CONFLICT, so an offline correction never silently overwrites a newer one.
 * Keys are `<device id>:<command id>`; the device id tells this device's own writes apart.
 */
export interface OfflineWrite {
  idempotencyKey?: string | null;
  basedOnVersion?: number | null;
}

export interface OfflineContext extends OfflineWrite {
  accountId: string | null;
  operation: string;
}

const KEY = /^[A-Za-z0-9_-]{8,40}:[A-Za-z0-9_-]{8,58}$/;

export function checkOfflineWrite(w: OfflineWrite): void {
  if (w.idempotencyKey != null && !KEY.test(w.idempotencyKey))
    throw badInput({ idempotencyKey: 'รหัสคำสั่งไม่ถูกต้อง (รูปแบบ อุปกรณ์:คำสั่ง)' });
  if (w.basedOnVersion != null && (!Number.isInteger(w.basedOnVersion) || w.basedOnVersion < 0))
    throw badInput({ basedOnVersion: 'เลขรุ่นของข้อมูลต้องเป็นจำนวนเต็มไม่ติดลบ' });
}

const DATES = ['removedAt', 'leftAt', 'enrolledAt', 'updatedAt'] as const;

/** The result recorded for a key, or null when the key is new. A key of another account or operation is refused. */
export async function replayed(tx: EntityManager, w: OfflineContext): Promise<PupilRow | null> {
  if (!w.idempotencyKey) return null;
  // Two sends of one key at once: the second waits here until the first commits, then finds its
  // result (without the lock it could decide on the first's pupil and refuse it as a duplicate).
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `idempotency:${w.idempotencyKey}`,
  ]);
  const [row]: { account_id: string; operation: string; result: Record<string, unknown> }[] = await tx.query(
    `SELECT account_id, operation, result FROM idempotency_keys WHERE key = $1`,
    [w.idempotencyKey],
  );
  if (!row) return null;
  if (row.account_id !== w.accountId || row.operation !== w.operation)
    throw badInput({ idempotencyKey: 'รหัสคำสั่งนี้ถูกใช้กับคำสั่งอื่นแล้ว' });
  const result = { ...row.result };
  for (const d of DATES) if (typeof result[d] === 'string') result[d] = new Date(result[d] as string);
  return result as unknown as PupilRow;
}

/** CONFLICT when the pupil changed on the stream after `basedOnVersion`, other than by this device's queue. */
export async function assertNotStale(
  tx: EntityManager,
  streamId: string,
  pupilId: string,
  w: OfflineContext,
): Promise<void> {
  if (w.basedOnVersion == null) return;
  const device = w.idempotencyKey ? w.idempotencyKey.slice(0, w.idempotencyKey.indexOf(':') + 1) : null;
  const [hit] = await tx.query(
    `SELECT e.type FROM events e
      WHERE e.stream_id = $1 AND e.stream_version > $2 AND e.data ->> 'pupilId' = $3
        AND NOT EXISTS (SELECT 1 FROM idempotency_keys k
                         WHERE $4::text IS NOT NULL AND k.stream_id = $1 AND left(k.key, length($4)) = $4
                           AND e.global_position BETWEEN k.first_position AND k.last_position)
      LIMIT 1`,
    [streamId, w.basedOnVersion, pupilId, device],
  );
  if (hit)
    throw new LecError(
      'CONFLICT',
      'ข้อมูลนักเรียนรายนี้ถูกแก้ไขในระบบหลังจากที่ท่านบันทึกไว้ขณะไม่มีสัญญาณ กรุณาเปิดข้อมูลล่าสุด ตรวจสอบ แล้วบันทึกใหม่ หรือยกเลิกรายการนี้',
      { staleSince: w.basedOnVersion },
    );
}

/** Records the key with the result, in the transaction that appended `events`. */
export async function remember(
  tx: EntityManager,
  streamId: string,
  w: OfflineContext,
  events: readonly RecordedEvent[],
  result: PupilRow,
): Promise<void> {
  if (!w.idempotencyKey) return;
  // A concurrent send of the same key: it waits for the other, then retries and finds its result.
  const inserted: unknown[] = await tx.query(
    `INSERT INTO idempotency_keys (key, account_id, operation, stream_id, first_position, last_position, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [
      w.idempotencyKey,
      w.accountId,
      w.operation,
      streamId,
      events[0]?.globalPosition ?? null,
      events[events.length - 1]?.globalPosition ?? null,
      JSON.stringify(result),
    ],
  );
  if (!inserted.length) throw conflictError(streamId);
}
