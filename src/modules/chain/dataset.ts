import type { OrgUnitKind } from './org-unit-kind';
import { atOrAbove, confirmsAtAll, levelOf, type ConfirmingLevel } from './levels';

/** The databases a unit confirms (DOMAIN.md, Confirmation 1 and 3). */
export type Dataset = 'PUPILS' | 'CHILDREN' | 'CDC_BASIC_DATA' | 'OTHER_SCHOOL_COUNTS';

/** How the unit that confirms a dataset first takes its figures. */
export type DatasetSource =
  /** an institution folds its register of pupils or children */
  | 'REGISTER'
  /** a centre's latest record of its own facts (not a count) */
  | 'BASIC_DATA'
  /** an LAO sums the counts it recorded for its funded schools */
  | 'RECORDED_COUNTS';

/** Which section of the figures (and of the budget) a dataset's counts feed. */
export type FiguresSection = 'REGISTER' | 'OTHER_SCHOOLS';

/**
 * What a dataset is, in one place: who holds it, how its figures of record are taken and rolled
 * up, what it locks and what it is called. Every consumer (confirm, readiness, lock, progress,
 * tasks, figures, budget, reports, the client through the API) loops over this registry; adding a
 * dataset is one entry here plus the projection of its records (docs/ARCHITECTURE.md).
 */
export interface DatasetSpec {
  dataset: Dataset;
  /** Thai, as GLOSSARY.md names it. */
  label: string;
  /** The kind of unit whose records make it up. */
  sourceKind: 'SCHOOL' | 'CDC' | 'OTHER_SCHOOL';
  /**
   * The level that confirms it first, from its own records; every level above (up to the
   * province; the country reads the provinces') confirms the sum of the confirmations in force of
   * the level directly below.
   */
  firstLevel: 'INSTITUTION' | 'LAO';
  source: DatasetSource;
  /** Null when the dataset is not a count of pupils (CDC basic data). */
  section: FiguresSection | null;
  /**
   * The stream the first holder's confirmations go on: the one its data are written to, so a write
   * racing a confirmation conflicts on the stream version (the lock lives in the aggregate). Levels
   * above confirm on their own `Confirmations-<code>` stream.
   */
  streamOf: (code: string) => string;
  /** What the units below are waiting to have (for NOT_READY and tasks), when the first holder sums its own records. */
  recordsMissing?: string;
}

export const datasetSpecs: readonly DatasetSpec[] = [
  {
    dataset: 'PUPILS',
    label: 'ข้อมูลนักเรียน',
    sourceKind: 'SCHOOL',
    firstLevel: 'INSTITUTION',
    source: 'REGISTER',
    section: 'REGISTER',
    streamOf: (code) => `Institution-${code}`,
  },
  {
    dataset: 'CHILDREN',
    label: 'ข้อมูลเด็กเล็ก',
    sourceKind: 'CDC',
    firstLevel: 'INSTITUTION',
    source: 'REGISTER',
    section: 'REGISTER',
    streamOf: (code) => `Institution-${code}`,
  },
  {
    dataset: 'CDC_BASIC_DATA',
    label: 'ข้อมูลพื้นฐานศูนย์พัฒนาเด็กเล็ก',
    sourceKind: 'CDC',
    firstLevel: 'INSTITUTION',
    source: 'BASIC_DATA',
    section: null,
    streamOf: (code) => `Cdc-${code}`,
  },
  {
    dataset: 'OTHER_SCHOOL_COUNTS',
    label: 'จำนวนนักเรียนสถานศึกษาสังกัดอื่น',
    sourceKind: 'OTHER_SCHOOL',
    firstLevel: 'LAO',
    source: 'RECORDED_COUNTS',
    section: 'OTHER_SCHOOLS',
    streamOf: (code) => `Confirmations-${code}`,
    recordsMissing: 'ยังไม่ได้บันทึกจำนวนนักเรียนของ',
  },
];

export const datasets: readonly Dataset[] = datasetSpecs.map((s) => s.dataset);
const byName = new Map(datasetSpecs.map((s) => [s.dataset, s]));

export function specOf(dataset: Dataset): DatasetSpec {
  return byName.get(dataset)!;
}

export const datasetLabels = Object.fromEntries(datasetSpecs.map((s) => [s.dataset, s.label])) as Record<
  Dataset,
  string
>;

/** The datasets whose counts feed a section of the figures (REGISTER: pupils and children). */
export function datasetsOfSection(section: FiguresSection): Dataset[] {
  return datasetSpecs.filter((s) => s.section === section).map((s) => s.dataset);
}

/** The datasets that are counts of pupils (the figures and the budget read these). */
export const countedDatasets: readonly Dataset[] = datasetSpecs
  .filter((s) => s.section !== null)
  .map((s) => s.dataset);

/** The datasets an institution holds by its kind (a school: pupils; a CDC: children and basic data). */
export function institutionDatasets(kind: OrgUnitKind): Dataset[] {
  return datasetSpecs
    .filter((s) => s.firstLevel === 'INSTITUTION' && s.sourceKind === kind)
    .map((s) => s.dataset);
}

/**
 * The datasets a unit above the institutions holds, given the kinds of unit in its subtree: those
 * whose source units sit under it and whose first level is its own or below.
 */
export function datasetsHeldAbove(level: ConfirmingLevel, kindsBelow: Iterable<string>): Dataset[] {
  const present = new Set(kindsBelow);
  return datasetSpecs
    .filter((s) => present.has(s.sourceKind) && atOrAbove(level, s.firstLevel))
    .map((s) => s.dataset);
}

/** The kinds of unit whose presence below an LAO or province makes it hold a dataset. */
export const sourceKinds: readonly string[] = [...new Set(datasetSpecs.map((s) => s.sourceKind))];

/** The register dataset of an institution: what a pupil or child write changes (and is locked by). */
export function registerDataset(kind: OrgUnitKind): Dataset {
  const spec = datasetSpecs.find((s) => s.source === 'REGISTER' && s.sourceKind === kind);
  if (!spec) throw new Error(`no register for a ${kind}`);
  return spec.dataset;
}

/** The dataset an LAO records for its funded schools (and that their counts' writes are locked by). */
export function recordedCountsDataset(): Dataset {
  return datasetSpecs.find((s) => s.source === 'RECORDED_COUNTS')!.dataset;
}

export { confirmsAtAll };

/** Whether a unit of this kind is the first to confirm the dataset (from its own records). */
export function isFirstHolder(kind: OrgUnitKind, dataset: Dataset): boolean {
  return levelOf(kind) === specOf(dataset).firstLevel;
}

/**
 * Whether a unit's confirmation waits on records of the units below (the funded schools' counts
 * its LAO records) rather than on their confirmations.
 */
export function waitsOnRecords(kind: OrgUnitKind, dataset: Dataset): boolean {
  return isFirstHolder(kind, dataset) && specOf(dataset).source === 'RECORDED_COUNTS';
}

/** The stream a confirmation is appended to (see DatasetSpec.streamOf). */
export function confirmationStreamId(kind: OrgUnitKind, code: string, dataset: Dataset): string {
  return isFirstHolder(kind, dataset) ? specOf(dataset).streamOf(code) : `Confirmations-${code}`;
}

export function confirmationStreamType(streamId: string): string {
  return streamId.slice(0, streamId.indexOf('-'));
}
