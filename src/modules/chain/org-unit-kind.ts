/** The levels and kinds of unit in LEC, and which kind may sit under which (DOMAIN.md, "Who uses it"). */
export type OrgUnitKind = 'DEPARTMENT' | 'PROVINCE' | 'LAO' | 'SCHOOL' | 'CDC' | 'OTHER_SCHOOL';
export const orgUnitKinds: readonly OrgUnitKind[] = [
  'DEPARTMENT',
  'PROVINCE',
  'LAO',
  'SCHOOL',
  'CDC',
  'OTHER_SCHOOL',
];

/** อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต. */
export type LaoType = 'PAO' | 'CITY_MUNICIPALITY' | 'TOWN_MUNICIPALITY' | 'SUBDISTRICT_MUNICIPALITY' | 'SAO';
export const laoTypes: readonly LaoType[] = [
  'PAO',
  'CITY_MUNICIPALITY',
  'TOWN_MUNICIPALITY',
  'SUBDISTRICT_MUNICIPALITY',
  'SAO',
];

export const DEPARTMENT_CODE = 'DLA';

export const kindLabels: Record<OrgUnitKind, string> = {
  DEPARTMENT: 'กรมส่งเสริมการปกครองท้องถิ่น',
  PROVINCE: 'จังหวัด',
  LAO: 'องค์กรปกครองส่วนท้องถิ่น (อปท.)',
  SCHOOL: 'โรงเรียน',
  CDC: 'ศูนย์พัฒนาเด็กเล็ก',
  OTHER_SCHOOL: 'สถานศึกษาสังกัดอื่น',
};

export const laoTypeLabels: Record<LaoType, string> = {
  PAO: 'อบจ.',
  CITY_MUNICIPALITY: 'เทศบาลนคร',
  TOWN_MUNICIPALITY: 'เทศบาลเมือง',
  SUBDISTRICT_MUNICIPALITY: 'เทศบาลตำบล',
  SAO: 'อบต.',
};

const parentKindOf: Record<OrgUnitKind, OrgUnitKind | null> = {
  DEPARTMENT: null,
  PROVINCE: 'DEPARTMENT',
  LAO: 'PROVINCE',
  SCHOOL: 'LAO',
  CDC: 'LAO',
  OTHER_SCHOOL: 'LAO',
};

export function requiredParentKind(kind: OrgUnitKind): OrgUnitKind | null {
  return parentKindOf[kind];
}

export type InstitutionKind = 'SCHOOL' | 'CDC';

/**
 * Schools and CDCs record pupils and children; other-affiliation schools are counted by their LAO.
 * The one test of it on the server (a string, so open data's public kinds ask it too); the client has
 * its own in `client/src/lib/thai.ts` (separate builds share no code).
 */
export function isInstitution(kind: string): kind is InstitutionKind {
  return kind === 'SCHOOL' || kind === 'CDC';
}

/** A unit named in a sentence: provinces are named with their title (จังหวัดแพร่), other units by name. */
export function unitTitle(kind: OrgUnitKind, name: string): string {
  return kind === 'PROVINCE' ? `จังหวัด${name}` : name;
}
