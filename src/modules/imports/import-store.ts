import type { EntityManager } from 'typeorm';
import { packRows, unpackRows } from './stored-rows';
import type { RowProblem, ValidRow } from './validate-rows';

export type ImportStatus = 'PREVIEW' | 'COMMITTED' | 'DISCARDED';

/** An import as kept in the `imports` table, without its rows. */
export interface ImportRecord {
  id: string;
  institutionCode: string;
  accountId: string;
  status: ImportStatus;
  fileName: string;
  fileKind: 'xlsx' | 'csv';
  academicYear: number;
  totalRows: number;
  validRows: number;
  errorRows: number;
  queryRows: number;
  report: { errorRows: RowProblem[]; queryRows: RowProblem[]; truncated: boolean };
  committedCount: number | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const COLUMNS = `id, institution_code AS "institutionCode", account_id AS "accountId", status,
  file_name AS "fileName", file_kind AS "fileKind", academic_year AS "academicYear",
  total_rows AS "totalRows", valid_rows AS "validRows", error_rows AS "errorRows",
  query_rows AS "queryRows", report, committed_count AS "committedCount",
  created_at AS "createdAt", decided_at AS "decidedAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertImport(
  m: EntityManager,
  rec: Omit<ImportRecord, 'status' | 'committedCount' | 'createdAt' | 'decidedAt'>,
  meta: { profileId: string | null; requestId: string },
  rows: readonly ValidRow[],
): Promise<void> {
  await m.query(
    `INSERT INTO imports (id, institution_code, account_id, profile_id, status, file_name, file_kind,
       academic_year, total_rows, valid_rows, error_rows, query_rows, report, rows_gz, request_id)
     VALUES ($1, $2, $3, $4, 'PREVIEW', $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14)`,
    [
      rec.id,
      rec.institutionCode,
      rec.accountId,
      meta.profileId,
      rec.fileName,
      rec.fileKind,
      rec.academicYear,
      rec.totalRows,
      rec.validRows,
      rec.errorRows,
      rec.queryRows,
      JSON.stringify(rec.report),
      // Only a file that can be committed keeps its rows: one with errors never is.
      rec.errorRows ? null : await packRows(rows),
      meta.requestId,
    ],
  );
}

/** The import, without its rows; `lock` holds it (FOR UPDATE) until the transaction ends. */
export async function findImport(m: EntityManager, id: string, lock = false): Promise<ImportRecord | null> {
  if (!UUID.test(id)) return null;
  const rows: ImportRecord[] = await m.query(
    `SELECT ${COLUMNS} FROM imports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function importRows(m: EntityManager, id: string): Promise<ValidRow[]> {
  const [r]: { rows_gz: Uint8Array | null }[] = await m.query(`SELECT rows_gz FROM imports WHERE id = $1`, [
    id,
  ]);
  return r?.rows_gz
    ? unpackRows(Buffer.from(r.rows_gz.buffer, r.rows_gz.byteOffset, r.rows_gz.byteLength))
    : [];
}

/** Commits or discards: the rows are dropped (the events keep what was committed). */
export async function closeImport(
  m: EntityManager,
  id: string,
  status: Exclude<ImportStatus, 'PREVIEW'>,
  by: { accountId: string; requestId: string },
  committedCount: number | null = null,
): Promise<void> {
  await m.query(
    `UPDATE imports SET status = $2, rows_gz = NULL, committed_count = $3, decided_at = now(),
            decided_by = $4, request_id = $5
      WHERE id = $1`,
    [id, status, committedCount, by.accountId, by.requestId],
  );
}

/** Previews nobody decided on within a week are discarded, so that pupils' data do not linger. */
export async function discardStalePreviews(m: EntityManager): Promise<void> {
  await m.query(
    `UPDATE imports SET status = 'DISCARDED', rows_gz = NULL, decided_at = now()
      WHERE status = 'PREVIEW' AND created_at < now() - interval '7 days'`,
  );
}
