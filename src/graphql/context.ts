import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadChoice } from '../db/read-replicas';
import type { EventStore } from '../event-store/event-store.service';
import type { RequestLoaders } from './request-loaders';

/** What the kernel needs of a signed-in caller: its last write, for read-your-writes on a replica. */
export interface KernelViewer {
  lastWriteLsn?: string | null;
}

/**
 * One GraphQL request's context. The kernel does not know who a viewer is (that is the access
 * module's `Viewer`; modules use `GraphQLContext` from `modules/access/context.ts`).
 */
export interface RequestContext<V extends KernelViewer = KernelViewer> {
  requestId: string;
  dataSource: DataSource;
  store: EventStore;
  loaders: RequestLoaders;
  viewer: V | null;
  req: Request;
  res: Response;
  /** Where a read-only operation was routed (read-routing.ts); unset without replicas or for a mutation. */
  readFrom?: ReadChoice;
}
