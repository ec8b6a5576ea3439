import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { loaderKind } from '../../graphql/request-loaders';
import { badInput, LecError } from '../../shared/errors';
import type { GraphQLContext } from '../access/context';
import { assertWithin } from '../access/policy';
import type { Viewer } from '../access/viewer';
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

/** How a unit that does not exist is refused: BAD_USER_INPUT on `field` (default `orgUnitCode`), or NOT_FOUND. */
export interface UnitRefusal {
  field?: string;
  /** The unit as the message names it: `ไม่พบ${what}รหัส …` (default หน่วยงาน). */
  what?: string;
  notFound?: boolean;
}

/**
 * The unit a request names, refused when there is none and FORBIDDEN outside the viewer's scope
 * (`assertWithin`): the one guard of every query, route and document that takes a unit's code.
 * Loads through the request's loader in GraphQL, else through the manager (REST routes, reads).
 */
export async function requireUnitInScope(
  from: Pick<GraphQLContext, 'loaders'> | EntityManager,
  viewer: Viewer,
  code: string,
  refusal: UnitRefusal = {},
): Promise<OrgUnitRow> {
  const unit =
    'loaders' in from
      ? await from.loaders.of(orgUnitByCode).load(code)
      : await from.findOneBy(OrgUnitRow, { code });
  if (!unit) {
    const message = `ไม่พบ${refusal.what ?? 'หน่วยงาน'}รหัส ${code}`;
    throw refusal.notFound
      ? new LecError('NOT_FOUND', message)
      : badInput({ [refusal.field ?? 'orgUnitCode']: message });
  }
  assertWithin(viewer, unit);
  return unit;
}
