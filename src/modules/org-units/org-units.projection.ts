import { bulkInsert } from '../../db/bulk-insert';
import type { Projection } from '../../event-store/projection';
import type { RecordedEvent } from '../../event-store/event';
import { OrgUnitRow } from './org-unit.entity';
import { orgUnitEventTypes, type OrgUnitEvent } from './org-unit.events';

export const orgUnitsProjection: Projection = {
  name: 'org-units',
  handles: orgUnitEventTypes,
  tables: ['org_units'],
  async apply(tx, events) {
    const registered: Partial<OrgUnitRow>[] = [];
    const flush = async () => {
      if (registered.length) await bulkInsert(tx, OrgUnitRow, registered.splice(0));
    };
    for (const e of events as readonly RecordedEvent<OrgUnitEvent>[]) {
      const at = new Date(e.metadata.at);
      switch (e.type) {
        case 'OrgUnitRegistered':
          registered.push({ ...e.data, registeredAt: at, updatedAt: at });
          break;
        case 'OrgUnitDetailsChanged': {
          await flush();
          const { code, ...details } = e.data;
          const before = await tx.findOneBy(OrgUnitRow, { code });
          await tx.update(OrgUnitRow, { code }, { ...details, updatedAt: at });
          // Institutions inherit their LAO's district: when the LAO's changes, theirs follows.
          if (before?.kind === 'LAO' && before.district !== details.district)
            await tx.update(
              OrgUnitRow,
              { parentCode: code, district: before.district ?? undefined },
              { district: details.district, updatedAt: at },
            );
          break;
        }
      }
    }
    await flush();
  },
};
