import { bulkUpsert } from '../../db/bulk-insert';
import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { OtherSchoolCountRow, OtherSchoolRecordRow } from './other-school-counts.entity';
import { otherSchoolEventTypes, type OtherSchoolEvent } from './other-school.events';

/** Schools per upsert: one JSON parameter each, a few hundred KB. */
const CHUNK = 5_000;

export const otherSchoolCountsProjection: Projection = {
  name: 'other-school-counts',
  handles: otherSchoolEventTypes,
  tables: ['other_school_records', 'other_school_counts'],
  async apply(tx, events) {
    // Each event holds a school's whole record, so only the latest one per school matters.
    const latest = new Map<string, RecordedEvent<OtherSchoolEvent>>();
    for (const e of events as readonly RecordedEvent<OtherSchoolEvent>[]) {
      switch (e.type) {
        case 'OtherSchoolCountsRecorded':
          latest.set(e.data.schoolCode, e);
          break;
      }
    }
    const all = [...latest.values()];
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      await bulkUpsert(
        tx,
        OtherSchoolRecordRow,
        chunk.map((e) => ({
          schoolCode: e.data.schoolCode,
          laoCode: e.data.laoCode,
          status: e.data.status,
          note: e.data.note,
          recordedAt: new Date(e.metadata.at),
          accountId: e.metadata.accountId,
          profileId: e.metadata.profileId,
          version: e.streamVersion,
        })),
        ['schoolCode'],
      );
      await bulkUpsert(
        tx,
        OtherSchoolCountRow,
        chunk.flatMap((e) => e.data.counts.map((c) => ({ schoolCode: e.data.schoolCode, ...c }))),
        ['schoolCode', 'grade'],
      );
    }
  },
};
