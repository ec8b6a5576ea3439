import type { ImportRecord, ImportStatus } from './import-store';
import type { RowProblem } from './validate-rows';

/** What `POST /imports` and `GET /imports/:id` answer: the preview of a file and where it stands. */
export interface ImportView {
  importId: string;
  institutionCode: string;
  status: ImportStatus;
  fileName: string;
  createdAt: string;
  /** Data rows in the file (blank rows are not counted). */
  totalRows: number;
  /** Rows that would be committed (including those with a query and its note). */
  validRows: number;
  /** Rows refused; the import is committed only when there are none. */
  errorRowCount: number;
  /** Rows with an unusual entry, accepted with the note in the sheet. */
  queryRowCount: number;
  /** Each problem: `row` is the spreadsheet's row number, `column` the header as written in the file. */
  errorRows: RowProblem[];
  queryRows: RowProblem[];
  /** True when there were more problems than listed (the first 1,000 of each kind are). */
  listTruncated: boolean;
  canCommit: boolean;
  committed: number | null;
}

export function importView(rec: ImportRecord): ImportView {
  return {
    importId: rec.id,
    institutionCode: rec.institutionCode,
    status: rec.status,
    fileName: rec.fileName,
    createdAt: new Date(rec.createdAt).toISOString(),
    totalRows: rec.totalRows,
    validRows: rec.validRows,
    errorRowCount: rec.errorRows,
    queryRowCount: rec.queryRows,
    errorRows: rec.report.errorRows,
    queryRows: rec.report.queryRows,
    listTruncated: rec.report.truncated,
    canCommit: rec.status === 'PREVIEW' && rec.errorRows === 0 && rec.validRows > 0,
    committed: rec.committedCount,
  };
}
