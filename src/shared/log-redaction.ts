import { citizenIdCheckDigit } from './citizen-id-digit';

/**
 * The last line of defence for personal data in the log: whatever a log call was given, every
 * serialized line passes through here before it is written. Key-based redaction (pino's `redact`)
 * cannot catch an ID inside a message, an SQL error's detail or an echoed body; these patterns do.
 */

// 13 digits not inside a longer run of digits, as typed (1103702071811) or grouped as on the card (1-1037-02071-81-1).
const THIRTEEN_DIGITS = /(?<!\d)(\d(?:[- ]?\d){12})(?!\d)/g;
// A G-Code: G + 12 digits (Buddhist-era year, province, running number).
const G_CODE = /(?<![A-Za-z0-9])[Gg]\d{12}(?!\d)/g;
// A secret under a key that names one, in JSON (`"password":"…"`) or in text (`password=…`).
const SECRET_KEYS =
  'password|newPassword|currentPassword|initialPassword|token|accessToken|authorization|cookie|set-cookie';
const SECRET_JSON = new RegExp(
  `("(?:${SECRET_KEYS})\\\\?"\\s*:\\s*\\\\?")((?:[^"\\\\]|\\\\.)*)(\\\\?")`,
  'gi',
);
const SECRET_TEXT = new RegExp(`\\b((?:${SECRET_KEYS})=)([^\\s&;,"]+)`, 'gi');
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

export const CITIZEN_ID_MASK = '[citizen-id]';
export const G_CODE_MASK = '[g-code]';
const SECRET_MASK = '[redacted]';

/** Whether 13 digits carry a valid citizen-ID check digit (so counts and timestamps stay readable). */
function isCitizenId(digits: string): boolean {
  return citizenIdCheckDigit(digits) === Number(digits[12]);
}

export function redactLine(line: string): string {
  let out = line;
  if (/\d{4}/.test(out)) {
    out = out.replace(THIRTEEN_DIGITS, (m) => (isCitizenId(m.replace(/[- ]/g, '')) ? CITIZEN_ID_MASK : m));
    out = out.replace(G_CODE, G_CODE_MASK);
  }
  return out
    .replace(SECRET_JSON, `$1${SECRET_MASK}$3`)
    .replace(SECRET_TEXT, `$1${SECRET_MASK}`)
    .replace(BEARER, `$1${SECRET_MASK}`);
}
