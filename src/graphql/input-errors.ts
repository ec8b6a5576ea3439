import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';

/**
 * Thai answers to input the API refuses before a resolver runs: GraphQL's variable coercion
 * (an enum not chosen, a word in a number, `null` in a counts grid) and class-validator's limits.
 * Each names the field by its path (`input.sex`, `counts.2.male`) so the client marks the field.
 */

/** What a person calls each field the API takes; an unknown field is "ช่องนี้". */
const labels: Record<string, string> = {
  citizenId: 'เลขประจำตัวประชาชน',
  prefix: 'คำนำหน้าชื่อ',
  firstName: 'ชื่อ',
  lastName: 'ชื่อสกุล',
  sex: 'เพศ',
  birthDate: 'วันเกิด',
  nationality: 'สัญชาติ',
  grade: 'ระดับชั้น',
  religion: 'ศาสนา',
  enrolmentDate: 'วันที่เข้าเรียน',
  disadvantaged: 'นักเรียนด้อยโอกาส',
  queryNote: 'หมายเหตุ',
  note: 'หมายเหตุ',
  reason: 'เหตุผล',
  date: 'วันที่',
  male: 'จำนวนนักเรียนชาย',
  female: 'จำนวนนักเรียนหญิง',
  counts: 'จำนวนนักเรียน',
  phone: 'หมายเลขโทรศัพท์',
  position: 'ตำแหน่ง',
  code: 'รหัสหน่วยงาน',
  name: 'ชื่อหน่วยงาน',
  kind: 'ประเภทหน่วยงาน',
  parentCode: 'หน่วยงานต้นสังกัด',
  district: 'อำเภอ',
  laoType: 'ประเภท อปท.',
  academicYear: 'ปีการศึกษา',
  roundNo: 'ครั้งที่',
  snapshotDate: 'วันที่ของข้อมูล',
  institutionDeadline: 'กำหนดยืนยันของสถานศึกษา',
  laoDeadline: 'กำหนดยืนยันของ อปท.',
  provinceDeadline: 'กำหนดยืนยันของจังหวัด',
  dataset: 'ฐานข้อมูล',
  first: 'จำนวนรายการต่อหน้า',
  teachers: 'จำนวนครู',
  caregivers: 'จำนวนผู้ดูแลเด็ก',
  classrooms: 'จำนวนห้องเรียน',
  capacity: 'จำนวนเด็กที่รับได้',
  buildingType: 'ลักษณะอาคาร',
  lunchProvision: 'การจัดอาหารกลางวัน',
  password: 'รหัสผ่าน',
  newPassword: 'รหัสผ่านใหม่',
  currentPassword: 'รหัสผ่านปัจจุบัน',
  title: 'หัวเรื่อง',
  body: 'ข้อความ',
  dueDate: 'วันที่กำหนด',
};

/** The label of the last named part of a path: `counts.2.male` → จำนวนนักเรียนชาย. */
export function labelOf(path: string): string {
  const named = path.split('.').filter((p) => !/^\d+$/.test(p));
  return labels[named[named.length - 1] ?? ''] ?? 'ช่องนี้';
}

/** `input.counts[2].male` → `input.counts.2.male` (the form `extensions.fields` uses everywhere). */
function dotted(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export interface InputProblem {
  message: string;
  fields: Record<string, string>;
}

const VARIABLE =
  /^Variable "\$([^"]+)" (?:got invalid value (.*?)(?: at "([^"]+)")?; (.*)|of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)\.)$/s;

/** A required value left out: a number, a text, or a choice (enums and Booleans are chosen). */
function requiredText(type: string, label: string): string {
  if (/^(Int|Float)!$/.test(type)) return `กรุณากรอก${label}เป็นตัวเลข (ใส่ 0 ถ้าไม่มี)`;
  if (/^(String|ID)!$/.test(type) || /Input!$/.test(type) || /^\[/.test(type)) return `กรุณากรอก${label}`;
  return `กรุณาเลือก${label}`;
}

function problemFor(field: string, rawValue: string | undefined, reason: string): string {
  const label = labelOf(field);
  const blank = rawValue === undefined || rawValue === 'null' || rawValue === '""';
  const enumMatch = /does not exist in "([^"]+)" enum/.exec(reason);
  if (enumMatch) return blank ? `กรุณาเลือก${label}` : `${label}: กรุณาเลือกจากรายการที่มีให้`;
  if (/^Int cannot represent|^Float cannot represent/.test(reason)) {
    if (blank) return `กรุณากรอก${label}เป็นตัวเลข (ใส่ 0 ถ้าไม่มี)`;
    if (/non-integer value: -?\d+\.\d+/.test(reason)) return `${label}ต้องเป็นจำนวนเต็ม ไม่มีทศนิยม`;
    if (/non 32-bit signed integer/.test(reason)) return `${label}มีค่ามากเกินไป`;
    return `${label}ต้องเป็นตัวเลขเท่านั้น`;
  }
  if (/Expected non-nullable type "([^"]+)" not to be null/.test(reason)) {
    const type = /Expected non-nullable type "([^"]+)"/.exec(reason)![1];
    return requiredText(type, label);
  }
  const notProvided = /^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/.exec(reason);
  if (notProvided) return requiredText(notProvided[2], labelOf(notProvided[1]));
  if (/^Field "([^"]+)" is not defined by type/.test(reason))
    return 'ระบบไม่รู้จักข้อมูลช่องนี้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง';
  if (/^Boolean cannot represent/.test(reason)) return `${label}ต้องเลือกว่าใช่หรือไม่ใช่`;
  return `${label}มีรูปแบบไม่ถูกต้อง`;
}

