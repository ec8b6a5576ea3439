import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { GradeSexCount } from '../confirmation/confirmation.events';
import { COUNTRY_CODE, publishUnits, type PublishedUnit, type UnitFigures } from './published-table';

/**
 * Builds the release of a closed round from the figures of record (issue 15): per province the
 * province's confirmations in force, per LAO the LAO's, per institution its own; a district is the
 * sum of its LAOs' confirmations in force, the country the sum of the provinces'. A unit's figures
 * are the sum of its counted datasets (pupils, children, funded schools' counts). Only counts
 * leave: no name of a pupil, no ID, no birth date is read here.
 */

interface ConfirmationRow {
  code: string;
  kind: 'PROVINCE' | 'LAO' | 'SCHOOL' | 'CDC';
  name: string;
  province_code: string | null;
  district: string | null;
  lao_code: string | null;
  confirmed_at: Date | string;
  counts: GradeSexCount[];
}

export interface Release {
  roundId: string;
  academicYear: number;
  roundNo: number;
  snapshotDate: string;
  closedAt: string;
  /** The latest confirmation the published figures reflect. */
  confirmedAt: string | null;
  units: PublishedUnit[];
}

export const districtCode = (provinceCode: string, district: string) => `${provinceCode}:${district}`;
const districtName = (district: string) => (district.startsWith('อำเภอ') ? district : `อำเภอ${district}`);
const NO_DISTRICT = 'ไม่ระบุอำเภอ';

function iso(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

/** Accumulates counts and the latest confirmation time of a unit. */
class Sum {
  readonly counts = new Map<string, GradeSexCount>();
  confirmedAt: string | null = null;
  add(counts: readonly GradeSexCount[], at: string | null) {
    for (const c of counts) {
      const k = `${c.grade}|${c.sex}`;
      const cur = this.counts.get(k);
      if (cur) cur.count += c.count;
      else this.counts.set(k, { ...c });
    }
    if (at && (!this.confirmedAt || at > this.confirmedAt)) this.confirmedAt = at;
  }
  list(): GradeSexCount[] {
    return [...this.counts.values()];
  }
}

/** The units of a round's release with their figures of record, before suppression. */
export async function figuresOfRecord(tx: EntityManager, roundId: string): Promise<UnitFigures[]> {
  const rows: ConfirmationRow[] = await tx.query(
    `SELECT o.code, o.kind, o.name, o.province_code, o.district, o.lao_code, c.confirmed_at, c.counts
       FROM confirmations c JOIN org_units o ON o.code = c.org_unit_code
      WHERE c.round_id = $1 AND c.confirmed
        AND c.dataset IN ('PUPILS', 'CHILDREN', 'OTHER_SCHOOL_COUNTS')
        AND o.kind IN ('PROVINCE', 'LAO', 'SCHOOL', 'CDC')
      ORDER BY o.code, c.dataset`,
    [roundId],
  );
  const units = new Map<string, { row: ConfirmationRow; sum: Sum }>();
  for (const r of rows) {
    const u = units.get(r.code) ?? { row: r, sum: new Sum() };
    u.sum.add(r.counts, iso(r.confirmed_at));
    units.set(r.code, u);
  }
  const country = new Sum();
  const districts = new Map<string, { province: string; name: string; sum: Sum }>();
  const out: UnitFigures[] = [];
  const byKind = (kind: ConfirmationRow['kind']) =>
    [...units.values()].filter((u) => u.row.kind === kind).sort((a, b) => (a.row.code < b.row.code ? -1 : 1));
  for (const { row, sum } of byKind('PROVINCE')) {
    country.add(sum.list(), sum.confirmedAt);
    out.push({
      code: row.code,
      name: row.name,
      kind: 'PROVINCE',
      parentCode: COUNTRY_CODE,
      confirmedAt: sum.confirmedAt,
      counts: sum.list(),
    });
  }
  const laos: UnitFigures[] = [];
  for (const { row, sum } of byKind('LAO')) {
    const province = row.province_code ?? '';
    const name = row.district?.trim() || NO_DISTRICT;
    const code = districtCode(province, name);
    const d = districts.get(code) ?? { province, name, sum: new Sum() };
    d.sum.add(sum.list(), null);
    districts.set(code, d);
    laos.push({
      code: row.code,
      name: row.name,
      kind: 'LAO',
      parentCode: code,
      confirmedAt: sum.confirmedAt,
      counts: sum.list(),
    });
  }
  const districtUnits: UnitFigures[] = [...districts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, d]) => ({
      code,
      name: d.name === NO_DISTRICT ? d.name : districtName(d.name),
      kind: 'DISTRICT',
      parentCode: d.province,
      confirmedAt: null,
      counts: d.sum.list(),
    }));
  const institutions: UnitFigures[] = [...byKind('SCHOOL'), ...byKind('CDC')]
    .sort((a, b) => (a.row.code < b.row.code ? -1 : 1))
    .map(({ row, sum }) => ({
      code: row.code,
      name: row.name,
      kind: row.kind as 'SCHOOL' | 'CDC',
      parentCode: row.lao_code,
      confirmedAt: sum.confirmedAt,
      counts: sum.list(),
    }));
  return [
    {
      code: COUNTRY_CODE,
      name: 'ประเทศไทย',
      kind: 'COUNTRY',
      parentCode: null,
      confirmedAt: null,
      counts: country.list(),
    },
    ...out,
    ...districtUnits,
    ...laos,
    ...institutions,
  ];
}

/** The release row of a closed round: suppressed units as JSON text, and its ETag. */
export async function buildRelease(tx: EntityManager, roundId: string): Promise<Release | null> {
  const [round]: {
    academic_year: number;
    round_no: number;
    snapshot_date: string;
    closed_at: Date | null;
  }[] = await tx.query(
    `SELECT academic_year, round_no, snapshot_date::text AS snapshot_date, closed_at FROM rounds WHERE id = $1 AND status = 'CLOSED'`,
    [roundId],
  );
  if (!round?.closed_at) return null;
  const figures = await figuresOfRecord(tx, roundId);
  const { units } = publishUnits(figures);
  const confirmedAt = figures.reduce<string | null>(
    (m, u) => (u.confirmedAt && (!m || u.confirmedAt > m) ? u.confirmedAt : m),
    null,
  );
  return {
    roundId,
    academicYear: round.academic_year,
    roundNo: round.round_no,
    snapshotDate: round.snapshot_date,
    closedAt: iso(round.closed_at),
    confirmedAt,
    units,
  };
}

export function etagOf(release: Omit<Release, 'units'>, unitsJson: string): string {
  return createHash('sha256')
    .update(JSON.stringify([release.roundId, release.closedAt, release.confirmedAt]))
    .update(unitsJson)
    .digest('hex')
    .slice(0, 32);
}
