import type { Decider } from '../../event-store/decider';
import { badInput } from '../../shared/errors';
import { kindLabels, type OrgUnitKind } from '../chain/org-unit-kind';
import {
  checkOtherSchoolCounts,
  sameRecord,
  type OtherSchoolCountsEntry,
  type OtherSchoolCountsRecord,
} from './other-school-counts.rules';
import type { OtherSchoolEvent } from './other-school.events';

export interface SchoolPlace {
  code: string;
  kind: OrgUnitKind;
  laoCode: string | null;
}

export type OtherSchoolCommand = OtherSchoolCountsEntry & {
  type: 'RecordOtherSchoolCounts';
  school: SchoolPlace;
};

export interface OtherSchoolState {
  recorded: OtherSchoolCountsRecord | null;
}

export const otherSchoolDecider: Decider<OtherSchoolState, OtherSchoolCommand, OtherSchoolEvent> = {
  streamType: 'OtherSchool',
  initialState: () => ({ recorded: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'OtherSchoolCountsRecorded': {
        const { counts, status, note } = event.data;
        return { recorded: { counts, status, note } };
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RecordOtherSchoolCounts': {
        const { school } = command;
        if (school.kind !== 'OTHER_SCHOOL' || !school.laoCode)
          throw badInput({
            schoolCode: `${school.code} เป็น${kindLabels[school.kind]} ไม่ใช่สถานศึกษาสังกัดอื่น: จำนวนนักเรียนรายชั้นบันทึกได้เฉพาะสถานศึกษาสังกัดอื่นที่ อปท. อุดหนุน`,
          });
        const record = checkOtherSchoolCounts(command);
        if (state.recorded && sameRecord(state.recorded, record)) return [];
        return [
          {
            type: 'OtherSchoolCountsRecorded',
            data: { schoolCode: school.code, laoCode: school.laoCode, ...record },
          },
        ];
      }
    }
  },
};
