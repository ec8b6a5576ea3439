import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { streamVersion } from '../../event-store/event-store';
import { badInput } from '../../shared/errors';
import { assertRegisterOpen } from '../chain/register-lock';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { decidePupil, type InstitutionState, type PupilCommand } from './pupil.decider';
import { PupilRow } from './pupil.entity';
import { assertNotStale, remember, replayed, type OfflineContext } from './offline/offline-write';
import { institutionStreamId } from './pupil.events';
import { parsePupilId } from './rules/citizen-id';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';

async function activeHolder(
  tx: EntityManager,
  rawId: string | undefined,
  today: string,
  exceptPupilId: string,
) {
  const id = rawId ? parsePupilId(rawId, today) : null;
  if (!id) return null;
  const rows: { institution_code: string; name: string }[] = await tx.query(
    `SELECT p.institution_code, u.name FROM pupils p JOIN org_units u ON u.code = p.institution_code
      WHERE p.citizen_id = $1 AND p.status = 'ACTIVE' AND p.id <> $2`,
    [id.value, exceptPupilId],
  );
  return rows[0] ? { institutionCode: rows[0].institution_code, institutionName: rows[0].name } : null;
}

/**
 * Runs a command on an institution's register. The state is read from the read models inside
 * the transaction, and the events are appended at the stream version read first: any write to
 * the same institution in between makes the append conflict, and the decision is taken again.
 */
export async function runPupilCommand(
  store: EventStore,
  institutionCode: string,
  command: PupilCommand,
  metadata: EventMetadata,
  offline?: OfflineContext,
): Promise<PupilRow> {
  return store.transaction(async (tx) => {
    const streamId = institutionStreamId(institutionCode);
    // A queued offline command sent again: its first result, nothing appended.
    const again = offline ? await replayed(tx, offline) : null;
    if (again) return again;
    const version = await streamVersion(tx, streamId);
    const unit = await tx.findOneBy(OrgUnitRow, { code: institutionCode });
    if (!unit || (unit.kind !== 'SCHOOL' && unit.kind !== 'CDC'))
      throw badInput({ institutionCode: `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${institutionCode}` });
    await assertRegisterOpen(tx, unit);
    const today = todayInBangkok(new Date());
    const pupil = await tx.findOneBy(PupilRow, { id: command.pupilId, institutionCode });
    if (offline && pupil) await assertNotStale(tx, streamId, pupil.id, offline);
    const rawId =
      command.type === 'EnrolPupil'
        ? command.input.citizenId
        : command.type === 'CorrectPupil'
          ? (command.patch.citizenId ?? pupil?.citizenId)
          : undefined;
    const state: InstitutionState = {
      institution: { code: unit.code, kind: unit.kind },
      academicYear: academicYearOf(today),
      today,
      pupil: pupil && { ...pupil, pupilId: pupil.id },
      activeElsewhere: await activeHolder(tx, rawId, today, command.pupilId),
    };
    const events = await store.append(
      tx,
      streamId,
      'Institution',
      version,
      decidePupil(command, state),
      metadata,
    );
    const result = await tx.findOneByOrFail(PupilRow, { id: command.pupilId });
    if (offline) await remember(tx, streamId, offline, events, result);
    return result;
  });
}
