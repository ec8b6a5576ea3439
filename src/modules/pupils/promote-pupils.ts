import { assertRegisterOpen } from '../chain/register-lock';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { streamVersion } from '../../event-store/event-store';
import { decidePromotion, type PromotePupils, type PromotionSummary } from './pupil-promotion.decider';
import { PupilPromotionRow, promotionId } from './pupil-promotion.entity';
import { lastPromotionYear, loadInstitution } from './pupil.reads';
import { PupilRow } from './pupil.entity';
import { institutionStreamId, type PromotionCompleted } from './pupil.events';
import type { Grade } from './rules/grades';
import { todayInBangkok } from '../../shared/thai-calendar';

export interface PromotionOutcome extends PromotionSummary {
  /** The institution had promoted for this year already: nothing was done now. */
  alreadyDone: boolean;
  /** Only worked out, not recorded. */
  dryRun: boolean;
  /** When the promotion was recorded; null for a dry run. */
  promotedAt: Date | null;
}

/** Moves an institution's register to a new academic year in one batch (see decidePromotion). */
export async function promotePupils(
  store: EventStore,
  institutionCode: string,
  command: PromotePupils,
  metadata: EventMetadata,
  options: { dryRun?: boolean } = {},
): Promise<PromotionOutcome> {
  const dryRun = options.dryRun ?? false;
  return store.transaction(async (tx) => {
    const streamId = institutionStreamId(institutionCode);
    const version = await streamVersion(tx, streamId);
    const unit = await loadInstitution(tx, institutionCode);
    const done = await tx.findOneBy(PupilPromotionRow, {
      id: promotionId(institutionCode, command.academicYear),
    });
    const seen: { grade: Grade }[] = await tx.query(
      `SELECT DISTINCT grade FROM pupils WHERE institution_code = $1`,
      [institutionCode],
    );
    const active = await tx.find(PupilRow, {
      select: { id: true, grade: true, enrolledAt: true },
      where: { institutionCode, status: 'ACTIVE' },
    });
    const events = decidePromotion(command, {
      institution: { code: unit.code, kind: unit.kind },
      today: todayInBangkok(new Date(metadata.at)),
      done: done !== null,
      lastPromotionYear: await lastPromotionYear(tx, institutionCode),
      gradesSeen: seen.map((r) => r.grade),
      pupils: active.map((p) => ({
        pupilId: p.id,
        grade: p.grade,
        recordedOn: todayInBangkok(p.enrolledAt),
      })),
    });
    if (done) {
      const { id: _id, promotedAt, accountId: _a, profileId: _p, ...summary } = done;
      return { ...summary, alreadyDone: true, dryRun, promotedAt };
    }
    if (!dryRun) {
      await assertRegisterOpen(tx, unit);
      await store.append(tx, streamId, 'Institution', version, events, metadata);
    }
    const completed = events[events.length - 1] as PromotionCompleted;
    return {
      ...completed.data,
      alreadyDone: false,
      dryRun,
      promotedAt: dryRun ? null : new Date(metadata.at),
    };
  });
}
