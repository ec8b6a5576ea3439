import type { OrgUnitKind } from '../org-units/org-unit-kind';

/** The databases a unit confirms (DOMAIN.md, Confirmation 1 and 3). */
export type Dataset = 'PUPILS' | 'CHILDREN' | 'CDC_BASIC_DATA' | 'OTHER_SCHOOL_COUNTS';
export const datasets: readonly Dataset[] = ['PUPILS', 'CHILDREN', 'CDC_BASIC_DATA', 'OTHER_SCHOOL_COUNTS'];

export const datasetLabels: Record<Dataset, string> = {
  PUPILS: 'ข้อมูลนักเรียน',
  CHILDREN: 'ข้อมูลเด็กเล็ก',
  CDC_BASIC_DATA: 'ข้อมูลพื้นฐานศูนย์พัฒนาเด็กเล็ก',
  OTHER_SCHOOL_COUNTS: 'จำนวนนักเรียนสถานศึกษาสังกัดอื่น',
};

/**
 * The kind of unit under an LAO whose records make up each dataset. OTHER_SCHOOL_COUNTS is held by
 * the LAO itself: it records its funded schools' counts and confirms them (DOMAIN.md, Confirmation 3).
 */
export const sourceKind: Record<Dataset, 'SCHOOL' | 'CDC' | 'OTHER_SCHOOL'> = {
  PUPILS: 'SCHOOL',
  CHILDREN: 'CDC',
  CDC_BASIC_DATA: 'CDC',
  OTHER_SCHOOL_COUNTS: 'OTHER_SCHOOL',
};

/** The datasets an institution holds by its kind. */
export function institutionDatasets(kind: OrgUnitKind): Dataset[] {
  if (kind === 'SCHOOL') return ['PUPILS'];
  if (kind === 'CDC') return ['CHILDREN', 'CDC_BASIC_DATA'];
  return [];
}

/** The datasets whose records come from units of these kinds under an LAO. */
export function datasetsFromKinds(kinds: Iterable<string>): Dataset[] {
  const present = new Set(kinds);
  return datasets.filter((d) => present.has(sourceKind[d]));
}

/** The register dataset of an institution: what a pupil or child write changes. */
export function registerDataset(kind: OrgUnitKind): Dataset {
  return kind === 'CDC' ? 'CHILDREN' : 'PUPILS';
}

/** Units that confirm at all: the department only revokes. */
export function confirmsAtAll(kind: OrgUnitKind): boolean {
  return kind === 'SCHOOL' || kind === 'CDC' || kind === 'LAO' || kind === 'PROVINCE';
}

/**
 * The stream a confirmation is appended to. An institution's register confirmations go on the
 * stream its pupils live on, and basic-data confirmations on the centre's stream, so a write racing
 * a confirmation conflicts on the stream version (the lock lives in the aggregate). LAOs and
 * provinces have their own confirmation stream.
 */
export function confirmationStreamId(kind: OrgUnitKind, code: string, dataset: Dataset): string {
  if ((kind === 'SCHOOL' || kind === 'CDC') && dataset !== 'CDC_BASIC_DATA') return `Institution-${code}`;
  if (kind === 'CDC') return `Cdc-${code}`;
  return `Confirmations-${code}`;
}

export function confirmationStreamType(streamId: string): string {
  return streamId.slice(0, streamId.indexOf('-'));
}
