import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import { lockUnits } from '../confirmation/confirmation.reads';
import { assertNotConfirmed } from '../chain/register-lock';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { otherSchoolDecider } from './other-school.decider';
import type { OtherSchoolCountsEntry } from './other-school-counts.rules';
import { otherSchoolStreamId } from './other-school.events';
import { recordedCountsDataset } from '../chain/dataset';
import { readOtherSchoolCounts, type OtherSchoolCountsView } from './other-school-counts.reads';

/**
 * The funding LAO records a school's counts (DOMAIN.md, Records): only the LAO the school sits
 * under may, and recording the same figures again changes nothing.
 */
export async function recordOtherSchoolCounts(
  store: EventStore,
  fundingLaoCode: string,
  input: OtherSchoolCountsEntry & { schoolCode: string },
  metadata: EventMetadata,
): Promise<OtherSchoolCountsView> {
  return store.transaction(async (tx) => {
    const unit = await tx.findOneBy(OrgUnitRow, { code: input.schoolCode });
    if (!unit) throw badInput({ schoolCode: `ไม่พบสถานศึกษารหัส ${input.schoolCode}` });
    if (unit.laoCode !== fundingLaoCode)
      throw new LecError(
        'FORBIDDEN',
        `${unit.name} (${unit.code}) ไม่ได้อยู่ในความรับผิดชอบของ อปท. ของท่าน: จำนวนนักเรียนบันทึกได้เฉพาะ อปท. ที่อุดหนุนสถานศึกษานั้น`,
      );
    // The LAO confirms its funded schools' counts as one dataset: lock it as its confirmation does.
    await lockUnits(tx, [fundingLaoCode]);
    await assertNotConfirmed(tx, fundingLaoCode, recordedCountsDataset());
    await store.decide(
      tx,
      otherSchoolStreamId(unit.code),
      otherSchoolDecider,
      {
        type: 'RecordOtherSchoolCounts',
        school: unit,
        counts: input.counts,
        status: input.status,
        note: input.note,
      },
      metadata,
    );
    const [view] = await readOtherSchoolCounts(tx, [unit.code]);
    return view;
  });
}
