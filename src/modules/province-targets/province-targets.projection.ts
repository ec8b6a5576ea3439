import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { provinceTargetEventTypes, type ProvinceTargetEvent } from './province-target.events';

/** Read model `province_targets`: the latest targets of each province in each round. */
export const provinceTargetsProjection: Projection = {
  name: 'province-targets',
  handles: provinceTargetEventTypes,
  tables: ['province_targets'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<ProvinceTargetEvent>[]) {
      const d = e.data;
      await tx.query(
        `INSERT INTO province_targets (province_code, round_id, institution_target, lao_target, note, set_at, set_by_account, set_by_profile)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (province_code, round_id) DO UPDATE SET institution_target = EXCLUDED.institution_target,
           lao_target = EXCLUDED.lao_target, note = EXCLUDED.note, set_at = EXCLUDED.set_at,
           set_by_account = EXCLUDED.set_by_account, set_by_profile = EXCLUDED.set_by_profile`,
        [
          d.provinceCode,
          d.roundId,
          d.institutionTarget,
          d.laoTarget,
          d.note,
          e.metadata.at,
          e.metadata.accountId,
          e.metadata.profileId,
        ],
      );
    }
  },
};
