import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput } from '../../shared/errors';
import { openRoundId } from '../chain/register-lock';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { CdcBasicDataRow } from './cdc-basic-data.entity';
import type { CdcBasicDataEntry } from './cdc-basic-data.rules';
import { cdcDecider } from './cdc.decider';
import { cdcStreamId } from './cdc.events';

/**
 * A centre records its basic data (guideline 5.3.2 (3)). Each change is a new version of the
 * whole record; the same facts again change nothing. Returns the centre's latest version.
 */
export async function recordCdcBasicData(
  store: EventStore,
  cdcCode: string,
  entry: CdcBasicDataEntry,
  metadata: EventMetadata,
): Promise<CdcBasicDataRow> {
  return store.transaction(async (tx) => {
    const unit = await tx.findOneBy(OrgUnitRow, { code: cdcCode });
    if (!unit) throw badInput({ cdcCode: `ไม่พบศูนย์พัฒนาเด็กเล็กรหัส ${cdcCode}` });
    await store.decide(
      tx,
      cdcStreamId(cdcCode),
      cdcDecider,
      { type: 'RecordCdcBasicData', cdc: unit, entry, openRoundId: await openRoundId(tx) },
      metadata,
    );
    return tx.findOneByOrFail(CdcBasicDataRow, { cdcCode });
  });
}
