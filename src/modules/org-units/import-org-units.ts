import { In, type EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { isLecError, type LecError } from '../../shared/errors';
import { csvColumns, type CsvField, type OrgUnitCsvRow } from './org-unit-csv';
import { kindLabels, laoTypes, orgUnitKinds, type LaoType, type OrgUnitKind } from '../chain/org-unit-kind';
import { orgUnitDecider } from './org-unit.decider';
import { OrgUnitRow } from './org-unit.entity';
import { orgUnitStreamId, type OrgUnitDetails } from './org-unit.events';
import { detailsProblems, registrationProblems, type ParentInfo } from './org-unit.rules';
import { registerOrgUnitIn } from './register-org-unit';

export interface ImportRowError {
  /** The file line of the record (header = line 1). */
  row: number;
  code: string;
  /** The CSV column (code, name, kind, parent_code, ...), or 'row' for the whole record. */
  field: string;
  message: string;
}

export type ImportReport =
  | { ok: true; registered: number; changed: number; unchanged: number }
  | { ok: false; errors: ImportRowError[] };

interface Plan {
  row: OrgUnitCsvRow;
  kind: OrgUnitKind;
  details: OrgUnitDetails;
  action: 'register' | 'change' | 'same';
}

/** Thrown inside the transaction, so that a row error rolls back every row already written. */
class Rejected extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import rejected');
  }
}

const rowErrors = (row: OrgUnitCsvRow, fields: Record<string, string>): ImportRowError[] =>
  Object.entries(fields).map(([f, message]) => ({
    row: row.line,
    code: row.code,
    field: csvColumns[f as CsvField]?.en ?? f,
    message,
  }));

/**
 * Imports org units all or nothing: every row is checked first (against the database and the
 * rest of the file), then all are written in one transaction, LAOs before their institutions.
 */
export async function importOrgUnits(
  store: EventStore,
  rows: readonly OrgUnitCsvRow[],
  metadata: EventMetadata,
): Promise<ImportReport> {
  try {
    // Checking inside the transaction means a CONFLICT retry checks again against fresh data.
    return await store.transaction(async (tx) => {
      const plans = planImport(rows, await loadUnits(tx, rows));
      const counts = { registered: 0, changed: 0, unchanged: 0 };
      for (const p of plans) await apply(store, tx, p, metadata, counts);
      return { ok: true as const, ...counts };
    });
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, errors: e.errors };
    throw e;
  }
}

async function loadUnits(
  tx: EntityManager,
  rows: readonly OrgUnitCsvRow[],
): Promise<Map<string, OrgUnitRow>> {
  const codes = [...new Set(rows.flatMap((r) => [r.code, r.parentCode ?? '']).filter(Boolean))];
  const units = new Map<string, OrgUnitRow>();
  // Chunked: PostgreSQL takes at most 65,535 parameters in one statement.
  for (let i = 0; i < codes.length; i += 5000)
    for (const u of await tx.findBy(OrgUnitRow, { code: In(codes.slice(i, i + 5000)) })) units.set(u.code, u);
  return units;
}

const KIND_VALUES = 'อปท. (LAO) โรงเรียน (SCHOOL) ศพด. (CDC) หรือสถานศึกษาสังกัดอื่น (OTHER_SCHOOL)';
const LAO_TYPE_VALUES = 'อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล หรือ อบต.';
const isKind = (k: string): k is OrgUnitKind => (orgUnitKinds as readonly string[]).includes(k);

