export type Sex = 'MALE' | 'FEMALE';

export const sexes: readonly Sex[] = ['MALE', 'FEMALE'];

export const sexLabels: Record<Sex, string> = { MALE: 'ชาย', FEMALE: 'หญิง' };

/** Each accepted prefix as it is stored, and the sex it states. */
const PREFIXES: readonly { prefix: string; sex: Sex }[] = [
  { prefix: 'ด.ช.', sex: 'MALE' },
  { prefix: 'เด็กชาย', sex: 'MALE' },
  { prefix: 'นาย', sex: 'MALE' },
  { prefix: 'สามเณร', sex: 'MALE' },
  { prefix: 'Master', sex: 'MALE' },
  { prefix: 'Mr.', sex: 'MALE' },
  { prefix: 'ด.ญ.', sex: 'FEMALE' },
  { prefix: 'เด็กหญิง', sex: 'FEMALE' },
  { prefix: 'นางสาว', sex: 'FEMALE' },
  { prefix: 'นาง', sex: 'FEMALE' },
  { prefix: 'Miss', sex: 'FEMALE' },
  { prefix: 'Ms.', sex: 'FEMALE' },
  { prefix: 'Mrs.', sex: 'FEMALE' },
];

/** The same prefix typed another way (ดช, ด. ช., mr, น.ส., ส.ณ.) has the same key. */
function key(s: string): string {
  return s.replace(/[\s.]/g, '').toLowerCase();
}

const BY_KEY = new Map<string, { prefix: string; sex: Sex }>([
  ...PREFIXES.map((p) => [key(p.prefix), p] as const),
  ['นส', { prefix: 'นางสาว', sex: 'FEMALE' }],
  ['สณ', { prefix: 'สามเณร', sex: 'MALE' }],
]);

/** The stored form of a prefix and the sex it states, or null if it is not a prefix LEC knows. */
export function parsePrefix(raw: string): { prefix: string; sex: Sex } | null {
  return BY_KEY.get(key(raw)) ?? null;
}

export const prefixHint = 'ด.ช. ด.ญ. เด็กชาย เด็กหญิง นาย นางสาว นาง สามเณร Mr. Master Miss Ms. Mrs.';

/** Prefixes teachers type into the first-name field by mistake ("ด.ช.สมชาย"). */
const PREFIX_IN_NAME = /^(ด\s?\.?\s?ช\s?\.|ด\s?\.?\s?ญ\s?\.|เด็กชาย|เด็กหญิง|นางสาว|Mr\.|Mrs\.|Miss\s)/i;

export function startsWithPrefix(name: string): boolean {
  return PREFIX_IN_NAME.test(name.trim());
}
