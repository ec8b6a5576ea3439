/** Dates as Thai schools write them: Buddhist-era years, Thai month names, Thai digits. */

/** พ.ศ. = ค.ศ. + 543 (2568 = 2025). */
export const BE_OFFSET = 543;

/** A year above this is Buddhist era: no pupil was born after 2400 CE, none before 1857 CE. */
export const BE_THRESHOLD = 2400;

export function beToCe(beYear: number): number {
  return beYear - BE_OFFSET;
}

export function ceToBe(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

/** Thai digits (๐–๙) to Arabic digits; anything else is left as it is. */
export function toArabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` and a real calendar day (29 Feb only in a leap year). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function toIso(y: number, m: number, d: number): string | null {
  return validDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/**
 * The Thai month names, January first: the server's one list (read dates, messages, PDFs). The web
 * client keeps its own in `client/src/lib/thai.ts`: the two builds share no code.
 */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

// prettier-ignore
export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

/** Month numbers by full name, abbreviation (dots removed) and the common misspelling กรกฏาคม. */
const MONTHS: Record<string, number> = Object.fromEntries([
  ...THAI_MONTHS.map((name, i) => [name, i + 1]),
  ...THAI_MONTHS_SHORT.map((short, i) => [short.replace(/\./g, ''), i + 1]),
  ['กรกฏาคม', 7],
]);

/** A 4-digit year: Buddhist era above 2400, else Christian era (the two ranges cannot be confused). */
function ceYear(year: number): number {
  return year > BE_THRESHOLD ? beToCe(year) : year;
}

/**
 * A date as written in a Thai spreadsheet or form, to ISO: `12/05/2561`, `12-5-2561`, `12 พ.ค. 2561`,
 * `12 พฤษภาคม พ.ศ. 2561`, Thai digits, or ISO itself. Years above 2400 are Buddhist era and are
 * converted; 2-digit years are refused (`12/05/61` could be 1961, 2018 or 2561). Null if not a date.
 */
export function parseThaiDate(raw: string): string | null {
  const s = toArabicDigits(raw).trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(s);
  if (iso) return toIso(ceYear(Number(iso[1])), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (numeric) return toIso(ceYear(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]));
  const written = /^(\d{1,2}) ?([\u0E01-\u0E4E. ]+?) ?(?:พ\. ?ศ\.? ?)?(\d{4})$/.exec(s);
  if (!written) return null;
  const month = MONTHS[written[2].replace(/[. ]/g, '')];
  return month ? toIso(ceYear(Number(written[3])), month, Number(written[1])) : null;
}

/** `2025-05-16` → `16 พ.ค. 2568`, for messages. */
export function formatThaiDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${THAI_MONTHS_SHORT[m - 1]} ${ceToBe(y)}`;
}

/** The Thai school year starts on 16 May: academic year 2568 starts on 2025-05-16. */
export function academicYearStart(academicYear: number): string {
  return `${beToCe(academicYear)}-05-16`;
}

/** The academic year (พ.ศ.) a day falls in: 2026-05-15 is still in 2568. */
export function academicYearOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const beforeStart = m < 5 || (m === 5 && d < 16);
  return ceToBe(beforeStart ? y - 1 : y);
}

/** Completed years of age on a day (born 29 Feb: a year older on 1 March in a common year). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Today in Thailand (UTC+7 all year, no daylight saving), as ISO: a pupil enrolled at 06:00 on 1 June is enrolled on 1 June. */
export function todayInBangkok(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
