import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadReplicas } from '../db/read-replicas';
import { formatThaiDate, todayInBangkok } from '../shared/thai-calendar';

/** What a read needs of the caller: its last write, which a replica must have replayed. */
type Reader = { lastWriteLsn?: string | null };

/** `ข้อมูล ณ 2 ธ.ค. 2569 เวลา 20:31:05 น.` (Thailand time), the note beside figures read from a replica. */
export function asOfNote(at: Date): string {
  const bangkok = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `ข้อมูล ณ ${formatThaiDate(todayInBangkok(at))} เวลา ${bangkok.slice(11, 19)} น.`;
}

/** Where a read-only route (an export) reads for this viewer: a replica when one is fresh enough. */
export type ReadSourceFor = (viewer: Reader, res: Response) => Promise<DataSource>;

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
