import type { EntityManager } from 'typeorm';
import { badInput } from '../../shared/errors';
import type { OtherSchoolCountsRecorded } from '../other-schools/other-school.events';
import { pupilEventTypes } from '../pupils/pupil.events';
import { isIsoDate, todayInBangkok } from '../../shared/thai-calendar';
import { scopeFilter, type CountScope } from './count-scope';
import { tallyRegister, type AgeCell, type EnrolledCell, type GradeSexCell } from './figures.model';
import { foldRegister, type PlainEvent } from '../pupils/register-fold';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `at` as an instant: an ISO timestamp with its zone, or a date meaning the end of that day in Bangkok. */
export function parseAsOf(at: string): Date {
  const s = at.trim();
  const instant = isIsoDate(s) ? new Date(`${s}T23:59:59.999+07:00`) : INSTANT.test(s) ? new Date(s) : null;
  if (!instant || Number.isNaN(instant.getTime()))
    throw badInput({
      at: 'กรุณาระบุวันที่ (เช่น 2025-06-10 คือสิ้นวันนั้นตามเวลาประเทศไทย) หรือเวลาแบบ ISO 8601 พร้อมเขตเวลา (เช่น 2025-06-10T17:00:00+07:00)',
    });
  return instant;
}

export interface AsOfCounts {
  enrolled: EnrolledCell[];
  ages: AgeCell[];
  otherSchools: GradeSexCell[];
  referenceDate: string;
}

/**
 * Counts as they stood at an instant: the pupil events of the institutions under the scope up to
 * then, replayed through foldRegister; for funded schools, each one's last record up to then.
 */
export async function readAsOfCounts(m: EntityManager, scope: CountScope, at: Date): Promise<AsOfCounts> {
  const pp: unknown[] = [at.toISOString(), [...pupilEventTypes]];
  const pf = scopeFilter(scope, 'o.code', pp);
  const events: PlainEvent[] = await m.query(
    `SELECT e.type, e.data FROM org_units o
       JOIN events e ON e.stream_id = 'Institution-' || o.code
      WHERE o.kind IN ('SCHOOL', 'CDC') AND ${pf.where}
        AND e.recorded_at <= $1 AND e.type = ANY($2::text[])
      ORDER BY e.global_position`,
    pp,
  );
  const referenceDate = todayInBangkok(at);
  const { enrolled, ages } = tallyRegister(foldRegister(events), referenceDate);

  const op: unknown[] = [at.toISOString()];
  const of = scopeFilter(scope, 'o.code', op);
  const records: { data: OtherSchoolCountsRecorded['data'] }[] = await m.query(
    `SELECT DISTINCT ON (e.stream_id) e.data FROM org_units o
       JOIN events e ON e.stream_id = 'OtherSchool-' || o.code
      WHERE o.kind = 'OTHER_SCHOOL' AND ${of.where}
        AND e.recorded_at <= $1 AND e.type = 'OtherSchoolCountsRecorded'
      ORDER BY e.stream_id, e.global_position DESC`,
    op,
  );
  const otherSchools: GradeSexCell[] = records.flatMap(({ data }) =>
    data.counts.flatMap((g) => [
      { grade: g.grade, sex: 'MALE' as const, count: g.male },
      { grade: g.grade, sex: 'FEMALE' as const, count: g.female },
    ]),
  );
  return { enrolled, ages, otherSchools, referenceDate };
}
