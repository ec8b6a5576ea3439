import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import type { RequestContext } from '../../graphql/context';
import type { Logger } from '../../shared/logger';
import type { Viewer } from './viewer';

/** The GraphQL context as the modules see it: the kernel's request context with LEC's viewer. */
export type GraphQLContext = RequestContext<Viewer>;

/**
 * The metadata every event of a request carries: account, profile in force, unit, request, time.
 * The one place it is built, for GraphQL resolvers (`metadataOf(ctx)`) and REST routes alike
 * (`metadataOf({ viewer, requestId: requestIdOf(req) })`).
 */
export function metadataOf(ctx: { viewer: Viewer | null; requestId: string }): EventMetadata {
  const v = ctx.viewer;
  return {
    accountId: v?.accountId ?? null,
    profileId: v?.profileId ?? null,
    orgUnitCode: v?.orgUnit.code ?? null,
    requestId: ctx.requestId,
    at: new Date().toISOString(),
  };
}

/** What a REST route (an upload, an export, a PDF) is given by app.ts. */
export interface RouteDeps {
  dataSource: DataSource;
  store: EventStore;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}