/** Checks every row against the database and the rest of the file; throws Rejected if any fails. */
function planImport(rows: readonly OrgUnitCsvRow[], db: Map<string, OrgUnitRow>): Plan[] {
  const inFile = new Map<string, OrgUnitCsvRow>();
  for (const r of rows) if (r.code && !inFile.has(r.code)) inFile.set(r.code, r);
  // The parent as it will stand once the file is in: its row in the file wins over the database.
  const parentOf = (r: OrgUnitCsvRow): ParentInfo | null | 'reported' => {
    const p = r.parentCode ? inFile.get(r.parentCode) : undefined;
    if (!p || p === r) return parentInfo(r.parentCode ? db.get(r.parentCode) : undefined);
    if (!isKind(p.kind)) return 'reported'; // on the parent's own row
    const province = p.kind === 'LAO' && p.parentCode ? db.get(p.parentCode) : undefined;
    const laoCode = p.kind === 'LAO' ? p.code : null;
    return {
      code: p.code,
      kind: p.kind,
      provinceCode: province?.provinceCode ?? null,
      laoCode,
      district: p.district,
    };
  };
  const errors: ImportRowError[] = [];
  const plans: Plan[] = [];
  for (const row of rows) {
    const fields = { ...row.problems };
    const first = inFile.get(row.code);
    if (first && first !== row) fields.code = `รหัส ${row.code} ซ้ำกับแถวที่ ${first.line} ของไฟล์`;
    const kind = row.kind;
    if (!isKind(kind) || kind === 'DEPARTMENT' || kind === 'PROVINCE') {
      fields.kind = !kind
        ? 'กรุณาระบุประเภทหน่วยงาน'
        : isKind(kind)
          ? `${kindLabels[kind]}มีอยู่ในระบบตั้งแต่เริ่มต้น นำเข้าด้วยไฟล์ไม่ได้`
          : `ประเภทหน่วยงาน "${kind}" ไม่ถูกต้อง ต้องเป็น ${KIND_VALUES}`;
      errors.push(...rowErrors(row, fields));
      continue;
    }
    const unit = db.get(row.code);
    const parent = parentOf(row);
    const details: OrgUnitDetails = {
      name: row.name,
      // An institution without its own district takes its LAO's, as registration does.
      district: row.district ?? (parent && parent !== 'reported' ? parent.district : null),
      laoType: row.laoType as LaoType | null,
      // A file without the (optional) column leaves the codes already recorded alone.
      ministryCode: row.ministryCode === undefined ? (unit?.ministryCode ?? null) : row.ministryCode,
    };
    Object.assign(fields, { ...ruleProblems(row, kind, details, unit, parent), ...fields });
    if (Object.keys(fields).length) errors.push(...rowErrors(row, fields));
    else {
      const action = !unit ? 'register' : same(unit, details) ? 'same' : 'change';
      plans.push({ row, kind, details, action });
    }
  }
  if (errors.length) throw new Rejected(errors.sort((a, b) => a.row - b.row));
  // Parents first: LAOs (under provinces already there), then the institutions under them.
  return plans.sort((a, b) => Number(a.kind !== 'LAO') - Number(b.kind !== 'LAO'));
}

/** The registration rules for a new unit; for an existing one, its details and no move. */
function ruleProblems(
  row: OrgUnitCsvRow,
  kind: OrgUnitKind,
  details: OrgUnitDetails,
  unit: OrgUnitRow | undefined,
  parent: ParentInfo | null | 'reported',
): Record<string, string> {
  const input = { ...details, code: row.code, kind, parentCode: row.parentCode };
  const fields = unit
    ? detailsProblems(kind, details)
    : registrationProblems(input, parent === 'reported' ? null : parent);
  if (parent === 'reported') delete fields.parentCode;
  if (unit && unit.kind !== kind)
    fields.kind = `หน่วยงานรหัส ${row.code} มีอยู่แล้วเป็น${kindLabels[unit.kind]} เปลี่ยนประเภทด้วยการนำเข้าไม่ได้`;
  else if (unit && unit.parentCode !== row.parentCode)
    fields.parentCode = `หน่วยงานรหัส ${row.code} อยู่ภายใต้ ${unit.parentCode} แล้ว การย้ายหน่วยงานทำด้วยการนำเข้าไม่ได้`;
  if (kind === 'LAO' && row.laoType && !(laoTypes as readonly string[]).includes(row.laoType))
    fields.laoType = `ประเภท อปท. "${row.laoType}" ไม่ถูกต้อง ต้องเป็น ${LAO_TYPE_VALUES}`;
  // The rules do not bound the district, but its column holds 200 characters.
  if ((row.district?.length ?? 0) > 200) fields.district = 'ชื่ออำเภอยาวเกิน 200 ตัวอักษร';
  return fields;
}

function parentInfo(u: OrgUnitRow | undefined): ParentInfo | null {
  return u
    ? { code: u.code, kind: u.kind, provinceCode: u.provinceCode, laoCode: u.laoCode, district: u.district }
    : null;
}

function same(u: OrgUnitRow, d: OrgUnitDetails): boolean {
  return (
    u.name === d.name &&
    u.district === d.district &&
    u.laoType === d.laoType &&
    u.ministryCode === d.ministryCode
  );
}

async function apply(
  store: EventStore,
  tx: EntityManager,
  { row, kind, details, action }: Plan,
  metadata: EventMetadata,
  counts: { registered: number; changed: number; unchanged: number },
): Promise<void> {
  try {
    if (action === 'register') {
      const input = { ...details, code: row.code, kind, parentCode: row.parentCode };
      await registerOrgUnitIn(store, tx, input, metadata);
      counts.registered++;
    } else if (action === 'change') {
      const command = { type: 'ChangeOrgUnitDetails' as const, code: row.code, details };
      await store.decide(tx, orgUnitStreamId(row.code), orgUnitDecider, command, metadata);
      counts.changed++;
    } else counts.unchanged++;
  } catch (e) {
    // A refusal is this row's error; a CONFLICT is left to the transaction to retry.
    if (isLecError(e) && e.code !== 'CONFLICT') throw new Rejected(rowErrors(row, fieldsOf(e)));
    throw e;
  }
}

const fieldsOf = (e: LecError) => e.details.fields ?? { row: e.message };
