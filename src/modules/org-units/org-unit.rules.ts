import { badInput } from '../../shared/errors';
import {
  DEPARTMENT_CODE,
  kindLabels,
  laoTypes,
  requiredParentKind,
  type LaoType,
  type OrgUnitKind,
} from '../chain/org-unit-kind';

/** The fields of a unit as entered (by the department, an import, or the demo). */
export interface OrgUnitInputData {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  district?: string | null;
  laoType?: LaoType | null;
  ministryCode?: string | null;
}

export interface ParentInfo {
  code: string;
  kind: OrgUnitKind;
  provinceCode: string | null;
  laoCode: string | null;
  district: string | null;
}

const CODE = /^[0-9A-Za-z-]{3,20}$/;
const PROVINCE_CODE = /^\d{2}$/;
const MINISTRY_CODE = /^\d{10}$/;

/** The user name of a unit is its code, so codes are short, plain and unique country-wide. */
export function codeProblem(kind: OrgUnitKind, code: string): string | null {
  if (kind === 'DEPARTMENT') return code === DEPARTMENT_CODE ? null : `รหัสของกรมต้องเป็น ${DEPARTMENT_CODE}`;
  if (kind === 'PROVINCE') return PROVINCE_CODE.test(code) ? null : 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก';
  return CODE.test(code) ? null : 'รหัสหน่วยงานต้องเป็นตัวเลขหรืออักษรอังกฤษ 3–20 ตัว ไม่มีช่องว่าง';
}

/** Checks the descriptive fields a unit of this kind must have. */
export function detailsProblems(
  kind: OrgUnitKind,
  d: { name: string; district?: string | null; laoType?: LaoType | null; ministryCode?: string | null },
): Record<string, string> {
  const fields: Record<string, string> = {};
  const name = d.name.trim();
  if (name.length < 2 || name.length > 200) fields.name = 'ชื่อหน่วยงานต้องยาว 2–200 ตัวอักษร';
  if (kind === 'LAO') {
    if (!d.laoType || !laoTypes.includes(d.laoType))
      fields.laoType = 'กรุณาระบุประเภท อปท. (อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล หรือ อบต.)';
    if (!d.district?.trim()) fields.district = 'กรุณาระบุอำเภอของ อปท.';
  } else if (d.laoType) {
    fields.laoType = 'ประเภท อปท. ระบุได้เฉพาะหน่วยงานที่เป็น อปท.';
  }
  if (d.district && d.district.trim().length > 200) fields.district = 'ชื่ออำเภอต้องไม่เกิน 200 ตัวอักษร';
  if (d.ministryCode && !MINISTRY_CODE.test(d.ministryCode))
    fields.ministryCode = 'รหัสสถานศึกษาของกระทรวงศึกษาธิการต้องเป็นตัวเลข 10 หลัก';
  return fields;
}

/** Checks a registration against the unit's parent; returns the problems by field. */
export function registrationProblems(
  input: OrgUnitInputData,
  parent: ParentInfo | null,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const codeIssue = codeProblem(input.kind, input.code);
  if (codeIssue) fields.code = codeIssue;
  const wantParent = requiredParentKind(input.kind);
  if (wantParent === null && input.parentCode) fields.parentCode = 'หน่วยงานระดับกรมไม่มีหน่วยงานต้นสังกัด';
  if (wantParent !== null) {
    if (!parent) fields.parentCode = `ไม่พบหน่วยงานต้นสังกัดรหัส ${input.parentCode ?? '(ว่าง)'}`;
    else if (parent.kind !== wantParent)
      fields.parentCode = `${kindLabels[input.kind]}ต้องอยู่ภายใต้${kindLabels[wantParent]} แต่ ${parent.code} เป็น${kindLabels[parent.kind]}`;
  }
  return { ...fields, ...detailsProblems(input.kind, input) };
}

export function assertValidRegistration(input: OrgUnitInputData, parent: ParentInfo | null): void {
  const fields = registrationProblems(input, parent);
  if (Object.keys(fields).length) throw badInput(fields);
}
