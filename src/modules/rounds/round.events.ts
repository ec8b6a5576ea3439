import type { Event } from '../../event-store/event';

export interface RoundDeadlines {
  /** ภายในวันที่: the last day for institutions, LAOs and provinces to confirm (ISO dates). */
  institutionDeadline: string;
  laoDeadline: string;
  provinceDeadline: string;
}

export type RoundOpened = Event<
  'RoundOpened',
  RoundDeadlines & { roundId: string; academicYear: number; roundNo: 1 | 2; snapshotDate: string }
>;
export type RoundDeadlinesChanged = Event<'RoundDeadlinesChanged', RoundDeadlines & { roundId: string }>;
export type DeadlineExtended = Event<
  'DeadlineExtended',
  { roundId: string; orgUnitCode: string; until: string; reason: string }
>;
export type RoundClosed = Event<'RoundClosed', { roundId: string }>;

export type RoundEvent = RoundOpened | RoundDeadlinesChanged | DeadlineExtended | RoundClosed;
export const roundEventTypes: readonly RoundEvent['type'][] = [
  'RoundOpened',
  'RoundDeadlinesChanged',
  'DeadlineExtended',
  'RoundClosed',
];

/** Every round on one stream: "at most one open at a time" is then a rule of one aggregate. */
export const ROUNDS_STREAM = 'Rounds';

export function roundIdOf(academicYear: number, roundNo: number): string {
  return `${academicYear}-${roundNo}`;
}
