import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../event-store/event-store.service';
import type { ReportProgress } from '../../http/progress-stream';
import type { Viewer } from '../access/viewer';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { sniffFile } from './file-kind';
import type { Institution } from './import-access';
import { mapColumns } from './import-columns';
import { ACCEPTED_FILES, FileRefused } from './import-errors';
import { discardStalePreviews, findImport, insertImport } from './import-store';
import { importView, type ImportView } from './import-view';
import { readSheet } from './read-sheet';
import { phaseTimer, type Timings } from './phase-timer';
import { markRegisterDuplicates } from './register-duplicates';
import { checkRows, summarize } from './validate-rows';

/** How many problems of each kind a preview lists; the counts are always complete. */
export const LISTED_PROBLEMS = 1_000;

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/**
 * Reads and checks a whole file and keeps it as a preview: nothing reaches the register until the
 * institution commits it. Every row goes through the pupil rules; IDs are checked against every
 * register in one query.
 */
export async function previewImport(
  store: EventStore,
  viewer: Viewer,
  institution: Institution,
  upload: Upload,
  requestId: string,
  timings?: Timings,
  progress?: ReportProgress,
): Promise<ImportView> {
  const lap = phaseTimer(timings);
  const file = sniffFile(upload.bytes);
  const sheet = await readSheet(file, undefined, (done) => progress?.({ phase: 'read', done, total: null }));
  progress?.({ phase: 'read', done: sheet.rows.length, total: sheet.rows.length });
  lap('read');
  const map = mapColumns(sheet.headers, institution.kind);
  if (!sheet.rows.length)
    throw new FileRefused(`ไฟล์มีแต่หัวตาราง (แถวที่ ${sheet.headerRow}) ไม่มีข้อมูลนักเรียน ${ACCEPTED_FILES}`);

  const today = todayInBangkok(new Date());
  const academicYear = academicYearOf(today);
  const total = sheet.rows.length;
  const results = await checkRows(
    sheet.rows,
    map,
    { academicYear, today, institution: { code: institution.code, kind: institution.kind } },
    (done) => progress?.({ phase: 'validate', done, total }),
  );
  progress?.({ phase: 'validate', done: total, total });
  lap('validate');
  const m = store.dataSource.manager;
  progress?.({ phase: 'duplicates', done: 0, total });
  await markRegisterDuplicates(m, results, institution.code);
  lap('duplicates');
  progress?.({ phase: 'store', done: 0, total });
  const summary = summarize(results, map, LISTED_PROBLEMS);

  const id = randomUUID();
  await discardStalePreviews(m);
  await insertImport(
    m,
    {
      id,
      institutionCode: institution.code,
      accountId: viewer.accountId,
      fileName: upload.fileName.slice(0, 255) || `import.${file.kind}`,
      fileKind: file.kind,
      academicYear,
      totalRows: results.length,
      validRows: summary.valid.length,
      errorRows: summary.errorRows,
      queryRows: summary.queryRows,
      report: { errorRows: summary.errors, queryRows: summary.queries, truncated: summary.truncated },
    },
    { profileId: viewer.profileId, requestId },
    summary.valid,
  );
  lap('store');
  return importView((await findImport(m, id))!);
}
