import type { PupilEvent } from './pupil.events';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';

export interface RegisterEntry {
  grade: Grade;
  sex: Sex;
  active: boolean;
}

/**
 * An institution's register as its events make it: every pupil ever recorded, with grade, sex and
 * whether on the register. Pure, so figures of record (a confirmation's counts and pupil ids) can be
 * recomputed from the log alone and compared with what was frozen.
 */
export function foldRegister(
  events: readonly Pick<PupilEvent, 'type' | 'data'>[],
): Map<string, RegisterEntry> {
  const register = new Map<string, RegisterEntry>();
  const update = (id: string, change: Partial<RegisterEntry>) => {
    const entry = register.get(id);
    if (entry) register.set(id, { ...entry, ...change });
  };
  for (const e of events as readonly PupilEvent[]) {
    switch (e.type) {
      case 'PupilEnrolled':
      case 'PupilTransferredIn':
        register.set(e.data.pupilId, { grade: e.data.grade, sex: e.data.sex, active: true });
        break;
      case 'PupilDetailsCorrected': {
        const { grade, sex } = e.data.changes;
        update(e.data.pupilId, { ...(grade ? { grade } : {}), ...(sex ? { sex } : {}) });
        break;
      }
      case 'PupilRemovedAsNonExistent':
      case 'PupilLeft':
        update(e.data.pupilId, { active: false });
        break;
      case 'PupilPromoted':
        update(e.data.pupilId, { grade: e.data.toGrade });
        break;
      case 'PupilHeldBack':
        update(e.data.pupilId, { grade: e.data.grade, active: true });
        break;
      case 'PromotionCompleted':
        break;
    }
  }
  return register;
}
