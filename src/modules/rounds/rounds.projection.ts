import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { RoundExtensionRow, RoundRow } from './round.entity';
import { roundEventTypes, type RoundEvent } from './round.events';

export const roundsProjection: Projection = {
  name: 'rounds',
  handles: roundEventTypes,
  tables: ['rounds', 'round_extensions'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<RoundEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'RoundOpened': {
          const { roundId, ...d } = e.data;
          await tx.insert(RoundRow, { id: roundId, ...d, status: 'OPEN', openedAt: at, closedAt: null });
          break;
        }
        case 'RoundDeadlinesChanged': {
          const { roundId, ...d } = e.data;
          await tx.update(RoundRow, { id: roundId }, d);
          break;
        }
        case 'DeadlineExtended': {
          const { roundId, orgUnitCode, until, reason } = e.data;
          await tx.upsert(RoundExtensionRow, { roundId, orgUnitCode, until, reason, grantedAt: at }, [
            'roundId',
            'orgUnitCode',
          ]);
          break;
        }
        case 'RoundClosed':
          await tx.update(RoundRow, { id: e.data.roundId }, { status: 'CLOSED', closedAt: at });
          break;
      }
    }
  },
};
