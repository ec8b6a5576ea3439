import { randomInt, randomUUID } from 'node:crypto';
import { systemMetadata } from '../../src/event-store/event';
import type { EventStore } from '../../src/event-store/event-store.service';
import type { PupilInputData } from '../../src/modules/pupils/pupil.decider';
import { runPupilCommand } from '../../src/modules/pupils/run-pupil-command';
import { citizenIdCheckDigit } from '../../src/modules/pupils/rules/citizen-id';

/** A checksum-valid Thai citizen ID (first digit 1: Thai, registered at birth). */
export function validCitizenId(): string {
  const first12 = '1' + Array.from({ length: 11 }, () => randomInt(10)).join('');
  return first12 + citizenIdCheckDigit(first12);
}

/** A pupil of the right age for P1 in the current academic year. */
export function pupilInput(over: Record<string, unknown> = {}) {
  const year = new Date().getUTCFullYear() - 7;
  return {
    citizenId: validCitizenId(),
    prefix: 'ด.ช.',
    firstName: 'ธนากร',
    lastName: 'ใจงาม',
    sex: 'MALE',
    birthDate: `${year}-03-15`,
    nationality: 'ไทย',
    grade: 'P1',
    ...over,
  };
}

/** Puts a pupil (or a CDC child) on an institution's register directly through the command path. */
export async function seedPupil(
  store: EventStore,
  institution: { code: string; kind: string },
): Promise<string> {
  const year = new Date().getUTCFullYear();
  const input =
    institution.kind === 'CDC' ? pupilInput({ grade: 'CDC', birthDate: `${year - 3}-01-10` }) : pupilInput();
  const row = await runPupilCommand(
    store,
    institution.code,
    { type: 'EnrolPupil', pupilId: randomUUID(), input: input as PupilInputData },
    systemMetadata('test'),
  );
  return row.id;
}
