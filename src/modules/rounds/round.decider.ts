import type { Decider } from '../../event-store/decider';
import { badInput, LecError } from '../../shared/errors';
import { isIsoDate } from '../../shared/thai-calendar';
import { roundIdOf, type RoundDeadlines, type RoundEvent } from './round.events';

export interface RoundInputData extends RoundDeadlines {
  academicYear: number;
  roundNo: number;
  snapshotDate?: string | null;
}

export type RoundCommand =
  | { type: 'OpenRound'; input: RoundInputData }
  | { type: 'ChangeRoundDeadlines'; roundId: string; deadlines: RoundDeadlines }
  | { type: 'ExtendDeadline'; roundId: string; orgUnitCode: string; until: string; reason: string }
  | { type: 'CloseRound'; roundId: string };

export interface RoundsState {
  rounds: Record<string, { status: 'OPEN' | 'CLOSED'; snapshotDate: string }>;
  openRoundId: string | null;
}

/** ข้อมูล ณ วันที่: 10 June for round 1 and 10 November for round 2, in the academic year's first Christian year. */
export function defaultSnapshotDate(academicYear: number, roundNo: number): string {
  return `${academicYear - 543}-${roundNo === 1 ? '06' : '11'}-10`;
}

function deadlineProblems(d: RoundDeadlines, snapshotDate: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const k of ['institutionDeadline', 'laoDeadline', 'provinceDeadline'] as const)
    if (!isIsoDate(d[k])) fields[k] = 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)';
  if (Object.keys(fields).length) return fields;
  if (d.institutionDeadline < snapshotDate)
    fields.institutionDeadline = 'กำหนดส่งของสถานศึกษาต้องไม่ก่อนวันที่ของข้อมูล (ข้อมูล ณ วันที่)';
  if (d.laoDeadline < d.institutionDeadline)
    fields.laoDeadline = 'กำหนดยืนยันของ อปท. ต้องไม่ก่อนกำหนดของสถานศึกษา';
  if (d.provinceDeadline < d.laoDeadline) fields.provinceDeadline = 'กำหนดยืนยันของจังหวัดต้องไม่ก่อนกำหนดของ อปท.';
  return fields;
}

function requireOpen(state: RoundsState, roundId: string) {
  const round = state.rounds[roundId];
  if (!round) throw badInput({ roundId: `ไม่พบรอบการบันทึกข้อมูล ${roundId}` });
  if (round.status === 'CLOSED') throw new LecError('ROUND_CLOSED');
  return round;
}

export const roundsDecider: Decider<RoundsState, RoundCommand, RoundEvent> = {
  streamType: 'Rounds',
  initialState: () => ({ rounds: {}, openRoundId: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'RoundOpened':
        return {
          rounds: {
            ...state.rounds,
            [event.data.roundId]: { status: 'OPEN', snapshotDate: event.data.snapshotDate },
          },
          openRoundId: event.data.roundId,
        };
      case 'RoundClosed':
        return {
          rounds: {
            ...state.rounds,
            [event.data.roundId]: { ...state.rounds[event.data.roundId], status: 'CLOSED' },
          },
          openRoundId: state.openRoundId === event.data.roundId ? null : state.openRoundId,
        };
      case 'RoundDeadlinesChanged':
      case 'DeadlineExtended':
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'OpenRound': {
        const { input } = command;
        const fields: Record<string, string> = {};
        if (!Number.isInteger(input.academicYear) || input.academicYear < 2560 || input.academicYear > 2700)
          fields.academicYear = 'ปีการศึกษาต้องเป็นปี พ.ศ. เช่น 2568';
        if (input.roundNo !== 1 && input.roundNo !== 2) fields.roundNo = 'ครั้งที่ต้องเป็น 1 หรือ 2';
        if (Object.keys(fields).length) throw badInput(fields);
        const snapshotDate =
          input.snapshotDate?.trim() || defaultSnapshotDate(input.academicYear, input.roundNo);
        if (!isIsoDate(snapshotDate)) throw badInput({ snapshotDate: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' });
        const problems = deadlineProblems(input, snapshotDate);
        if (Object.keys(problems).length) throw badInput(problems);
        const roundId = roundIdOf(input.academicYear, input.roundNo);
        if (state.rounds[roundId])
          throw badInput({ roundNo: `เปิดรอบครั้งที่ ${input.roundNo} ปีการศึกษา ${input.academicYear} ไปแล้ว` });
        if (state.openRoundId)
          throw badInput({ roundNo: `ยังมีรอบ ${state.openRoundId} เปิดอยู่ ต้องปิดก่อนจึงเปิดรอบใหม่ได้` });
        const { institutionDeadline, laoDeadline, provinceDeadline } = input;
        return [
          {
            type: 'RoundOpened',
            data: {
              roundId,
              academicYear: input.academicYear,
              roundNo: input.roundNo as 1 | 2,
              snapshotDate,
              institutionDeadline,
              laoDeadline,
              provinceDeadline,
            },
          },
        ];
      }
      case 'ChangeRoundDeadlines': {
        const round = requireOpen(state, command.roundId);
        const problems = deadlineProblems(command.deadlines, round.snapshotDate);
        if (Object.keys(problems).length) throw badInput(problems);
        return [{ type: 'RoundDeadlinesChanged', data: { roundId: command.roundId, ...command.deadlines } }];
      }
      case 'ExtendDeadline': {
        requireOpen(state, command.roundId);
        if (!isIsoDate(command.until)) throw badInput({ until: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' });
        if (!command.reason.trim()) throw badInput({ reason: 'กรุณาระบุเหตุผลที่ขยายเวลา' });
        return [
          {
            type: 'DeadlineExtended',
            data: {
              roundId: command.roundId,
              orgUnitCode: command.orgUnitCode,
              until: command.until,
              reason: command.reason.trim(),
            },
          },
        ];
      }
      case 'CloseRound':
        requireOpen(state, command.roundId);
        return [{ type: 'RoundClosed', data: { roundId: command.roundId } }];
    }
  },
};
