import { FULL_SCALE, nationalSizes, type NationalSizes } from './national-dataset';

/** The bench and seed scripts' default: a country 1/20 of the real one (a few minutes on 2 cores). */
export const DEFAULT_SCALE = 0.05;

const SIZE_FLAGS: Record<string, keyof NationalSizes> = {
  laos: 'laos',
  schools: 'schools',
  'pupils-per-school': 'pupilsPerSchool',
  cdcs: 'cdcs',
  'children-per-cdc': 'childrenPerCdc',
  'other-schools': 'otherSchools',
};

/**
 * Sizes from flags (`--full`, `--scale 0.1`, `--laos 100`, `--pupils-per-school 50`, …) or the
 * environment (SEED_SCALE, SEED_LAOS, SEED_PUPILS_PER_SCHOOL, …); flags win. `--seed n` (SEED_SEED) picks the PRNG
 * seed; `--confirm` (SEED_CONFIRM=1) has every seeded institution and LAO confirm in the open round.
 */
export function nationalOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { sizes: NationalSizes; scale: number; seed: number; confirm: boolean } {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [name, inline] = a.slice(2).split('=', 2);
    if (name === 'full') flags.set('scale', '1');
    else if (name === 'confirm') flags.set('confirm', inline ?? '1');
    else flags.set(name, inline ?? argv[++i] ?? '');
  }
  const value = (flag: string): string | undefined =>
    flags.get(flag) ?? env[`SEED_${flag.toUpperCase().replace(/-/g, '_')}`];
  const number = (flag: string, raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag} must be a positive number, not "${raw}"`);
    return n;
  };
  for (const f of flags.keys())
    if (!['scale', 'seed', 'confirm'].includes(f) && !(f in SIZE_FLAGS))
      throw new Error(`unknown flag --${f}`);
  const scaleRaw = value('scale');
  const scale = scaleRaw ? number('scale', scaleRaw) : DEFAULT_SCALE;
  const over: Partial<NationalSizes> = {};
  for (const [flag, key] of Object.entries(SIZE_FLAGS)) {
    const raw = value(flag);
    if (raw) over[key] = Math.round(number(flag, raw));
  }
  const seedRaw = value('seed');
  const confirm = ['1', 'true', 'yes'].includes((value('confirm') ?? '').toLowerCase());
  return {
    sizes: nationalSizes(scale, over),
    scale,
    seed: seedRaw ? Math.round(number('seed', seedRaw)) : 2568,
    confirm,
  };
}

export function describeSizes(s: NationalSizes): string {
  const pupils = s.schools * s.pupilsPerSchool;
  const children = s.cdcs * s.childrenPerCdc;
  return (
    `76 provinces, ${s.laos.toLocaleString('en-US')} LAOs, ${s.schools.toLocaleString('en-US')} schools (~${pupils.toLocaleString('en-US')} pupils), ` +
    `${s.cdcs.toLocaleString('en-US')} CDCs (~${children.toLocaleString('en-US')} children), ${s.otherSchools.toLocaleString('en-US')} other-affiliation schools` +
    (s === FULL_SCALE ? ' (full national scale)' : '')
  );
}
