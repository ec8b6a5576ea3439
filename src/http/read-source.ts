import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadReplicas } from '../db/read-replicas';
import { asOfNote } from '../graphql/read-routing';
import type { Viewer } from '../modules/access/viewer';

/** Where a read-only route (an export) reads for this viewer: a replica when one is fresh enough. */
export type ReadSourceFor = (viewer: Viewer, res: Response) => Promise<DataSource>;

/**
 * The GraphQL queries' rule for the GET exports: a replica within the lag bound that has replayed
 * the viewer's own last write, else the primary. A file read from a replica says when its data are
 * from in headers (`X-LEC-Read-From: replica`, `X-LEC-Data-As-Of`, and the Thai note, URI-encoded).
 */
export function readSourceFor(primary: DataSource, replicas: ReadReplicas | null | undefined): ReadSourceFor {
  return async (viewer, res) => {
    if (!replicas?.size) return primary;
    const choice = await replicas.choose(viewer.lastWriteLsn ?? null);
    if (choice.replica) {
      const asOf = choice.asOf ?? new Date();
      res.set({
        'X-LEC-Read-From': 'replica',
        'X-LEC-Data-As-Of': asOf.toISOString(),
        'X-LEC-Data-As-Of-Note': encodeURIComponent(asOfNote(asOf)),
      });
    }
    return choice.dataSource;
  };
}
