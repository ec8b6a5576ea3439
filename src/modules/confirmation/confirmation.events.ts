import type { Event } from '../../event-store/event';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import type { Dataset } from '../chain/dataset';

export interface GradeSexCount {
  grade: Grade;
  sex: Sex;
  count: number;
}

export interface ConfirmedPart {
  code: string;
  total: number | null;
  counts?: GradeSexCount[];
}

/** The figures of record frozen by a confirmation (DOMAIN.md, Confirmation 6). */
export interface ConfirmedFigures {
  /** Pupils or children counted; null for CDC basic data, which is not a count. */
  total: number | null;
  counts: GradeSexCount[];
  /** Institutions: the ids of the pupils confirmed, so the list can be shown again exactly. */
  pupilIds?: string[];
  /** CDC basic data: the version of the record that was confirmed. */
  basicDataVersion?: number;
  /**
   * LAOs and provinces: each unit below whose confirmed figures were summed (and its total); an
   * LAO's funded schools also with the counts recorded for them (events before 2569-2 lack them).
   */
  parts?: ConfirmedPart[];
}

export type DatasetConfirmed = Event<
  'DatasetConfirmed',
  ConfirmedFigures & {
    roundId: string;
    orgUnitCode: string;
    dataset: Dataset;
    /** The unit's deadline in the round (extension included) and whether this came after it. */
    deadline: string;
    late: boolean;
  }
>;

export type ConfirmationRevoked = Event<
  'ConfirmationRevoked',
  {
    roundId: string;
    orgUnitCode: string;
    dataset: Dataset;
    reason: string;
    /** The unit above that revoked (the account's unit, kept in the data because the rule is about it). */
    revokedByUnitCode: string;
  }
>;

export type ConfirmationEvent = DatasetConfirmed | ConfirmationRevoked;
export const confirmationEventTypes: readonly ConfirmationEvent['type'][] = [
  'DatasetConfirmed',
  'ConfirmationRevoked',
];
