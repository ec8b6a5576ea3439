import type { Decider } from '../../event-store/decider';
import { badInput } from '../../shared/errors';
import { kindLabels, type OrgUnitKind } from '../org-units/org-unit-kind';
import {
  checkCdcBasicData,
  sameCdcBasicData,
  type CdcBasicDataEntry,
  type CdcBasicDataRecord,
} from './cdc-basic-data.rules';
import type { CdcEvent } from './cdc.events';

export type CdcCommand = {
  type: 'RecordCdcBasicData';
  cdc: { code: string; kind: OrgUnitKind };
  entry: CdcBasicDataEntry;
};

export interface CdcState {
  /** The number of the latest basic-data record; 0 before the first. */
  version: number;
  data: CdcBasicDataRecord | null;
}

export const cdcDecider: Decider<CdcState, CdcCommand, CdcEvent> = {
  streamType: 'Cdc',
  initialState: () => ({ version: 0, data: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'CdcBasicDataRecorded':
        return { version: event.data.version, data: event.data.data };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RecordCdcBasicData': {
        const { cdc } = command;
        if (cdc.kind !== 'CDC')
          throw badInput({
            cdcCode: `${cdc.code} เป็น${kindLabels[cdc.kind]} ข้อมูลพื้นฐานนี้บันทึกได้เฉพาะศูนย์พัฒนาเด็กเล็ก`,
          });
        const data = checkCdcBasicData(command.entry);
        // The same facts again are not a new version: a confirmed version stays the latest.
        if (state.data && sameCdcBasicData(state.data, data)) return [];
        return [
          { type: 'CdcBasicDataRecorded', data: { cdcCode: cdc.code, version: state.version + 1, data } },
        ];
      }
    }
  },
};
