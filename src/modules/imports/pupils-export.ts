import type { EntityManager } from 'typeorm';
import { seesWholeCitizenId } from '../access/policy';
import { citizenIdFor } from '../pupils/rules/citizen-id';
import { gradeLabels, grades, type Grade } from '../pupils/rules/grades';
import { sexLabels, type Sex } from '../pupils/rules/name-prefixes';
import { ceToBe } from '../../shared/thai-calendar';
import type { ExportTable } from '../../shared/table-file';
import { importColumns, importFields } from './import-columns';

interface PupilRecord {
  citizen_id: string;
  prefix: string;
  first_name: string;
  last_name: string;
  sex: Sex;
  birth_date: string;
  nationality: string;
  religion: string | null;
  grade: Grade;
  enrolment_date: string | null;
  disadvantaged: boolean;
  query_note: string | null;
  extra: Record<string, string>;
}

/** `2018-03-15` → `15/03/2561`, as Thai sheets write dates. */
export function beDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${ceToBe(Number(y))}`;
}

/**
 * The institution's current pupils, by grade and name, as `looker` may see them: the institution itself
 * gets the whole citizen ID and the extra columns (parents, address…); anyone above it a masked ID and
 * no extras.
 */
export async function pupilsExportTable(
  m: EntityManager,
  institutionCode: string,
  looker: { code: string },
): Promise<ExportTable> {
  const own = seesWholeCitizenId(looker, institutionCode);
  const pupils: PupilRecord[] = await m.query(
    `SELECT citizen_id, prefix, first_name, last_name, sex, birth_date::text AS birth_date, nationality, religion,
            grade, enrolment_date::text AS enrolment_date, disadvantaged, query_note, extra
       FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE'
      ORDER BY array_position($2::varchar[], grade), last_name, first_name, id`,
    [institutionCode, grades],
  );
  const extraKeys = own ? [...new Set(pupils.flatMap((p) => Object.keys(p.extra ?? {})))] : [];
  const rows = pupils.map((p) => {
    const fixed: Record<(typeof importFields)[number], string> = {
      citizenId: citizenIdFor(looker, institutionCode, p.citizen_id),
      prefix: p.prefix,
      firstName: p.first_name,
      lastName: p.last_name,
      sex: sexLabels[p.sex],
      birthDate: beDate(p.birth_date),
      grade: gradeLabels[p.grade].short,
      nationality: p.nationality,
      religion: p.religion ?? '',
      enrolmentDate: beDate(p.enrolment_date),
      disadvantaged: p.disadvantaged ? 'ใช่' : 'ไม่ใช่',
      queryNote: p.query_note ?? '',
    };
    return [...importFields.map((f) => fixed[f]), ...extraKeys.map((k) => p.extra?.[k] ?? '')];
  });
  return { headers: [...importFields.map((f) => importColumns[f].header), ...extraKeys], rows };
}