/**
 * The Thai problem of one variable coercion error, or null when the message is not one. Apollo
 * reports these before execution, in English, with the variable path inside the message. Paths
 * are named by the operation's arguments (`input.sex`), not by the client's variable names
 * (`$i`), when `argumentOf` knows where the variable is used.
 */
export function coercionProblem(
  message: string,
  argumentOf: (variable: string) => string | undefined = () => undefined,
): InputProblem | null {
  const m = VARIABLE.exec(message);
  if (!m) return null;
  const [, name, rawValue, rawAt, reason, requiredType] = m;
  const variable = argumentOf(name) ?? name;
  const at = rawAt && `${variable}${rawAt.slice(name.length)}`;
  if (requiredType) {
    const text = requiredText(requiredType, labelOf(variable));
    return { message: text, fields: { [variable]: text } };
  }
  let field = at ? dotted(at) : variable;
  const missing = /^Field "([^"]+)" of required type/.exec(reason);
  const unknown = /^Field "([^"]+)" is not defined by type/.exec(reason);
  if (missing) field = `${field}.${missing[1]}`;
  if (unknown) field = `${field}.${unknown[1]}`;
  const text = problemFor(field, rawValue, reason);
  return { message: text, fields: { [field]: text } };
}

/** The numbers in a class-validator message, in order ("… longer than or equal to 9 characters"). */
function numbersIn(message: string): number[] {
  return [...message.matchAll(/-?\d+(?:\.\d+)?/g)].map((n) => Number(n[0]));
}

const THAI = /\p{Script=Thai}/u;

/**
 * A class-validator constraint in Thai. Messages written in Thai on the decorator are kept;
 * the library's English defaults (`birthDate must be longer than or equal to 1 characters`)
 * become Thai by the constraint's name.
 */
export function thaiConstraint(
  property: string,
  constraint: string,
  message: string,
  value: unknown,
): string {
  if (THAI.test(message)) return message;
  const label = labelOf(property);
  const [a, b] = numbersIn(message.replace(/^\S+/, ''));
  const length = typeof value === 'string' ? [...value].length : null;
  const typed = length === null ? '' : ` (กรอกมา ${length} ตัวอักษร)`;
  switch (constraint) {
    case 'isLength':
      if (length === 0) return `กรุณากรอก${label}`;
      if (/longer/.test(message)) return `${label}ต้องยาวอย่างน้อย ${a} ตัวอักษร${typed}`;
      if (/shorter/.test(message)) return `${label}ต้องยาวไม่เกิน ${a} ตัวอักษร${typed}`;
      return `${label}ต้องยาว ${a}–${b} ตัวอักษร${typed}`;
    case 'minLength':
      return length === 0 ? `กรุณากรอก${label}` : `${label}ต้องยาวอย่างน้อย ${a} ตัวอักษร${typed}`;
    case 'maxLength':
      return `${label}ต้องยาวไม่เกิน ${a} ตัวอักษร${typed}`;
    case 'min':
      return `${label}ต้องไม่น้อยกว่า ${a}`;
    case 'max':
      return `${label}ต้องไม่มากกว่า ${a}`;
    case 'arrayMaxSize':
      return `${label}ใส่ได้ไม่เกิน ${a} รายการ`;
    case 'arrayMinSize':
      return `${label}ต้องมีอย่างน้อย ${a} รายการ`;
    case 'isIn':
    case 'isEnum':
      return `${label}: กรุณาเลือกจากรายการที่มีให้`;
    case 'isNotEmpty':
      return `กรุณากรอก${label}`;
    case 'isInt':
      return `${label}ต้องเป็นจำนวนเต็ม`;
    case 'matches':
      return `${label}มีรูปแบบไม่ถูกต้อง`;
    default:
      return `${label}ไม่ถูกต้อง`;
  }
}

/** Where each variable of an operation is used: `$i` in `enrolPupil(input: $i)` → `input`. */
export function variableArguments(document: DocumentNode): Map<string, string> {
  const out = new Map<string, string>();
  const walkValue = (value: ValueNode, path: string) => {
    if (value.kind === Kind.VARIABLE) {
      if (!out.has(value.name.value)) out.set(value.name.value, path);
    } else if (value.kind === Kind.OBJECT)
      for (const f of value.fields) walkValue(f.value, `${path}.${f.name.value}`);
    else if (value.kind === Kind.LIST) value.values.forEach((v, i) => walkValue(v, `${path}.${i}`));
  };
  visit(document, {
    Argument(node) {
      walkValue(node.value, node.name.value);
    },
  });
  return out;
}

/** The variable → argument map of the request each coercion error came from (read by the formatter). */
export const argumentsOfError = new WeakMap<object, Map<string, string>>();

/** Remembers, for each error of a request, where its variables are used, so paths name arguments. */
export const variablePathsPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, document }) {
        if (!document) return;
        const paths = variableArguments(document);
        for (const e of errors) argumentsOfError.set(e, paths);
      },
    };
  },
};
