import type { Decider } from '../../event-store/decider';
import { badInput } from '../../shared/errors';
import type { OrgUnitDetails, OrgUnitEvent } from './org-unit.events';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import {
  assertValidRegistration,
  detailsProblems,
  type OrgUnitInputData,
  type ParentInfo,
} from './org-unit.rules';

export type OrgUnitCommand =
  | { type: 'RegisterOrgUnit'; input: OrgUnitInputData; parent: ParentInfo | null }
  | { type: 'ChangeOrgUnitDetails'; code: string; details: OrgUnitDetails };

export type OrgUnitState =
  { status: 'new' } | { status: 'registered'; code: string; kind: OrgUnitKind; details: OrgUnitDetails };

function sameDetails(a: OrgUnitDetails, b: OrgUnitDetails): boolean {
  return (
    a.name === b.name &&
    a.district === b.district &&
    a.laoType === b.laoType &&
    a.ministryCode === b.ministryCode
  );
}

export const orgUnitDecider: Decider<OrgUnitState, OrgUnitCommand, OrgUnitEvent> = {
  streamType: 'OrgUnit',
  initialState: () => ({ status: 'new' }),

  evolve(state, event) {
    switch (event.type) {
      case 'OrgUnitRegistered': {
        const { code, kind, name, district, laoType, ministryCode } = event.data;
        return { status: 'registered', code, kind, details: { name, district, laoType, ministryCode } };
      }
      case 'OrgUnitDetailsChanged': {
        if (state.status !== 'registered') return state;
        const { name, district, laoType, ministryCode } = event.data;
        return { ...state, details: { name, district, laoType, ministryCode } };
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrgUnit': {
        const { input, parent } = command;
        if (state.status === 'registered') throw badInput({ code: `รหัส ${input.code} มีอยู่ในระบบแล้ว` });
        assertValidRegistration(input, parent);
        const district = input.district?.trim() || parent?.district || null;
        return [
          {
            type: 'OrgUnitRegistered',
            data: {
              code: input.code,
              kind: input.kind,
              name: input.name.trim(),
              parentCode: parent?.code ?? null,
              provinceCode: input.kind === 'PROVINCE' ? input.code : (parent?.provinceCode ?? null),
              laoCode: input.kind === 'LAO' ? input.code : (parent?.laoCode ?? null),
              district: input.kind === 'DEPARTMENT' || input.kind === 'PROVINCE' ? null : district,
              laoType: input.laoType ?? null,
              ministryCode: input.ministryCode || null,
            },
          },
        ];
      }
      case 'ChangeOrgUnitDetails': {
        if (state.status !== 'registered') throw badInput({ code: `ไม่พบหน่วยงานรหัส ${command.code}` });
        const details: OrgUnitDetails = {
          name: command.details.name.trim(),
          // An institution without a district of its own keeps the one it has (its LAO's).
          district: command.details.district?.trim() || state.details.district,
          laoType: command.details.laoType,
          ministryCode: command.details.ministryCode?.trim() || null,
        };
        const fields = detailsProblems(state.kind, details);
        if (Object.keys(fields).length) throw badInput(fields);
        if (sameDetails(state.details, details)) return [];
        return [{ type: 'OrgUnitDetailsChanged', data: { code: command.code, ...details } }];
      }
    }
  },
};
