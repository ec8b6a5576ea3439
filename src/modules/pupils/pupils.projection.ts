import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { PupilRow } from './pupil.entity';
import { pupilEventTypes, type PupilEvent } from './pupil.events';

export const pupilsProjection: Projection = {
  name: 'pupils',
  handles: pupilEventTypes,
  tables: ['pupils'],
  async apply(tx, events) {
    const enrolled: Partial<PupilRow>[] = [];
    const flush = async () => {
      if (enrolled.length)
        await tx.createQueryBuilder().insert().into(PupilRow).values(enrolled.splice(0)).execute();
    };
    for (const e of events as readonly RecordedEvent<PupilEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'PupilEnrolled': {
          const { pupilId, ...d } = e.data;
          enrolled.push({ ...d, id: pupilId, status: 'ACTIVE', enrolledAt: at, updatedAt: at });
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
      }
    }
    await flush();
  },
};
