import { ceToBe } from '../../shared/thai-calendar';

/** A cell as the readers hand it over: text, a number, a date cell, a logical, an error value or blank. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

/** A sheet row: its number as the spreadsheet shows it, and its cells by 0-based column. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A date cell as a Thai sheet writes it: day/month/Buddhist-era year. */
export function thaiDateText(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${ceToBe(d.getUTCFullYear())}`;
}

/** The text of a cell for a text field; numbers without exponent or grouping (a 13-digit ID stays whole). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : thaiDateText(v);
  return v.error;
}
