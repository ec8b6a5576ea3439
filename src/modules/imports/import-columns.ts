import { ACCEPTED_FILES, FileRefused } from './import-errors';

/** The columns of LEC's pupil export that the import reads into the pupil's own fields. */
export type ImportField =
  | 'citizenId'
  | 'prefix'
  | 'firstName'
  | 'lastName'
  | 'sex'
  | 'birthDate'
  | 'grade'
  | 'nationality'
  | 'religion'
  | 'enrolmentDate'
  | 'disadvantaged'
  | 'queryNote';

interface ColumnSpec {
  /** The header the export writes. */
  header: string;
  /** Other headers people and older exports use for it. */
  aliases: string[];
  /** `school`: required of a school; a CDC's children are all เด็กเล็ก. */
  required: boolean | 'school';
}

/** In the export's order. Headers are matched loosely (spaces, dots, parentheses, case). */
export const importColumns: Record<ImportField, ColumnSpec> = {
  citizenId: {
    header: 'เลขประจำตัวประชาชน',
    aliases: ['เลขบัตรประชาชน', 'เลขประจำตัวประชาชน 13 หลัก', 'รหัสประจำตัวประชาชน', 'เลขประจำตัวประชาชน/รหัส G'],
    required: true,
  },
  prefix: { header: 'คำนำหน้า', aliases: ['คำนำหน้าชื่อ'], required: true },
  firstName: { header: 'ชื่อ', aliases: [], required: true },
  lastName: { header: 'นามสกุล', aliases: ['ชื่อสกุล'], required: true },
  sex: { header: 'เพศ', aliases: [], required: false },
  birthDate: { header: 'วันเดือนปีเกิด', aliases: ['วันเกิด', 'วัน/เดือน/ปีเกิด', 'วันเดือนปีเกิด พ.ศ.'], required: true },
  grade: { header: 'ระดับชั้น', aliases: ['ชั้น', 'ชั้นเรียน'], required: 'school' },
  nationality: { header: 'สัญชาติ', aliases: [], required: true },
  religion: { header: 'ศาสนา', aliases: [], required: false },
  enrolmentDate: { header: 'วันที่เข้าเรียน', aliases: [], required: false },
  disadvantaged: { header: 'ด้อยโอกาส', aliases: ['นักเรียนด้อยโอกาส'], required: false },
  queryNote: { header: 'หมายเหตุ', aliases: ['คำอธิบาย', 'หมายเหตุ/คำอธิบาย'], required: false },
};

export const importFields = Object.keys(importColumns) as ImportField[];

/** NFKC folds the two spellings of sara am; parentheses hold hints such as "(พ.ศ.)" or "(ว/ด/ป)". */
export function headerKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[\s._\-*:]/g, '');
}

const FIELD_BY_KEY = new Map<string, ImportField>(
  importFields.flatMap((f) =>
    [importColumns[f].header, ...importColumns[f].aliases].map((h) => [headerKey(h), f] as const),
  ),
);

export function fieldOfHeader(header: string): ImportField | undefined {
  return FIELD_BY_KEY.get(headerKey(header));
}

/** Where each field is in the sheet, and the other columns, kept in the pupil's `extra`. */
export interface ColumnMap {
  fields: Partial<Record<ImportField, number>>;
  /** The header of each column as written, for messages. */
  headers: string[];
  extra: { index: number; key: string }[];
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function mapColumns(headers: string[], institutionKind: 'SCHOOL' | 'CDC'): ColumnMap {
  const map: ColumnMap = { fields: {}, headers, extra: [] };
  const twice: string[] = [];
  const extraKeys = new Set<string>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const field = header ? fieldOfHeader(header) : undefined;
    if (field && map.fields[field] !== undefined)
      twice.push(`"${header}" (คอลัมน์ ${columnLetter(map.fields[field]!)} และ ${columnLetter(index)})`);
    else if (field) map.fields[field] = index;
    else {
      let key = (header || `คอลัมน์ ${columnLetter(index)}`).slice(0, 100);
      for (let n = 2; extraKeys.has(key); n++) key = `${header.slice(0, 95)} (${n})`;
      extraKeys.add(key);
      map.extra.push({ index, key });
    }
  });
  const missing = importFields.filter((f) => {
    const required = importColumns[f].required;
    return (
      map.fields[f] === undefined &&
      (required === true || (required === 'school' && institutionKind === 'SCHOOL'))
    );
  });
  if (missing.length)
    throw new FileRefused(
      `ไม่พบหัวคอลัมน์ที่จำเป็น: ${missing.map((f) => importColumns[f].header).join(', ')} ` +
        `กรุณาใช้หัวคอลัมน์ตามแบบส่งออกข้อมูลนักเรียนของ LEC (แถวหัวตารางต้องอยู่ใน 10 แถวแรกของแผ่นงานแรก) ${ACCEPTED_FILES}`,
      400,
      { missingHeaders: missing.map((f) => importColumns[f].header) },
    );
  if (twice.length) throw new FileRefused(`หัวคอลัมน์ซ้ำกัน: ${twice.join(', ')} กรุณาเหลือไว้คอลัมน์เดียว`);
  return map;
}
