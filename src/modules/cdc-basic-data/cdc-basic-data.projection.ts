import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { CdcBasicDataRow, CdcBasicDataVersionRow } from './cdc-basic-data.entity';
import { cdcEventTypes, type CdcEvent } from './cdc.events';

/** Rows per statement: 16 values each stay well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

function rowOf(e: RecordedEvent<CdcEvent>): CdcBasicDataVersionRow {
  return {
    cdcCode: e.data.cdcCode,
    version: e.data.version,
    ...e.data.data,
    recordedAt: new Date(e.metadata.at),
    accountId: e.metadata.accountId,
    profileId: e.metadata.profileId,
    streamVersion: e.streamVersion,
  };
}

export const cdcBasicDataProjection: Projection = {
  name: 'cdc-basic-data',
  handles: cdcEventTypes,
  tables: ['cdc_basic_data', 'cdc_basic_data_versions'],
  async apply(tx, events) {
    const versions: CdcBasicDataVersionRow[] = [];
    for (const e of events as readonly RecordedEvent<CdcEvent>[]) {
      switch (e.type) {
        case 'CdcBasicDataRecorded':
          versions.push(rowOf(e));
          break;
      }
    }
    // Each event holds a centre's whole record, so the latest one per centre is its current data.
    const latest = [...new Map(versions.map((v) => [v.cdcCode, v])).values()];
    for (let i = 0; i < versions.length; i += CHUNK)
      await tx.insert(CdcBasicDataVersionRow, versions.slice(i, i + CHUNK));
    for (let i = 0; i < latest.length; i += CHUNK)
      await tx.upsert(CdcBasicDataRow, latest.slice(i, i + CHUNK), ['cdcCode']);
  },
};
