import type { EventStore } from '../../event-store/event-store.service';
import { LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { assertOwnImport } from './import-access';
import { closeImport, findImport } from './import-store';
import { importView, type ImportView } from './import-view';

/** Drops a preview and its rows; nothing was written to the register, so nothing else changes. */
export async function discardImport(
  store: EventStore,
  viewer: Viewer | null,
  importId: string,
  requestId: string,
): Promise<ImportView> {
  return store.dataSource.transaction(async (tx) => {
    const rec = assertOwnImport(viewer, await findImport(tx, importId, true));
    if (rec.status === 'COMMITTED')
      throw new LecError('CONFLICT', 'ไฟล์นี้นำเข้าแล้ว ยกเลิกไม่ได้ หากข้อมูลผิด ให้แก้ไขที่หน้าข้อมูลนักเรียน', {
        status: rec.status,
      });
    if (rec.status === 'PREVIEW')
      await closeImport(tx, importId, 'DISCARDED', { accountId: viewer!.accountId, requestId });
    return importView((await findImport(tx, importId))!);
  });
}
