import type { RecordedEvent } from '../../src/event-store/event';
import type { Projection } from '../../src/event-store/projection';
import type { PupilEnrolled } from '../../src/modules/pupils/pupil.events';

/**
 * A measurement, not the app's code: the pupils projection with a batch made only of PupilEnrolled
 * events written by one `INSERT … SELECT FROM jsonb_to_recordset($1)` (one parameter, one round
 * trip, no ORM work per row) instead of TypeORM's multi-row insert builder; any other batch goes to
 * the real projection. The import bench runs it beside the real one to show what the pupils
 * module would gain.
 */
const INSERT_ENROLLED = `
INSERT INTO pupils (id, institution_code, citizen_id, id_kind, prefix, first_name, last_name, sex, birth_date,
                    nationality, religion, grade, enrolment_date, disadvantaged, extra, queries, query_note,
                    status, enrolled_at, updated_at)
SELECT r.id, r.institution_code, r.citizen_id, r.id_kind, r.prefix, r.first_name, r.last_name, r.sex, r.birth_date,
       r.nationality, r.religion, r.grade, r.enrolment_date, r.disadvantaged, r.extra, r.queries, r.query_note,
       'ACTIVE', r.at, r.at
  FROM jsonb_to_recordset($1::text::jsonb) AS r(
         id varchar, institution_code varchar, citizen_id varchar, id_kind varchar, prefix varchar,
         first_name varchar, last_name varchar, sex varchar, birth_date date, nationality varchar,
         religion varchar, grade varchar, enrolment_date date, disadvantaged boolean, extra jsonb,
         queries jsonb, query_note text, at timestamptz)`;

export function setBasedEnrolments(pupils: Projection): Projection {
  return {
    ...pupils,
    async apply(tx, events) {
      if (!events.every((e) => e.type === 'PupilEnrolled')) return pupils.apply(tx, events);
      const rows = (events as readonly RecordedEvent<PupilEnrolled>[]).map(({ data: d, metadata }) => ({
        id: d.pupilId,
        institution_code: d.institutionCode,
        citizen_id: d.citizenId,
        id_kind: d.idKind,
        prefix: d.prefix,
        first_name: d.firstName,
        last_name: d.lastName,
        sex: d.sex,
        birth_date: d.birthDate,
        nationality: d.nationality,
        religion: d.religion,
        grade: d.grade,
        enrolment_date: d.enrolmentDate,
        disadvantaged: d.disadvantaged,
        extra: d.extra,
        queries: d.queries,
        query_note: d.queryNote,
        at: metadata.at,
      }));
      await tx.query(INSERT_ENROLLED, [JSON.stringify(rows)]);
    },
  };
}
