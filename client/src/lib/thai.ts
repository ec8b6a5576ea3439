/** Thai labels and Buddhist-era dates: the words of GLOSSARY.md, nothing the server decides. */

const dateFmt = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFmt = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Bangkok',
});

/**
 * The Thai month names, January first: the client's one list. The server's is in
 * `src/shared/thai-calendar.ts`; the two builds share no code, so each side keeps one.
 */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

/** `2025-06-10` (Christian era on the wire) → `10 มิถุนายน 2568`. */
export function thaiDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

/** An instant → `30 พ.ย. 2569 14:05 น.` in Thai time. */
export function thaiDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTimeFmt.format(d)} น.`;
}

export const thaiNumber = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toLocaleString('th-TH');

export type Grade =
  | 'K1'
  | 'K2'
  | 'K3'
  | 'P1'
  | 'P2'
  | 'P3'
  | 'P4'
  | 'P5'
  | 'P6'
  | 'M1'
  | 'M2'
  | 'M3'
  | 'M4'
  | 'M5'
  | 'M6'
  | 'CDC';

export const SCHOOL_GRADES: Grade[] = [
  'K1',
  'K2',
  'K3',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
];
/** Grades of the certified name list of a school of another affiliation: อนุบาล 1 to ป.6. */
export const OTHER_SCHOOL_GRADES: Grade[] = SCHOOL_GRADES.slice(0, 9);

export const gradeLabels: Record<Grade, string> = {
  K1: 'อ.1',
  K2: 'อ.2',
  K3: 'อ.3',
  P1: 'ป.1',
  P2: 'ป.2',
  P3: 'ป.3',
  P4: 'ป.4',
  P5: 'ป.5',
  P6: 'ป.6',
  M1: 'ม.1',
  M2: 'ม.2',
  M3: 'ม.3',
  M4: 'ม.4',
  M5: 'ม.5',
  M6: 'ม.6',
  CDC: 'เด็กเล็ก',
};

export type Sex = 'MALE' | 'FEMALE';
export const sexLabels: Record<Sex, string> = { MALE: 'ชาย', FEMALE: 'หญิง' };

export type OrgUnitKind = 'DEPARTMENT' | 'PROVINCE' | 'LAO' | 'SCHOOL' | 'CDC' | 'OTHER_SCHOOL';
export const kindLabels: Record<OrgUnitKind, string> = {
  DEPARTMENT: 'กรมส่งเสริมการปกครองท้องถิ่น (สถ.)',
  PROVINCE: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (สถจ.)',
  LAO: 'องค์กรปกครองส่วนท้องถิ่น (อปท.)',
  SCHOOL: 'โรงเรียน',
  CDC: 'ศูนย์พัฒนาเด็กเล็ก (ศพด.)',
  OTHER_SCHOOL: 'สถานศึกษาสังกัดอื่น',
};
/** Schools and CDCs hold a register. The client's one test of it; the server's is `isInstitution` in src/modules/chain/org-unit-kind.ts (separate builds share no code). */
export const isInstitution = (k: string): k is 'SCHOOL' | 'CDC' => k === 'SCHOOL' || k === 'CDC';

export type NonExistenceReason = 'NEVER_ATTENDED' | 'LEFT_WITHOUT_NOTICE' | 'ABSENT_UNREACHABLE';
export const nonExistenceReasons: Record<NonExistenceReason, string> = {
  NEVER_ATTENDED: 'มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง',
  LEFT_WITHOUT_NOTICE: 'ออกระหว่างภาคเรียนโดยไม่ได้ลาออกหรือแจ้งสถานศึกษา',
  ABSENT_UNREACHABLE: 'ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้',
};

export type Dataset = 'PUPILS' | 'CHILDREN' | 'CDC_BASIC_DATA' | 'OTHER_SCHOOL_COUNTS';
export const datasetLabels: Record<Dataset, string> = {
  PUPILS: 'ข้อมูลนักเรียน (โรงเรียน)',
  CHILDREN: 'ข้อมูลเด็กเล็ก (ศพด.)',
  CDC_BASIC_DATA: 'ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก',
  OTHER_SCHOOL_COUNTS: 'จำนวนนักเรียนสถานศึกษาสังกัดอื่น',
};

/** The level above that revokes a confirmation (DOMAIN.md, Confirmation 2, 4, 5). */
export const revokerOf: Record<OrgUnitKind, string> = {
  SCHOOL: 'องค์กรปกครองส่วนท้องถิ่น (อปท.) ต้นสังกัด',
  CDC: 'องค์กรปกครองส่วนท้องถิ่น (อปท.) ต้นสังกัด',
  OTHER_SCHOOL: 'องค์กรปกครองส่วนท้องถิ่น (อปท.) ที่อุดหนุน',
  LAO: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
  PROVINCE: 'กรมส่งเสริมการปกครองท้องถิ่น',
  DEPARTMENT: '–',
};

export const pupilWord = (k: OrgUnitKind) => (k === 'CDC' ? 'เด็กเล็ก' : 'นักเรียน');

/** Baht with satang: `12,345.50`. */
export const thaiBaht = (n: number | null | undefined) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Grades in the order of the forms: อ.1 … ม.6, then เด็กเล็ก. */
export const ALL_GRADES: Grade[] = [...SCHOOL_GRADES, 'CDC'];
