import fs from 'node:fs';
import { citizenIdCheckDigit } from '../../src/modules/pupils/rules/citizen-id';

/**
 * What must never be in the log: a checksum-valid citizen ID or a G-Code (bare or grouped as on
 * the card), or a password the tests use. Written independently of the logger's own redaction
 * (src/shared/log-redaction.ts), so that a gap in one is caught by the other.
 */
const KNOWN_PASSWORDS = ['Initial-pass-001', 'Lec-new-pass-2568', 'Outage-pass-001', 'Proc-pass-0001'];

export function personalDataIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\d)\d(?:-?\d){12}(?!\d)/g)) {
    const digits = m[0].replace(/-/g, '');
    if (citizenIdCheckDigit(digits) === Number(digits[12]))
      found.push(`citizen ID ${digits.slice(0, 1)}…${digits.slice(-2)}`);
  }
  for (const m of text.matchAll(/(?<![A-Za-z0-9])G\d{12}(?!\d)/g)) found.push(`G-Code ${m[0].slice(0, 3)}…`);
  for (const p of KNOWN_PASSWORDS) if (text.includes(p)) found.push(`password ${p.slice(0, 3)}…`);
  return found;
}

/** Scans the whole suite's log; throws naming what it found (never the values in full). */
export function assertLogClean(file: string | undefined): void {
  if (!file || !fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8');
  const notJson = text.split('\n').filter((l) => {
    if (!l.trim()) return false;
    try {
      JSON.parse(l);
      return false;
    } catch {
      return true;
    }
  });
  const found = personalDataIn(text);
  if (found.length || notJson.length)
    throw new Error(
      `The test suite's log (${file}) holds personal data or non-JSON lines: ` +
        `${found.slice(0, 10).join(', ')}${notJson.length ? `; ${notJson.length} non-JSON lines` : ''}`,
    );
}
