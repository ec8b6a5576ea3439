import { In } from 'typeorm';
import { bulkInsert } from '../../db/bulk-insert';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { PupilPromotionRow, promotionId } from './pupil-promotion.entity';
import { PupilRow } from './pupil.entity';
import { pupilEventTypes, type PupilEvent } from './pupil.events';

const NOT_LEFT = {
  leftReason: null,
  leftOn: null,
  leftNote: null,
  leftToInstitutionCode: null,
  leftAt: null,
};

export const pupilsProjection: Projection = {
  name: 'pupils',
  handles: pupilEventTypes,
  tables: ['pupils', 'pupil_promotions'],
  async apply(tx, events) {
    // Consecutive inserts go in one statement, and so do consecutive updates that set the same
    // values (a promotion moves a whole grade at once). One kind is flushed before the other is
    // queued, so the rows change in the order of the events (a transfer's leave before its arrival).
    const enrolled: Partial<PupilRow>[] = [];
    let pending: { key: string; set: Partial<PupilRow>; ids: string[] } | null = null;
    const flushInserts = async () => {
      if (enrolled.length) await bulkInsert(tx, PupilRow, enrolled.splice(0));
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
      enrolled.push(row);
    };
    const update = async (id: string, set: Partial<PupilRow>) => {
      await flushInserts();
      const key = JSON.stringify(set);
      if (pending?.key !== key) await flushUpdates();
      pending ??= { key, set, ids: [] };
      pending.ids.push(id);
    };
    for (const e of events as readonly RecordedEvent<PupilEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'PupilEnrolled': {
          const { pupilId, ...d } = e.data;
          await insert({ ...d, id: pupilId, status: 'ACTIVE', enrolledAt: at, updatedAt: at });
          break;
        }
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
          await tx.update(
            PupilRow,
            { id: e.data.pupilId },
            { ...e.data.changes, queries: e.data.queries, queryNote: e.data.queryNote, updatedAt: at },
          );
          break;
        case 'PupilRemovedAsNonExistent':
          await flush();
          await tx.update(
            PupilRow,
            { id: e.data.pupilId },
            {
              status: 'REMOVED',
              removalReason: e.data.reason,
              removalNote: e.data.note,
              removedAt: at,
              removedByAccount: e.metadata.accountId,
              removedByProfile: e.metadata.profileId,
              updatedAt: at,
            },
          );
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
};
