import { In, type EntityManager } from 'typeorm';
import { AccountRow, ProfileRow } from '../accounts/account.entity';
import { gradeLabels } from '../pupils/rules/grades';
import { OtherSchoolCountRow, OtherSchoolRecordRow } from './other-school-counts.entity';
import {
  otherSchoolGrades,
  type OtherSchoolGrade,
  type OtherSchoolStatus,
} from './other-school-counts.rules';

export interface GradeCountView {
  grade: OtherSchoolGrade;
  label: string;
  male: number;
  female: number;
  total: number;
}

export interface RecorderView {
  username: string | null;
  profile: Pick<
    ProfileRow,
    'id' | 'firstName' | 'lastName' | 'position' | 'phone' | 'startedAt' | 'endedAt'
  > | null;
}

/** A school's latest counts; every figure null when its LAO has not recorded it yet (null is not 0). */
export interface OtherSchoolCountsView {
  schoolCode: string;
  recorded: boolean;
  status: OtherSchoolStatus | null;
  note: string | null;
  counts: GradeCountView[] | null;
  male: number | null;
  female: number | null;
  total: number | null;
  recordedAt: Date | null;
  recordedBy: RecorderView | null;
}

/** A record with its account and profile joined in; the profile's columns are null only with profileId. */
interface RecordJoined {
  schoolCode: string;
  status: OtherSchoolStatus;
  note: string | null;
  recordedAt: Date;
  accountId: string | null;
  username: string | null;
  profileId: string | null;
  firstName: string;
  lastName: string;
  position: string;
  phone: string;
  startedAt: Date;
  endedAt: Date | null;
}

const unrecorded = (schoolCode: string): OtherSchoolCountsView => ({
  schoolCode,
  recorded: false,
  status: null,
  note: null,
  counts: null,
  male: null,
  female: null,
  total: null,
  recordedAt: null,
  recordedBy: null,
});

function viewOf(r: RecordJoined, rows: OtherSchoolCountRow[]): OtherSchoolCountsView {
  const byGrade = new Map(rows.map((c) => [c.grade, c]));
  const counts = otherSchoolGrades.map((grade) => {
    const { male, female } = byGrade.get(grade) ?? { male: 0, female: 0 };
    return { grade, label: gradeLabels[grade].short, male, female, total: male + female };
  });
  const sum = (k: 'male' | 'female' | 'total') => counts.reduce((n, c) => n + c[k], 0);
  return {
    schoolCode: r.schoolCode,
    recorded: true,
    status: r.status,
    note: r.note,
    counts,
    male: sum('male'),
    female: sum('female'),
    total: sum('total'),
    recordedAt: new Date(r.recordedAt),
    recordedBy: r.accountId
      ? {
          username: r.username,
          profile: r.profileId
            ? {
                id: r.profileId,
                firstName: r.firstName,
                lastName: r.lastName,
                position: r.position,
                phone: r.phone,
                startedAt: r.startedAt,
                endedAt: r.endedAt,
              }
            : null,
        }
      : null,
  };
}

/**
 * The latest counts of the given schools, in the order given, with who recorded them (account and
 * the profile in force then) joined in: two queries for any number of schools.
 */
export async function readOtherSchoolCounts(
  m: EntityManager,
  schoolCodes: readonly string[],
): Promise<OtherSchoolCountsView[]> {
  if (schoolCodes.length === 0) return [];
  const codes = [...schoolCodes];
  const records: RecordJoined[] = await m
    .createQueryBuilder(OtherSchoolRecordRow, 'r')
    .leftJoin(AccountRow, 'a', 'a.id = r.account_id')
    .leftJoin(ProfileRow, 'p', 'p.id = r.profile_id')
    .select([
      'r.school_code AS "schoolCode"',
      'r.status AS "status"',
      'r.note AS "note"',
      'r.recorded_at AS "recordedAt"',
      'r.account_id AS "accountId"',
      'a.username AS "username"',
      'p.id AS "profileId"',
      'p.first_name AS "firstName"',
      'p.last_name AS "lastName"',
      'p.position AS "position"',
      'p.phone AS "phone"',
      'p.started_at AS "startedAt"',
      'p.ended_at AS "endedAt"',
    ])
    .where('r.school_code IN (:...codes)', { codes })
    .getRawMany();
  const counts = await m.findBy(OtherSchoolCountRow, { schoolCode: In(codes) });
  const rowsOf = new Map<string, OtherSchoolCountRow[]>();
  for (const c of counts) rowsOf.set(c.schoolCode, [...(rowsOf.get(c.schoolCode) ?? []), c]);
  const byCode = new Map(records.map((r) => [r.schoolCode, viewOf(r, rowsOf.get(r.schoolCode) ?? [])]));
  return codes.map((code) => byCode.get(code) ?? unrecorded(code));
}
