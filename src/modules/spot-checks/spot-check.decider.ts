import type { Decider } from '../../event-store/decider';
import { badInput, LecError } from '../../shared/errors';
import type { SpotCheckEvent, SpotCheckResult } from './spot-check.events';
import {
  drawSample,
  DRAW_ALGORITHM,
  orderPopulation,
  populationDigest,
  POPULATION_ORDER,
  SEED_PATTERN,
  type PopulationMember,
} from './sampling';

export const MAX_SAMPLE_SIZE = 500;
export const MAX_NOTE_LENGTH = 500;

export type SpotCheckCommand =
  | {
      type: 'DrawSpotCheck';
      spotCheckId: string;
      provinceCode: string;
      roundId: string;
      seed: string;
      requestedSize: number;
      institutionCodes: string[];
      population: readonly PopulationMember[];
    }
  | { type: 'RecordSpotCheckResult'; pupilId: string; result: SpotCheckResult; note: string | null };

export interface SpotCheckState {
  spotCheckId: string | null;
  /** Drawn pupil id → institution code. */
  drawn: Record<string, string>;
}

export const spotCheckDecider: Decider<SpotCheckState, SpotCheckCommand, SpotCheckEvent> = {
  streamType: 'SpotCheck',
  initialState: () => ({ spotCheckId: null, drawn: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'SpotCheckDrawn':
        return {
          spotCheckId: event.data.spotCheckId,
          drawn: Object.fromEntries(event.data.drawn.map((m) => [m.pupilId, m.institutionCode])),
        };
      case 'SpotCheckResultRecorded':
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DrawSpotCheck': {
        if (state.spotCheckId) throw badInput({ spotCheckId: 'การสุ่มตรวจสอบนี้สุ่มไปแล้ว' });
        const size = command.requestedSize;
        if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE)
          throw badInput({ sampleSize: `จำนวนที่สุ่มต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง ${MAX_SAMPLE_SIZE} คน` });
        if (!SEED_PATTERN.test(command.seed)) throw new Error('a draw needs a 128-bit hex seed');
        if (command.population.length === 0)
          throw badInput(
            { institutionCodes: 'สถานศึกษาที่เลือกไม่มีนักเรียนหรือเด็กเล็กในทะเบียน' },
            'ไม่มีนักเรียนหรือเด็กเล็กให้สุ่มตรวจสอบ: สถานศึกษาที่เลือกยังไม่มีข้อมูลในทะเบียน',
          );
        const ordered = orderPopulation(command.population);
        const drawn = drawSample(command.seed, ordered, size);
        return [
          {
            type: 'SpotCheckDrawn',
            data: {
              spotCheckId: command.spotCheckId,
              provinceCode: command.provinceCode,
              roundId: command.roundId,
              algorithm: DRAW_ALGORITHM,
              seed: command.seed,
              populationOrder: POPULATION_ORDER,
              populationSize: ordered.length,
              populationDigest: populationDigest(ordered),
              institutionCodes: [...command.institutionCodes].sort(),
              requestedSize: size,
              sampleSize: drawn.length,
              drawn,
            },
          },
        ];
      }
      case 'RecordSpotCheckResult': {
        if (!state.spotCheckId) throw new LecError('NOT_FOUND', 'ไม่พบการสุ่มตรวจสอบนี้');
        const institutionCode = state.drawn[command.pupilId];
        if (!institutionCode) throw badInput({ pupilId: 'นักเรียนคนนี้ไม่ได้อยู่ในรายชื่อที่สุ่มได้ของการสุ่มตรวจสอบนี้' });
        const note = command.note?.trim() || null;
        if (note && note.length > MAX_NOTE_LENGTH)
          throw badInput({ note: `หมายเหตุยาวได้ไม่เกิน ${MAX_NOTE_LENGTH} ตัวอักษร` });
        if (command.result !== 'FOUND' && !note)
          throw badInput({
            note:
              command.result === 'NOT_FOUND'
                ? 'กรุณาระบุหมายเหตุว่าตรวจสอบอย่างไรจึงไม่พบตัว'
                : 'กรุณาระบุหมายเหตุว่าข้อมูลใดไม่ถูกต้อง',
          });
        return [
          {
            type: 'SpotCheckResultRecorded',
            data: {
              spotCheckId: state.spotCheckId,
              pupilId: command.pupilId,
              institutionCode,
              result: command.result,
              note,
            },
          },
        ];
      }
    }
  },
};
