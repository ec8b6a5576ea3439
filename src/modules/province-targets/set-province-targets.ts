import type { EventMetadata } from '../../event-store/event';
import { streamVersion } from '../../event-store/event-store';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import { todayInBangkok } from '../../shared/thai-calendar';
import { provinceTargetStreamId, type ProvinceTargetsSet } from './province-target.events';
import { targetProblems, type TargetInput } from './province-target.rules';
import { openRoundDeadlines, targetsOf, type ProvinceTargetsView } from './province-targets.reads';

/** Sets (or moves) a province's targets for the open round; each change is an event, the latest counts. */
export async function setProvinceTargets(
  store: EventStore,
  provinceCode: string,
  input: TargetInput & { note?: string | null },
  metadata: EventMetadata,
): Promise<ProvinceTargetsView> {
  return store.transaction(async (tx) => {
    const streamId = provinceTargetStreamId(provinceCode);
    const version = await streamVersion(tx, streamId);
    const round = await openRoundDeadlines(tx);
    if (!round) throw new LecError('NO_OPEN_ROUND', 'ขณะนี้ไม่มีรอบที่เปิดอยู่ จึงยังกำหนดเป้าหมายของจังหวัดไม่ได้');
    const fields = targetProblems(input, round, todayInBangkok(new Date(metadata.at)));
    const note = input.note?.trim() || null;
    if (note && note.length > 1000) fields.note = 'หมายเหตุยาวเกิน 1,000 ตัวอักษร';
    if (Object.keys(fields).length) throw badInput(fields);
    const event: ProvinceTargetsSet = {
      type: 'ProvinceTargetsSet',
      data: {
        provinceCode,
        roundId: round.id,
        institutionTarget: input.institutionTarget,
        laoTarget: input.laoTarget,
        note,
      },
    };
    await store.append(tx, streamId, 'ProvinceTargets', version, [event], metadata);
    return (await targetsOf(tx, provinceCode, round.id))!;
  });
}
