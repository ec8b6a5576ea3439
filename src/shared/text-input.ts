/**
 * The one rule for text that comes in (GraphQL arguments, spreadsheet cells): no NUL and no lone
 * UTF-16 surrogate (PostgreSQL refuses the one, UTF-8 cannot hold the other, so either would fail
 * deep in SQL), Unicode NFC (so the same Thai word is stored as the same code points), no
 * surrounding spaces, and a length limit, all checked before anything reaches the database.
 */

/** Longer than any field LEC stores (notes: 1,000): a longer string is an attack or a paste gone wrong. */
export const MAX_TEXT_LENGTH = 5_000;

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string };

export const TEXT_PROBLEMS = {
  nul: 'มีอักขระที่ไม่อนุญาต (NUL) กรุณาพิมพ์ใหม่โดยไม่คัดลอกอักขระพิเศษ',
  surrogate: 'มีอักขระที่เสียหาย (อักขระ Unicode ไม่สมบูรณ์) กรุณาพิมพ์ใหม่',
  tooLong: `ยาวเกินไป (ได้ไม่เกิน ${MAX_TEXT_LENGTH.toLocaleString('en-US')} ตัวอักษร)`,
};

/** Why a text is refused, or null. */
export function textProblem(s: string, maxLength = MAX_TEXT_LENGTH): string | null {
  if (s.length > maxLength) return TEXT_PROBLEMS.tooLong;
  const bad = BAD.exec(s);
  if (bad) return bad[0] === '\u0000' ? TEXT_PROBLEMS.nul : TEXT_PROBLEMS.surrogate;
  return null;
}

/** Checks a text and normalises it (NFC, trimmed); `verbatim` (passwords) is checked but kept as typed. */
export function cleanText(s: string, options: { verbatim?: boolean; maxLength?: number } = {}): TextCheck {
  const problem = textProblem(s, options.maxLength);
  if (problem) return { ok: false, problem };
  if (options.verbatim) return { ok: true, value: s };
  // Plain ASCII (codes, IDs, dates) is already NFC: skip the normaliser on the common case.
  // eslint-disable-next-line no-control-regex
  const value = /^[\u0000-\u007f]*$/.test(s) ? s : s.normalize('NFC');
  return { ok: true, value: value.trim() };
}
