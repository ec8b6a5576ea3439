import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { loaderKind } from '../../graphql/request-loaders';
import { OrgUnitRow } from './org-unit.entity';

/** A unit by its code, batched per request (`ctx.loaders.of(orgUnitByCode).load(code)`). */
export const orgUnitByCode = loaderKind(
  'orgUnitByCode',
  (ds) =>
    new DataLoader<string, OrgUnitRow | null>(async (codes) => {
      const rows = await ds.getRepository(OrgUnitRow).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
);

/** A unit's direct children in code order, batched per request. */
export const orgUnitChildren = loaderKind(
  'orgUnitChildren',
  (ds) =>
    new DataLoader<string, OrgUnitRow[]>(async (codes) => {
      const rows = await ds
        .getRepository(OrgUnitRow)
        .find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } });
      const byParent = new Map<string, OrgUnitRow[]>();
      for (const r of rows) byParent.set(r.parentCode!, [...(byParent.get(r.parentCode!) ?? []), r]);
      return codes.map((c) => byParent.get(c) ?? []);
    }),
);
