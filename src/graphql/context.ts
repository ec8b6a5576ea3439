import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadChoice } from '../db/read-replicas';
import type { EventMetadata } from '../event-store/event';
import type { EventStore } from '../event-store/event-store.service';
import type { Viewer } from '../modules/access/viewer';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  requestId: string;
  dataSource: DataSource;
  store: EventStore;
  loaders: Loaders;
  viewer: Viewer | null;
  req: Request;
  res: Response;
  /** Where a read-only operation was routed (read-routing.ts); unset without replicas or for a mutation. */
  readFrom?: ReadChoice;
}

/** The metadata every event of this request carries: account, profile in force, unit, request, time. */
export function metadataOf(ctx: Pick<GraphQLContext, 'viewer' | 'requestId'>): EventMetadata {
  const v = ctx.viewer;
  return {
    accountId: v?.accountId ?? null,
    profileId: v?.profileId ?? null,
    orgUnitCode: v?.orgUnit.code ?? null,
    requestId: ctx.requestId,
    at: new Date().toISOString(),
  };
}
