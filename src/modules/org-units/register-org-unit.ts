import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { orgUnitDecider } from './org-unit.decider';
import { OrgUnitRow } from './org-unit.entity';
import { orgUnitStreamId } from './org-unit.events';
import type { OrgUnitInputData, ParentInfo } from './org-unit.rules';

export async function findParent(tx: EntityManager, parentCode: string | null): Promise<ParentInfo | null> {
  if (!parentCode) return null;
  const row = await tx.findOneBy(OrgUnitRow, { code: parentCode });
  return (
    row && {
      code: row.code,
      kind: row.kind,
      provinceCode: row.provinceCode,
      laoCode: row.laoCode,
      district: row.district,
    }
  );
}

/** Registers one unit inside the caller's transaction (an import registers many in one). */
export async function registerOrgUnitIn(
  store: EventStore,
  tx: EntityManager,
  input: OrgUnitInputData,
  metadata: EventMetadata,
): Promise<OrgUnitRow> {
  const parent = await findParent(tx, input.parentCode);
  await store.decide(
    tx,
    orgUnitStreamId(input.code),
    orgUnitDecider,
    { type: 'RegisterOrgUnit', input, parent },
    metadata,
  );
  return tx.findOneByOrFail(OrgUnitRow, { code: input.code });
}

export function registerOrgUnit(
  store: EventStore,
  input: OrgUnitInputData,
  metadata: EventMetadata,
): Promise<OrgUnitRow> {
  return store.transaction((tx) => registerOrgUnitIn(store, tx, input, metadata));
}
