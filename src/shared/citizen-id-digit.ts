/** The check digit of a 13-digit Thai citizen ID: the pupil register validates with it, the log redaction finds IDs with it. */

/** Weights 13..2 over the first 12 digits; check = (11 − sum mod 11) mod 10. */
export function citizenIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}
