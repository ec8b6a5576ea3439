import { createHash } from 'node:crypto';

/**
 * The random draw of a spot check, as pure functions so that anyone holding the recorded seed and
 * the population can draw the same sample again. The seed comes from crypto random bytes (see
 * draw-spot-check.ts); everything after it is deterministic.
 */
export const DRAW_ALGORITHM = 'sfc32 (seed: 128-bit hex, 12 outputs discarded) + partial Fisher–Yates, v1';

/** The population ordering rule, recorded with every draw. */
export const POPULATION_ORDER =
  'pupils ACTIVE on the register of the chosen institutions, ordered by institution code, then pupil id (UTF-16 code-unit order)';

export const SEED_PATTERN = /^[0-9a-f]{32}$/;

/** One pupil or child the draw may pick. */
export interface PopulationMember {
  pupilId: string;
  institutionCode: string;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The population in the recorded order: institution code, then pupil id. */
export function orderPopulation(members: readonly PopulationMember[]): PopulationMember[] {
  return [...members].sort(
    (a, b) => byCodeUnits(a.institutionCode, b.institutionCode) || byCodeUnits(a.pupilId, b.pupilId),
  );
}

/** SHA-256 of the ordered population (`institution:pupil` per line): shows later which population was drawn from. */
export function populationDigest(ordered: readonly PopulationMember[]): string {
  const h = createHash('sha256');
  for (const m of ordered) h.update(`${m.institutionCode}:${m.pupilId}\n`);
  return h.digest('hex');
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 32-bit outputs from a 128-bit state. */
export function sfc32(seedHex: string): () => number {
  if (!SEED_PATTERN.test(seedHex)) throw new Error('seed must be 32 lowercase hex digits');
  let [a, b, c, d] = [0, 8, 16, 24].map((i) => parseInt(seedHex.slice(i, i + 8), 16) | 0);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Mix the seed in before use, as the generator's author recommends.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A uniform integer in [0, n), without modulo bias: outputs above the last whole multiple of n are redrawn. */
export function uniformBelow(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/**
 * Draws `size` members without replacement (or all of them, if fewer): the first `size` steps of a
 * Fisher–Yates shuffle of the ordered population. Returns them in the order drawn.
 */
export function drawSample(
  seedHex: string,
  ordered: readonly PopulationMember[],
  size: number,
): PopulationMember[] {
  const next = sfc32(seedHex);
  const idx = ordered.map((_, i) => i);
  const k = Math.min(size, ordered.length);
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(next, ordered.length - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).map((i) => ordered[i]);
}
