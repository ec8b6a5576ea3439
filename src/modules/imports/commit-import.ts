import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { streamVersion } from '../../event-store/event-store';
import { badInput, LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { registerDataset } from '../chain/dataset';
import { assertNotConfirmed } from '../chain/register-lock';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { enrolledEvent } from '../pupils/pupil.decider';
import { institutionStreamId } from '../pupils/pupil.events';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { assertOwnImport } from './import-access';
import { closeImport, findImport, importRows, type ImportRecord } from './import-store';
import { phaseTimer, type Timings } from './phase-timer';
import type { ReportProgress } from '../../http/progress-stream';
import { duplicateMessage, findEnrolled } from './register-duplicates';
import type { RowProblem } from './validate-rows';

/**
 * Events per append: one statement each (the events as one JSON parameter), then one statement per
 * projection (the pupils are selected from the appended events). Larger batches save round trips;
 * this keeps one statement's JSON to a few MB.
 */
export const COMMIT_BATCH = 5_000;

function refuseUndecidable(rec: ImportRecord): void {
  if (rec.status === 'COMMITTED')
    throw new LecError('CONFLICT', `ไฟล์นี้นำเข้าแล้ว (${rec.committedCount ?? 0} คน) ไม่ต้องยืนยันซ้ำ`, {
      status: rec.status,
    });
  if (rec.status === 'DISCARDED')
    throw new LecError('CONFLICT', 'รายการนำเข้านี้ถูกยกเลิกแล้ว กรุณาอัปโหลดไฟล์ใหม่', { status: rec.status });
}

/**
 * Commits a preview: every row or none. All batches are appended in one transaction at the
 * stream version read at its start, after the IDs are checked again against every register
 * (time has passed since the preview); a concurrent write to the institution makes the append
 * conflict and the whole commit is decided again.
 */
export async function commitImport(
  store: EventStore,
  viewer: Viewer | null,
  importId: string,
  metadata: EventMetadata,
  opts: { batchSize?: number; timings?: Timings; progress?: ReportProgress } = {},
): Promise<{ committed: number }> {
  const batchSize = opts.batchSize ?? COMMIT_BATCH;
  const own = assertOwnImport(viewer, await findImport(store.dataSource.manager, importId));
  refuseUndecidable(own);
  return store.transaction(async (tx) => {
    const lap = phaseTimer(opts.timings);
    const rec = (await findImport(tx, importId, true))!;
    refuseUndecidable(rec);
    if (rec.errorRows > 0)
      throw badInput(
        { file: `ไฟล์มีข้อผิดพลาด ${rec.errorRows} แถว` },
        `ยังนำเข้าไม่ได้: ไฟล์มีข้อผิดพลาด ${rec.errorRows.toLocaleString('en-US')} แถว ระบบนำเข้าทั้งไฟล์หรือไม่นำเข้าเลย ` +
          'จึงยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขแถวที่แจ้งแล้วอัปโหลดใหม่',
      );
    if (academicYearOf(todayInBangkok(new Date())) !== rec.academicYear)
      throw badInput({ file: 'ขึ้นปีการศึกษาใหม่แล้ว' }, 'ขึ้นปีการศึกษาใหม่หลังจากตรวจไฟล์ กรุณาอัปโหลดไฟล์ใหม่เพื่อตรวจอีกครั้ง');
    const rows = await importRows(tx, importId);
    lap('load');
    const streamId = institutionStreamId(rec.institutionCode);
    let version = await streamVersion(tx, streamId);
    const [unit]: { kind: OrgUnitKind }[] = await tx.query(`SELECT kind FROM org_units WHERE code = $1`, [
      rec.institutionCode,
    ]);
    await assertNotConfirmed(tx, rec.institutionCode, registerDataset(unit.kind));

    // One citizen ID active at one institution: checked again here, rows marked as the preview marks them.
    const held = await findEnrolled(
      tx,
      rows.map((r) => r.details.citizenId),
    );
    if (held.size) {
      const errorRows: RowProblem[] = rows
        .filter((r) => held.has(r.details.citizenId))
        .map((r) => ({
          row: r.row,
          field: 'citizenId',
          column: 'เลขประจำตัวประชาชน',
          message: duplicateMessage(held.get(r.details.citizenId)!, rec.institutionCode),
        }));
      throw new LecError(
        'DUPLICATE_PUPIL',
        `หลังจากตรวจไฟล์ มีนักเรียน ${errorRows.length} คนในไฟล์ถูกบันทึกเข้าทะเบียนแล้ว (แถวที่ ${errorRows
          .slice(0, 10)
          .map((e) => e.row)
          .join(', ')}${errorRows.length > 10 ? ' …' : ''}) ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาลบแถวเหล่านี้แล้วอัปโหลดใหม่`,
        { errorRows: errorRows.slice(0, 1_000) },
      );
    }
    lap('duplicates');
    // Rows committed so far, batch by batch (all of them or none once the transaction ends).
    opts.progress?.({ phase: 'commit', done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += batchSize) {
      const events = rows
        .slice(i, i + batchSize)
        .map((r) => enrolledEvent(randomUUID(), rec.institutionCode, r));
      await store.append(tx, streamId, 'Institution', version, events, metadata);
      version += events.length;
      opts.progress?.({ phase: 'commit', done: i + events.length, total: rows.length });
    }
    lap('append');
    await closeImport(
      tx,
      importId,
      'COMMITTED',
      { accountId: metadata.accountId!, requestId: metadata.requestId },
      rows.length,
    );
    lap('close');
    return { committed: rows.length };
  });
}
