import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { SpotCheckPupilRow, SpotCheckRow } from './spot-check.entity';
import { spotCheckEventTypes, type SpotCheckEvent } from './spot-check.events';

export const spotChecksProjection: Projection = {
  name: 'spot-checks',
  handles: spotCheckEventTypes,
  tables: ['spot_checks', 'spot_check_pupils'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<SpotCheckEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'SpotCheckDrawn': {
          const { spotCheckId, drawn, ...d } = e.data;
          await tx.insert(SpotCheckRow, {
            id: spotCheckId,
            ...d,
            drawnAt: at,
            drawnByAccount: e.metadata.accountId,
            drawnByProfile: e.metadata.profileId,
          });
          if (drawn.length)
            await tx.insert(
              SpotCheckPupilRow,
              drawn.map((m, i) => ({
                spotCheckId,
                pupilId: m.pupilId,
                institutionCode: m.institutionCode,
                position: i + 1,
                result: null,
                note: null,
                recordedAt: null,
                recordedByAccount: null,
                recordedByProfile: null,
              })),
            );
          break;
        }
        case 'SpotCheckResultRecorded': {
          const { spotCheckId, pupilId, result, note } = e.data;
          await tx.update(
            SpotCheckPupilRow,
            { spotCheckId, pupilId },
            {
              result,
              note,
              recordedAt: at,
              recordedByAccount: e.metadata.accountId,
              recordedByProfile: e.metadata.profileId,
            },
          );
          break;
        }
      }
    }
  },
};
