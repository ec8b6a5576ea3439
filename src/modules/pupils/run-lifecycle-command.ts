import { assertRegisterOpen } from '../chain/register-lock';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { streamVersion } from '../../event-store/event-store';
import { decideLifecycle, type LifecycleCommand, type LifecycleState } from './pupil-lifecycle.decider';
import { findActiveHolder, lastPromotionYear, loadInstitution } from './pupil.reads';
import { PupilRow } from './pupil.entity';
import { refuseOutsideRegister } from './pupil-write';
import { assertNotStale, remember, replayed, type OfflineContext } from './offline/offline-write';
import { institutionStreamId } from './pupil.events';
import { parsePupilId } from './rules/citizen-id';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';

/**
 * Runs a leave, a transfer in or a hold-back on an institution's register, as runPupilCommand does:
 * state from the read models in the transaction, events appended at the stream version read first.
 */
export async function runLifecycleCommand(
  store: EventStore,
  institutionCode: string,
  command: LifecycleCommand,
  metadata: EventMetadata,
  offline?: OfflineContext,
): Promise<PupilRow> {
  return store.transaction(async (tx) => {
    const streamId = institutionStreamId(institutionCode);
    // A queued offline command sent again: its first result, nothing appended.
    const again = offline ? await replayed(tx, offline) : null;
    if (again) return again;
    const version = await streamVersion(tx, streamId);
    const unit = await loadInstitution(tx, institutionCode);
    await assertRegisterOpen(tx, unit);
    const today = todayInBangkok(new Date(metadata.at));
    const pupil = await tx.findOneBy(PupilRow, { id: command.pupilId, institutionCode });
    if (!pupil && command.type !== 'RecordPupilTransferredIn')
      await refuseOutsideRegister(tx, institutionCode, command.pupilId);
    if (offline && pupil) await assertNotStale(tx, streamId, pupil.id, offline);
    const citizenId =
      command.type === 'RecordPupilTransferredIn'
        ? parsePupilId(command.input.citizenId, today)?.value
        : command.type === 'HoldBackPupil'
          ? pupil?.citizenId
          : undefined;
    const state: LifecycleState = {
      institution: { code: unit.code, kind: unit.kind },
      academicYear: academicYearOf(today),
      today,
      pupil: pupil && { ...pupil, pupilId: pupil.id },
      activeElsewhere: citizenId ? await findActiveHolder(tx, citizenId, command.pupilId) : null,
      lastPromotionYear: await lastPromotionYear(tx, institutionCode),
    };
    const events = await store.append(
      tx,
      streamId,
      'Institution',
      version,
      decideLifecycle(command, state),
      metadata,
    );
    const result = await tx.findOneByOrFail(PupilRow, { id: command.pupilId });
    if (offline) await remember(tx, streamId, offline, events, result);
    return result;
  });
}
