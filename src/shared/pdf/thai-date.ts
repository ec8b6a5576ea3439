/** Dates and numerals as Thai documents write them: Buddhist era, Thai month names, optionally ๐–๙. */
import { THAI_MONTHS, THAI_MONTHS_SHORT } from '../thai-calendar';

/** Arabic digits to Thai numerals (๐–๙), as official letters write them; anything else is kept. */
export function thaiDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

export interface ThaiDateOptions {
  /** `22 พ.ย. 2569` instead of `22 พฤศจิกายน 2569`, for tables. */
  short?: boolean;
  /** ๐–๙ instead of 0–9. */
  thaiNumerals?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thailand's calendar day and clock (UTC+7 all year, no daylight saving) of an instant. */
function bangkok(at: Date): { y: number; m: number; d: number; hh: number; mm: number } {
  const t = new Date(at.getTime() + 7 * 3600_000);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
  };
}

/**
 * A date as Thai documents write it, Buddhist era: `22 พฤศจิกายน 2569`. An instant is taken on
 * Thailand's calendar; a calendar date (`2026-11-22`) is taken as it is.
 */
export function thaiDate(at: Date | string, opts: ThaiDateOptions = {}): string {
  let y: number, m: number, d: number;
  const iso = typeof at === 'string' ? ISO_DATE.exec(at) : null;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else ({ y, m, d } = bangkok(typeof at === 'string' ? new Date(at) : at));
  const month = (opts.short ? THAI_MONTHS_SHORT : THAI_MONTHS)[m - 1];
  const text = `${d} ${month} ${y + 543}`;
  return opts.thaiNumerals ? thaiDigits(text) : text;
}

/** The clock time in Thailand: `09:05 น.` */
export function thaiTime(at: Date, opts: Pick<ThaiDateOptions, 'thaiNumerals'> = {}): string {
  const { hh, mm } = bangkok(at);
  const text = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')} น.`;
  return opts.thaiNumerals ? thaiDigits(text) : text;
}
