import type { EntityManager } from 'typeorm';
import { grades } from '../pupils/rules/grades';
import type { PublishedUnit, ShownValue } from './published-table';
import type { Release } from './release.build';
import { COMPLEMENTARY_MARK, SMALL_MARK } from './suppression';
import { isInstitution } from '../chain/org-unit-kind';

export interface ReleaseMeta extends Omit<Release, 'units'> {
  etag: string;
  unitCount: number;
}

/** A release ready to serve: parsed units and the two documents, rendered once per process. */
export interface ServedRelease {
  meta: ReleaseMeta;
  units: PublishedUnit[];
  byCode: Map<string, PublishedUnit>;
  children: Map<string, PublishedUnit[]>;
  json: Buffer;
  csv: Buffer;
}

interface MetaRow {
  round_id: string;
  academic_year: number;
  round_no: number;
  snapshot_date: string;
  closed_at: Date;
  confirmed_at: Date | null;
  etag: string;
  unit_count: number;
}

const META = `round_id, academic_year, round_no, snapshot_date::text AS snapshot_date, closed_at, confirmed_at, etag, unit_count`;

function metaOf(r: MetaRow): ReleaseMeta {
  return {
    roundId: r.round_id,
    academicYear: r.academic_year,
    roundNo: r.round_no,
    snapshotDate: r.snapshot_date,
    closedAt: new Date(r.closed_at).toISOString(),
    confirmedAt: r.confirmed_at && new Date(r.confirmed_at).toISOString(),
    etag: r.etag,
    unitCount: r.unit_count,
  };
}

/** Every release, latest closed round first (small rows: the units stay in the table). */
export async function listReleases(m: EntityManager): Promise<ReleaseMeta[]> {
  const rows: MetaRow[] = await m.query(`SELECT ${META} FROM open_data_releases ORDER BY closed_at DESC`);
  return rows.map(metaOf);
}

/** The release of a round, or of the latest closed round; null when there is none. */
export async function releaseMeta(m: EntityManager, roundId?: string | null): Promise<ReleaseMeta | null> {
  const rows: MetaRow[] = roundId
    ? await m.query(`SELECT ${META} FROM open_data_releases WHERE round_id = $1`, [roundId])
    : await m.query(`SELECT ${META} FROM open_data_releases ORDER BY closed_at DESC LIMIT 1`);
  return rows[0] ? metaOf(rows[0]) : null;
}

export const SUPPRESSION_NOTE =
  `${SMALL_MARK} = 1 ถึง 4 คน; ${COMPLEMENTARY_MARK} = ปกปิดเพิ่มเพื่อไม่ให้คำนวณช่องที่น้อยกว่า 5 ย้อนกลับจากผลรวมได้ ` +
  `(cells of 1 to 4 are shown as ${SMALL_MARK}; ${COMPLEMENTARY_MARK} hides a further cell so that none can be recomputed from the totals)`;

const gradeKey = (g: string) => g.toLowerCase();

/** JSON: the round, the confirmation time, the units; a grade absent from a unit is zero throughout. */
function renderJson(meta: ReleaseMeta, units: PublishedUnit[]): Buffer {
  const { etag: _etag, unitCount: _count, ...round } = meta;
  return Buffer.from(
    JSON.stringify({
      round: {
        id: round.roundId,
        academicYear: round.academicYear,
        roundNo: round.roundNo,
        snapshotDate: round.snapshotDate,
        closedAt: round.closedAt,
      },
      confirmedAt: round.confirmedAt,
      suppression: { small: SMALL_MARK, complementary: COMPLEMENTARY_MARK, note: SUPPRESSION_NOTE },
      notes:
        'Figures of record of the closed round: provinces, LAOs and institutions as they confirmed them; districts are the sums of their LAOs, the country of the provinces. Areas by grade and sex, institutions by grade. A grade missing from a unit is 0.',
      units: units.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentCode,
        confirmedAt: u.confirmedAt,
        total: isInstitution(u.kind) ? { total: u.total.total } : u.total,
        grades: Object.fromEntries(
          u.grades
            .filter((g) => g.total !== 0)
            .map((g) => [
              gradeKey(g.grade),
              g.male === null ? { total: g.total } : { male: g.male, female: g.female, total: g.total },
            ]),
        ),
      })),
    }),
  );
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: one row per unit, a column per grade and sex (institutions: totals only), with a BOM for Excel. */
function renderCsv(meta: ReleaseMeta, units: PublishedUnit[]): Buffer {
  const head = [
    'round_id',
    'confirmed_at',
    'unit_code',
    'unit_kind',
    'unit_name',
    'parent_code',
    'unit_confirmed_at',
    ...grades.flatMap((g) => [`${gradeKey(g)}_male`, `${gradeKey(g)}_female`, `${gradeKey(g)}_total`]),
    'total_male',
    'total_female',
    'total',
  ];
  const lines = [head.join(',')];
  for (const u of units) {
    const cells: (ShownValue | null)[] = [
      ...u.grades.flatMap((g) => [g.male, g.female, g.total]),
      u.total.male,
      u.total.female,
      u.total.total,
    ];
    lines.push(
      [meta.roundId, meta.confirmedAt, u.code, u.kind, u.name, u.parentCode, u.confirmedAt, ...cells]
        .map(csvField)
        .join(','),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Releases served by this process, by round; a round's release never changes once built, the ETag says so. */
const cache = new Map<string, ServedRelease>();
const CACHE_ROUNDS = 4;

/** The release ready to serve; read and rendered once per process and round (checked by its ETag). */
export async function servedRelease(m: EntityManager, meta: ReleaseMeta): Promise<ServedRelease> {
  const hit = cache.get(meta.roundId);
  if (hit && hit.meta.etag === meta.etag) return hit;
  const [row]: { units: string }[] = await m.query(
    `SELECT units FROM open_data_releases WHERE round_id = $1`,
    [meta.roundId],
  );
  const units = JSON.parse(row?.units ?? '[]') as PublishedUnit[];
  const children = new Map<string, PublishedUnit[]>();
  for (const u of units) {
    if (u.parentCode === null) continue;
    const list = children.get(u.parentCode);
    if (list) list.push(u);
    else children.set(u.parentCode, [u]);
  }
  const served: ServedRelease = {
    meta,
    units,
    byCode: new Map(units.map((u) => [u.code, u])),
    children,
    json: renderJson(meta, units),
    csv: renderCsv(meta, units),
  };
  cache.delete(meta.roundId);
  cache.set(meta.roundId, served);
  while (cache.size > CACHE_ROUNDS) cache.delete(cache.keys().next().value as string);
  return served;
}
