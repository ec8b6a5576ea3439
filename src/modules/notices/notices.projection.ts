import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import type { RoundDeadlinesChanged, RoundOpened } from '../rounds/round.events';
import { noticeEventTypes, type NoticeEvent } from './notice.events';
import { roundDeadlinesChangedNotice, roundOpenedNotice } from './round-notice';

async function insertNotice(
  tx: EntityManager,
  e: RecordedEvent,
  n: {
    id: string;
    fromUnitCode: string;
    fromKind: string;
    title: string;
    body: string;
    provinceCodes: string[] | null;
    unitCodes: string[] | null;
    kinds: string[] | null;
    roundId: string | null;
  },
) {
  await tx.query(
    `INSERT INTO notices (id, from_unit, from_kind, title, body, province_codes, unit_codes, kinds, round_id,
       posted_at, posted_by_account, posted_by_profile)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      n.id,
      n.fromUnitCode,
      n.fromKind,
      n.title,
      n.body,
      n.provinceCodes,
      n.unitCodes,
      n.kinds,
      n.roundId,
      e.metadata.at,
      e.metadata.accountId,
      e.metadata.profileId,
    ],
  );
}

/**
 * Read model `notices`: the notices posted, and the ones a round posts by itself — its opening
 * and any change of its deadlines, from the department to everyone (derived from the round's
 * events, so a rebuild makes the same notices).
 */
export const noticesProjection: Projection = {
  name: 'notices',
  handles: [...noticeEventTypes, 'RoundOpened', 'RoundDeadlinesChanged'],
  tables: ['notices'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<NoticeEvent | RoundOpened | RoundDeadlinesChanged>[]) {
      const everyone = {
        fromUnitCode: 'DLA',
        fromKind: 'DEPARTMENT',
        provinceCodes: null,
        unitCodes: null,
        kinds: null,
      };
      switch (e.type) {
        case 'NoticePosted': {
          const { noticeId, ...d } = e.data;
          await insertNotice(tx, e, { id: noticeId, ...d });
          break;
        }
        case 'RoundOpened':
          await insertNotice(tx, e, {
            id: `round-${e.data.roundId}-opened`,
            ...everyone,
            ...roundOpenedNotice(e.data),
            roundId: e.data.roundId,
          });
          break;
        case 'RoundDeadlinesChanged':
          await insertNotice(tx, e, {
            id: `round-${e.data.roundId}-deadlines-${e.globalPosition}`,
            ...everyone,
            ...roundDeadlinesChangedNotice(e.data),
            roundId: e.data.roundId,
          });
          break;
      }
    }
  },
};
