import { badInput, LecError } from '../../shared/errors';
import type { NonExistenceReason, PupilDetails, PupilEnrolled, PupilEvent } from './pupil.events';
import { parsePupilId } from './rules/citizen-id';
import type { Grade } from './rules/grades';
import { parsePrefix, type Sex } from './rules/name-prefixes';
import { checkPupil, type PupilFields } from './rules/pupil-rules';

/** What a decision about one institution's pupils needs to know, loaded in the command's transaction. */
export interface InstitutionState {
  institution: { code: string; kind: 'SCHOOL' | 'CDC' };
  academicYear: number;
  today: string;
  /** The pupil the command is about, when it is on this institution's register. */
  pupil: (PupilDetails & { pupilId: string; status: 'ACTIVE' | 'REMOVED' | 'LEFT' }) | null;
  /** Where else the citizen ID is enrolled right now, if anywhere. */
  activeElsewhere: IdHolder | null;
}

/** An institution that has a citizen ID on its register as an active pupil. */
export interface IdHolder {
  institutionCode: string;
  institutionName: string;
}

export interface PupilInputData extends PupilFields {
  religion?: string | null;
  disadvantaged?: boolean | null;
  extra?: Record<string, string> | null;
  queryNote?: string | null;
}

export type PupilCommand =
  | { type: 'EnrolPupil'; pupilId: string; input: PupilInputData }
  | { type: 'CorrectPupil'; pupilId: string; patch: Partial<PupilInputData> }
  | { type: 'RemovePupilAsNonExistent'; pupilId: string; reason: NonExistenceReason; note: string | null };

/** Checks the fields and returns them normalised, or throws the refusal the API names. */
export function validatePupilInput(
  input: PupilInputData,
  state: Pick<InstitutionState, 'academicYear' | 'today' | 'institution'>,
): { details: PupilDetails; queries: Record<string, string>; queryNote: string | null } {
  const problems = checkPupil(input, {
    academicYear: state.academicYear,
    today: state.today,
    institutionKind: state.institution.kind,
  });
  if (problems.errors.citizenId)
    throw new LecError('INVALID_CITIZEN_ID', problems.errors.citizenId, { fields: problems.errors });
  if (Object.keys(problems.errors).length) throw badInput(problems.errors);
  const queryNote = input.queryNote?.trim() || null;
  if (Object.keys(problems.queries).length && !queryNote)
    throw new LecError(
      'BAD_USER_INPUT',
      `ข้อมูลบางรายการผิดปกติ กรุณาระบุเหตุผลในช่องคำอธิบาย: ${Object.values(problems.queries).join(', ')}`,
      {
        fields: { queryNote: 'กรุณาระบุเหตุผล', ...problems.queries },
        queries: problems.queries,
      },
    );
  const id = parsePupilId(input.citizenId, state.today)!;
  const details: PupilDetails = {
    citizenId: id.value,
    idKind: id.kind,
    prefix: parsePrefix(input.prefix)!.prefix,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    sex: input.sex as Sex,
    birthDate: input.birthDate.trim(),
    nationality: input.nationality.trim(),
    religion: input.religion?.trim() || null,
    grade: input.grade as Grade,
    enrolmentDate: input.enrolmentDate?.trim() || null,
    disadvantaged: input.disadvantaged ?? false,
    extra: input.extra ?? {},
  };
  return {
    details,
    queries: problems.queries,
    queryNote: Object.keys(problems.queries).length ? queryNote : null,
  };
}

/**
 * One citizen ID active at one institution (DOMAIN.md): why an ID that `holder` has on its register
 * cannot be enrolled again. The commands refuse with it (`refuseDuplicate`); the import's preview and
 * commit mark their rows with it (`imports/register-duplicates.ts`).
 */
export function duplicateProblem(holder: IdHolder): string {
  return `เลขประจำตัวประชาชนนี้มีชื่ออยู่ที่ ${holder.institutionName} (รหัส ${holder.institutionCode}) แล้ว หากนักเรียนย้ายมา ให้ขอย้ายจากสถานศึกษาเดิม`;
}

/** DUPLICATE_PUPIL naming the institution that holds the ID, which a transfer request can then ask. */
export function refuseDuplicate(state: Pick<InstitutionState, 'activeElsewhere'>): void {
  const other = state.activeElsewhere;
  if (other)
    throw new LecError('DUPLICATE_PUPIL', duplicateProblem(other), {
      institutionCode: other.institutionCode,
      institutionName: other.institutionName,
    });
}

/**
 * The enrolment of a pupil whose input passed `validatePupilInput` and whose ID no register holds:
 * built here for the command and for each row of a committed import alike.
 */
export function enrolledEvent(
  pupilId: string,
  institutionCode: string,
  accepted: { details: PupilDetails; queries: Record<string, string>; queryNote: string | null },
): PupilEnrolled {
  return {
    type: 'PupilEnrolled',
    data: {
      pupilId,
      institutionCode,
      ...accepted.details,
      queries: accepted.queries,
      queryNote: accepted.queryNote,
    },
  };
}

function requireActivePupil(state: InstitutionState) {
  if (!state.pupil || state.pupil.status !== 'ACTIVE')
    throw badInput({ pupilId: 'ไม่พบนักเรียนรายนี้ในทะเบียนปัจจุบันของสถานศึกษา' });
  return state.pupil;
}

export function decidePupil(command: PupilCommand, state: InstitutionState): PupilEvent[] {
  switch (command.type) {
    case 'EnrolPupil': {
      const accepted = validatePupilInput(command.input, state);
      refuseDuplicate(state);
      return [enrolledEvent(command.pupilId, state.institution.code, accepted)];
    }
    case 'CorrectPupil': {
      const current = requireActivePupil(state);
      const merged: PupilInputData = {
        ...current,
        ...Object.fromEntries(Object.entries(command.patch).filter(([, v]) => v !== undefined)),
      };
      const { details, queries, queryNote } = validatePupilInput(merged, state);
      if (details.citizenId !== current.citizenId) refuseDuplicate(state);
      const changes = Object.fromEntries(
        (Object.keys(details) as (keyof PupilDetails)[])
          .filter((k) => JSON.stringify(details[k]) !== JSON.stringify(current[k]))
          .map((k) => [k, details[k]]),
      ) as Partial<PupilDetails>;
      if (Object.keys(changes).length === 0 && command.patch.queryNote === undefined) return [];
      return [
        { type: 'PupilDetailsCorrected', data: { pupilId: command.pupilId, changes, queries, queryNote } },
      ];
    }
    case 'RemovePupilAsNonExistent': {
      requireActivePupil(state);
      return [
        {
          type: 'PupilRemovedAsNonExistent',
          data: { pupilId: command.pupilId, reason: command.reason, note: command.note?.trim() || null },
        },
      ];
    }
  }
}
