import { isLecError } from '../../shared/errors';
import { validatePupilInput, type InstitutionState } from '../pupils/pupil.decider';
import type { PupilDetails } from '../pupils/pupil.events';
import { parsePupilId } from '../pupils/rules/citizen-id';
import type { RawRow } from './cells';
import { importColumns, importFields, type ColumnMap, type ImportField } from './import-columns';
import { rowInput } from './row-input';

/** One problem of one row: the spreadsheet row, the field, its column as headed in the file, and what to do. */
export interface RowProblem {
  row: number;
  field: string;
  column: string;
  message: string;
}

/** A row ready to become a PupilEnrolled event. */
export interface ValidRow {
  row: number;
  details: PupilDetails;
  queries: Record<string, string>;
  queryNote: string | null;
}

/** One row after the rules: valid, or refused with a message per field (`id` when the ID itself reads). */
export interface RowResult {
  row: number;
  id: string | null;
  valid: ValidRow | null;
  errors: Record<string, string>;
}

/** The preview of a whole file: the rows to commit, the problems (the first `limit` of each kind), the counts. */
export interface RowsSummary {
  valid: ValidRow[];
  errors: RowProblem[];
  queries: RowProblem[];
  errorRows: number;
  queryRows: number;
  truncated: boolean;
}

const NOTE = importColumns.queryNote.header;
const YIELD_EVERY = 2_000;
const order = (f: string) => {
  const i = importFields.indexOf(f as ImportField);
  return i < 0 ? importFields.length : i;
};

export function columnOf(map: ColumnMap, field: string): string {
  const i = map.fields[field as ImportField];
  return i !== undefined ? map.headers[i] : (importColumns[field as ImportField]?.header ?? field);
}

/** What the pupil rules refuse in an input, by field; an unusual entry without a note is refused too. */
function ruleProblems(e: unknown): Record<string, string> {
  if (!isLecError(e)) throw e;
  const queries = e.details.queries as Record<string, string> | undefined;
  if (queries)
    return Object.fromEntries(
      Object.entries(queries).map(([f, m]) => [f, `${m} (ระบุเหตุผลในคอลัมน์ ${NOTE} ของแถวนี้)`]),
    );
  return { ...(e.details.fields ?? { citizenId: e.message }) };
}

/**
 * Every row through the same rules as a pupil entered by hand (validatePupilInput), plus the
 * sheet's own checks: cells that cannot be read, and an ID given twice in the file.
 */
export async function checkRows(
  rows: readonly RawRow[],
  map: ColumnMap,
  state: Pick<InstitutionState, 'academicYear' | 'today' | 'institution'>,
  onRows?: (checked: number) => void,
): Promise<RowResult[]> {
  const firstRowOf = new Map<string, number>();
  const results: RowResult[] = [];
  for (const { row, cells } of rows) {
    // 100,000 rows take a second or two: let other requests in between.
    if (results.length % YIELD_EVERY === YIELD_EVERY - 1) {
      onRows?.(results.length);
      await new Promise((r) => setImmediate(r));
    }
    const { input, problems } = rowInput(cells, map, state.institution.kind);
    let valid: ValidRow | null = null;
    let errors: Record<string, string> = {};
    try {
      valid = { row, ...validatePupilInput(input, state) };
    } catch (e) {
      errors = ruleProblems(e);
    }
    Object.assign(errors, problems);
    const id = valid?.details.citizenId ?? parsePupilId(input.citizenId, state.today)?.value ?? null;
    if (id) {
      const first = firstRowOf.get(id);
      if (first === undefined) firstRowOf.set(id, row);
      else if (!errors.citizenId)
        errors.citizenId = `เลขประจำตัวประชาชนซ้ำกับแถวที่ ${first} ในไฟล์นี้ กรุณาลบแถวที่ซ้ำออก`;
    }
    results.push({ row, id, valid, errors });
  }
  return results;
}

export function summarize(results: readonly RowResult[], map: ColumnMap, limit: number): RowsSummary {
  const out: RowsSummary = {
    valid: [],
    errors: [],
    queries: [],
    errorRows: 0,
    queryRows: 0,
    truncated: false,
  };
  const list = (to: RowProblem[], row: number, problems: Record<string, string>) => {
    for (const f of Object.keys(problems).sort((a, b) => order(a) - order(b))) {
      if (to.length >= limit) out.truncated = true;
      else to.push({ row, field: f, column: columnOf(map, f), message: problems[f] });
    }
  };
  for (const r of results) {
    if (Object.keys(r.errors).length || !r.valid) {
      out.errorRows++;
      list(out.errors, r.row, r.errors);
      continue;
    }
    out.valid.push(r.valid);
    if (Object.keys(r.valid.queries).length) {
      out.queryRows++;
      list(out.queries, r.row, r.valid.queries);
    }
  }
  return out;
}
