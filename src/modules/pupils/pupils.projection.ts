import { In, type EntityManager } from 'typeorm';
import { bulkInsert, insertSelectFromJson } from '../../db/bulk-insert';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { PupilPromotionRow, promotionId } from './pupil-promotion.entity';
import { PupilRow } from './pupil.entity';
import { pupilEventTypes, type PupilEvent } from './pupil.events';
import { correctedSet, removedSet } from './pupil-row-sets';

const NOT_LEFT = {
  leftReason: null,
  leftOn: null,
  leftNote: null,
  leftToInstitutionCode: null,
  leftAt: null,
};

/**
 * Inserts the pupils of PupilEnrolled events by one INSERT … SELECT from the events themselves (in
 * the `events` table already: appended in this transaction, or replayed from it), so the batch's data
 * does not travel to the database a second time. The row is made as a spread of the event's data
 * would be (`insertSelectFromJson`), with the id, ACTIVE, and the event's time as enrolled and
 * updated at; positions pick the events exactly (another writer's events can sit between them).
 */
async function insertEnrolled(tx: EntityManager, positions: readonly number[]): Promise<void> {
  await insertSelectFromJson(tx, PupilRow, {
    json: 'e.data',
    set: {
      id: `e.data ->> 'pupilId'`,
      status: `'ACTIVE'`,
      enrolledAt: `(e.metadata ->> 'at')::timestamptz`,
      updatedAt: `(e.metadata ->> 'at')::timestamptz`,
    },
    from: `events e WHERE e.global_position = ANY($1::bigint[]) AND e.type = 'PupilEnrolled' ORDER BY e.global_position`,
    params: [positions],
    // Every enrolment of deadline day runs it (a rebuild too, in batches): parsed once per connection.
    preparedAs: 'lec_pupils_insert_enrolled_v1',
  });
}

export const pupilsProjection: Projection = {
  name: 'pupils',
  handles: pupilEventTypes,
  tables: ['pupils', 'pupil_promotions'],
  async apply(tx, events) {
    // Consecutive inserts go in one statement, and so do consecutive updates that set the same
    // values (a promotion moves a whole grade at once). One kind is flushed before the other is
    // queued, so the rows change in the order of the events (a transfer's leave before its arrival).
    const enrolled: number[] = [];
    const arrived: Partial<PupilRow>[] = [];
    let pending: { key: string; set: Partial<PupilRow>; ids: string[] } | null = null;
    const flushInserts = async () => {
      if (enrolled.length) await insertEnrolled(tx, enrolled.splice(0));
      if (arrived.length) await bulkInsert(tx, PupilRow, arrived.splice(0));
    };
    const flushUpdates = async () => {
      if (pending) await tx.update(PupilRow, { id: In(pending.ids) }, pending.set);
      pending = null;
    };
    const flush = async () => {
      await flushInserts();
      await flushUpdates();
    };
    const insert = async (row: Partial<PupilRow>) => {
      await flushUpdates();
      arrived.push(row);
    };
    const update = async (id: string, set: Partial<PupilRow>) => {
      await flushInserts();
      const key = JSON.stringify(set);
      if (pending?.key !== key) await flushUpdates();
      pending ??= { key, set, ids: [] };
      pending.ids.push(id);
    };
    for (const e of events as readonly RecordedEvent<PupilEvent>[]) {
      if (e.type === 'PupilEnrolled') {
        // Neither data nor metadata read here: a rebuild does not fetch them (withoutData).
        await flushUpdates();
        enrolled.push(e.globalPosition);
        continue;
      }
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'PupilTransferredIn': {
          const {
            pupilId,
            fromInstitutionCode,
            date,
            note: _note,
            transferRequestId: _request,
            ...d
          } = e.data;
          await insert({
            ...d,
            id: pupilId,
            status: 'ACTIVE',
            transferredInFromCode: fromInstitutionCode,
            transferredInOn: date,
            enrolledAt: at,
            updatedAt: at,
          });
          break;
        }
        case 'PupilDetailsCorrected':
          await flush();
          await tx.update(PupilRow, { id: e.data.pupilId }, correctedSet(e));
          break;
        case 'PupilRemovedAsNonExistent':
          await flush();
          await tx.update(PupilRow, { id: e.data.pupilId }, removedSet(e));
          break;
        case 'PupilLeft':
          await update(e.data.pupilId, {
            status: 'LEFT',
            leftReason: e.data.reason,
            leftOn: e.data.date,
            leftNote: e.data.note,
            leftToInstitutionCode: e.data.toInstitutionCode ?? null,
            leftAt: at,
            // Only a graduation by the year's promotion can be held back.
            promotedYear: e.data.promotionYear ?? null,
            promotedFrom: null,
            updatedAt: at,
          });
          break;
        case 'PupilPromoted':
          await update(e.data.pupilId, {
            grade: e.data.toGrade,
            promotedYear: e.data.academicYear,
            promotedFrom: e.data.fromGrade,
            updatedAt: at,
          });
          break;
        case 'PupilHeldBack':
          await update(e.data.pupilId, {
            ...NOT_LEFT,
            status: 'ACTIVE',
            grade: e.data.grade,
            promotedYear: null,
            promotedFrom: null,
            updatedAt: at,
          });
          break;
        case 'PromotionCompleted': {
          await flush();
          const { institutionCode, academicYear, ...counts } = e.data;
          await tx.insert(PupilPromotionRow, {
            id: promotionId(institutionCode, academicYear),
            institutionCode,
            academicYear,
            ...counts,
            promotedAt: at,
            accountId: e.metadata.accountId,
            profileId: e.metadata.profileId,
          });
          break;
        }
      }
    }
    await flush();
  },
  // Read during a replay by primary key only (updates by id); the enrolment counts read it after.
  // Enrolments are read from the events table (insertEnrolled).
  replay: { deferIndexes: ['pupils'], withoutData: ['PupilEnrolled'] },
};
