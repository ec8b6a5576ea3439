import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { createActorLoader } from '../modules/accounts/actor.loader';
import { OrgUnitRow } from '../modules/org-units/org-unit.entity';

/** Per-request batch loaders, so nested fields cost one query per level, not one per row. */
export function createLoaders(ds: DataSource) {
  return {
    actor: createActorLoader(ds),
    orgUnit: new DataLoader<string, OrgUnitRow | null>(async (codes) => {
      const rows = await ds.getRepository(OrgUnitRow).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    orgUnitChildren: new DataLoader<string, OrgUnitRow[]>(async (codes) => {
      const rows = await ds
        .getRepository(OrgUnitRow)
        .find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } });
      const byParent = new Map<string, OrgUnitRow[]>();
      for (const r of rows) byParent.set(r.parentCode!, [...(byParent.get(r.parentCode!) ?? []), r]);
      return codes.map((c) => byParent.get(c) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
