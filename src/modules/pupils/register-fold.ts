import type { PupilDetails, PupilEvent } from './pupil.events';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';

/** What the figures need of one pupil or child: where, which grade, sex, nationality, birth date, on the register or not. */
export interface RegisterEntry {
  institutionCode: string;
  grade: Grade;
  sex: Sex;
  nationality: string;
  birthDate: string;
  /** On the current register (not removed as non-existent, not left). */
  active: boolean;
}

/** Every pupil ever seen, by pupil id. */
export type Register = ReadonlyMap<string, RegisterEntry>;

/** Any event as stored or declared: only its type and data matter here. */
export interface PlainEvent {
  type: string;
  data: object;
}

const FIGURE_FIELDS = ['grade', 'sex', 'nationality', 'birthDate'] as const;

function entryOf(d: PupilDetails & { institutionCode: string }): RegisterEntry {
  return {
    institutionCode: d.institutionCode,
    grade: d.grade,
    sex: d.sex,
    nationality: d.nationality,
    birthDate: d.birthDate,
    active: true,
  };
}

/**
 * Whether an event can change what the register holds of a pupil already on it: all do but a
 * correction of none of the figures' fields (a name, an address), the most common correction.
 */
export function changesRegisterEntry(event: PlainEvent): boolean {
  const e = event as PupilEvent;
  if (e.type !== 'PupilDetailsCorrected') return true;
  return FIGURE_FIELDS.some((f) => e.data.changes[f] !== undefined);
}

/**
 * One pupil event applied to the register, in place (the figures audit keeps one register per institution this way). Events of other types, and events about a
 * pupil the register has never seen (a replay that starts mid-way), change nothing.
 */
export function applyToRegister(register: Map<string, RegisterEntry>, event: PlainEvent): void {
  const e = event as PupilEvent;
  switch (e.type) {
    case 'PupilEnrolled':
    case 'PupilTransferredIn':
      register.set(e.data.pupilId, entryOf(e.data));
      return;
    case 'PromotionCompleted':
      return;
  }
  if (!('pupilId' in (e.data ?? {}))) return;
  const before = register.get(e.data.pupilId);
  if (!before) return;
  const set = (patch: Partial<RegisterEntry>) => register.set(e.data.pupilId, { ...before, ...patch });
  switch (e.type) {
    case 'PupilDetailsCorrected': {
      const patch: Partial<RegisterEntry> = {};
      for (const f of FIGURE_FIELDS)
        if (e.data.changes[f] !== undefined) Object.assign(patch, { [f]: e.data.changes[f] });
      set(patch);
      return;
    }
    case 'PupilRemovedAsNonExistent':
    case 'PupilLeft':
      set({ active: false });
      return;
    case 'PupilPromoted':
      set({ grade: e.data.toGrade });
      return;
    case 'PupilHeldBack':
      set({ grade: e.data.grade, active: true });
      return;
  }
}

/**
 * An institution's (or any set of institutions') register as its events make it: every pupil ever
 * recorded, starting from `initial` (empty by default). Pure: the initial register is not changed.
 * One fold for every use, so they cannot disagree: the enrolment-counts projection (live counts),
 * enrolmentCountsAsOf (counts at a past instant) and the figures of record of a confirmation,
 * recomputed from the log alone and compared with what was frozen.
 */
export function foldRegister(
  events: Iterable<PlainEvent>,
  initial: Register = new Map(),
): Map<string, RegisterEntry> {
  const register = new Map(initial);
  for (const e of events) applyToRegister(register, e);
  return register;
}
