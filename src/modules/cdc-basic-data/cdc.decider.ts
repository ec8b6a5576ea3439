import type { Decider } from '../../event-store/decider';
import { badInput } from '../../shared/errors';
import { kindLabels, type OrgUnitKind } from '../chain/org-unit-kind';
import {
  checkCdcBasicData,
  sameCdcBasicData,
  type CdcBasicDataEntry,
  type CdcBasicDataRecord,
} from './cdc-basic-data.rules';
import type { CdcEvent } from './cdc.events';
import type { ConfirmationEvent } from '../confirmation/confirmation.events';
import { LecError } from '../../shared/errors';
import { specOf, type Dataset } from '../chain/dataset';

/** The centre's own facts: the dataset whose confirmations this aggregate folds (its lock). */
const isBasicData = (dataset: Dataset) => specOf(dataset).source === 'BASIC_DATA';

/** The centre's stream also carries the confirmations of its basic data (the lock lives here). */
type CdcStreamEvent = CdcEvent | ConfirmationEvent;

export type CdcCommand = {
  type: 'RecordCdcBasicData';
  cdc: { code: string; kind: OrgUnitKind };
  entry: CdcBasicDataEntry;
  /** The round open now: basic data confirmed in it are locked. */
  openRoundId: string | null;
};

export interface CdcState {
  /** The number of the latest basic-data record; 0 before the first. */
  version: number;
  data: CdcBasicDataRecord | null;
  /** The round in which the basic data stand confirmed, if they do. */
  confirmedIn: string | null;
}

export const cdcDecider: Decider<CdcState, CdcCommand, CdcStreamEvent> = {
  streamType: 'Cdc',
  initialState: () => ({ version: 0, data: null, confirmedIn: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'CdcBasicDataRecorded':
        return { ...state, version: event.data.version, data: event.data.data };
      case 'DatasetConfirmed':
        return isBasicData(event.data.dataset) ? { ...state, confirmedIn: event.data.roundId } : state;
      case 'ConfirmationRevoked':
        return isBasicData(event.data.dataset) && state.confirmedIn === event.data.roundId
          ? { ...state, confirmedIn: null }
          : state;
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
        if (state.confirmedIn && state.confirmedIn === command.openRoundId)
          throw new LecError(
            'DATA_CONFIRMED',
            `ข้อมูลพื้นฐานของศูนย์ยืนยันแล้วในรอบ ${state.confirmedIn} จึงแก้ไขไม่ได้ หากต้องแก้ไข ต้องให้ อปท. ต้นสังกัดยกเลิกการยืนยันข้อมูลก่อน`,
            { roundId: state.confirmedIn },
          );
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
