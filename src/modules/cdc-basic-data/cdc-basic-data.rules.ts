import { badInput } from '../../shared/errors';

/** Where the centre is housed: its own building, in a temple, in a school, or elsewhere. */
export const cdcBuildingTypes = ['OWN_BUILDING', 'IN_TEMPLE', 'IN_SCHOOL', 'OTHER'] as const;
export type CdcBuildingType = (typeof cdcBuildingTypes)[number];

/** How the children's lunch is provided: cooked at the centre, bought in, or otherwise. */
export const cdcLunchProvisions = ['COOKS_ITSELF', 'BUYS', 'OTHER'] as const;
export type CdcLunchProvision = (typeof cdcLunchProvisions)[number];

export const buildingTypeLabels: Record<CdcBuildingType, string> = {
  OWN_BUILDING: 'อาคารของศูนย์พัฒนาเด็กเล็กเอง (อาคารเอกเทศ)',
  IN_TEMPLE: 'ตั้งอยู่ในวัด',
  IN_SCHOOL: 'ตั้งอยู่ในโรงเรียน',
  OTHER: 'อื่น ๆ',
};

export const lunchProvisionLabels: Record<CdcLunchProvision, string> = {
  COOKS_ITSELF: 'ศูนย์พัฒนาเด็กเล็กประกอบอาหารเอง',
  BUYS: 'จัดซื้อหรือจ้างเหมาประกอบอาหาร',
  OTHER: 'อื่น ๆ',
};

/** The counts, with their Thai name, unit and upper bound (a figure above it is surely a typing slip). */
export const cdcCounts = {
  teachers: { label: 'จำนวนครู (ครูผู้ดูแลเด็ก)', unit: 'คน', max: 100 },
  caregivers: { label: 'จำนวนผู้ดูแลเด็ก', unit: 'คน', max: 100 },
  classrooms: { label: 'จำนวนห้องเรียน', unit: 'ห้อง', max: 100 },
  capacity: { label: 'จำนวนเด็กที่ศูนย์รับได้', unit: 'คน', max: 1000 },
} as const;
export type CdcCount = keyof typeof cdcCounts;
const countFields = Object.keys(cdcCounts) as CdcCount[];

export const MAX_OTHER_LENGTH = 200;
export const MAX_NOTES_LENGTH = 1000;

/** The centre's own facts (ข้อมูลพื้นฐานอื่นๆ ของศูนย์พัฒนาเด็กเล็ก), as recorded. */
export interface CdcBasicDataRecord {
  teachers: number;
  caregivers: number;
  classrooms: number;
  capacity: number;
  buildingType: CdcBuildingType;
  /** What the building is, when it is none of the listed kinds; null otherwise. */
  buildingTypeOther: string | null;
  lunchProvision: CdcLunchProvision;
  lunchProvisionOther: string | null;
  notes: string | null;
}

/** The facts as entered, before any check. */
export type CdcBasicDataEntry = { [K in CdcCount]?: number | null } & {
  buildingType?: string | null;
  buildingTypeOther?: string | null;
  lunchProvision?: string | null;
  lunchProvisionOther?: string | null;
  notes?: string | null;
};

function countProblem(field: CdcCount, n: number | null | undefined): string | null {
  const { label, unit, max } = cdcCounts[field];
  if (typeof n !== 'number' || Number.isNaN(n)) return `กรุณากรอก${label} ถ้าไม่มีให้กรอก 0`;
  if (!Number.isInteger(n)) return `${label}ต้องเป็นจำนวนเต็ม (กรอก ${n})`;
  if (n < 0) return `${label}ต้องไม่ติดลบ (กรอก ${n})`;
  if (n > max) return `${label}ต้องไม่เกิน ${max.toLocaleString('en-US')} ${unit} (กรอก ${n}) กรุณาตรวจสอบอีกครั้ง`;
  return null;
}

const textOf = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || null;

function choice<T extends string>(
  fields: Record<string, string>,
  name: string,
  values: readonly T[],
  value: string | null | undefined,
  what: string,
): T | null {
  if (value && (values as readonly string[]).includes(value)) return value as T;
  fields[name] = `กรุณาเลือก${what}`;
  return null;
}

/** "Other" needs a description; for a listed choice a stale description is dropped, not kept. */
function otherText(
  fields: Record<string, string>,
  name: string,
  chosen: string | null,
  raw: string | null | undefined,
  what: string,
): string | null {
  if (chosen !== 'OTHER') return null;
  const text = textOf(raw);
  if (!text) fields[name] = `เลือก "อื่น ๆ" แล้ว กรุณาระบุ${what}`;
  else if (text.length > MAX_OTHER_LENGTH) fields[name] = `${what}ยาวได้ไม่เกิน ${MAX_OTHER_LENGTH} ตัวอักษร`;
  return text;
}

/**
 * Checks the centre's basic data: every count a whole number from 0 to its bound, a centre that
 * takes children has a classroom and someone to look after them, a centre that takes none says
 * why, and "other" building or lunch arrangements are described. Returns the record normalised
 * (texts trimmed, empty ones null); throws BAD_USER_INPUT naming each bad field.
 */
export function checkCdcBasicData(entry: CdcBasicDataEntry): CdcBasicDataRecord {
  const fields: Record<string, string> = {};
  for (const f of countFields) {
    const problem = countProblem(f, entry[f]);
    if (problem) fields[f] = problem;
  }
  const buildingType = choice(fields, 'buildingType', cdcBuildingTypes, entry.buildingType, 'ลักษณะอาคาร');
  const lunchProvision = choice(
    fields,
    'lunchProvision',
    cdcLunchProvisions,
    entry.lunchProvision,
    'วิธีจัดอาหารกลางวัน',
  );
  const buildingTypeOther = otherText(
    fields,
    'buildingTypeOther',
    buildingType,
    entry.buildingTypeOther,
    'ลักษณะอาคาร',
  );
  const lunchProvisionOther = otherText(
    fields,
    'lunchProvisionOther',
    lunchProvision,
    entry.lunchProvisionOther,
    'วิธีจัดอาหารกลางวัน',
  );
  const notes = entry.notes?.trim() || null;
  if (notes && notes.length > MAX_NOTES_LENGTH)
    fields.notes = `หมายเหตุยาวได้ไม่เกิน ${MAX_NOTES_LENGTH.toLocaleString('en-US')} ตัวอักษร`;

  if (countFields.every((f) => !fields[f])) {
    const { teachers, caregivers, classrooms, capacity } = entry as Record<CdcCount, number>;
    if (capacity > 0 && classrooms === 0) fields.classrooms = 'ศูนย์ที่รับเด็กได้ต้องมีห้องเรียนอย่างน้อย 1 ห้อง';
    if (capacity > 0 && teachers + caregivers === 0) {
      fields.teachers = 'ศูนย์ที่รับเด็กได้ต้องมีครูหรือผู้ดูแลเด็กอย่างน้อย 1 คน';
      fields.caregivers = fields.teachers;
    }
    if (capacity === 0 && !notes && !fields.notes)
      fields.notes = 'จำนวนเด็กที่ศูนย์รับได้เป็น 0 กรุณาระบุเหตุผลในหมายเหตุ เช่น ปิดปรับปรุงอาคารชั่วคราว';
  }
  if (Object.keys(fields).length) throw badInput(fields);
  return {
    teachers: entry.teachers!,
    caregivers: entry.caregivers!,
    classrooms: entry.classrooms!,
    capacity: entry.capacity!,
    buildingType: buildingType!,
    buildingTypeOther,
    lunchProvision: lunchProvision!,
    lunchProvisionOther,
    notes,
  };
}

export function sameCdcBasicData(a: CdcBasicDataRecord, b: CdcBasicDataRecord): boolean {
  return (Object.keys(a) as (keyof CdcBasicDataRecord)[]).every((k) => a[k] === b[k]);
}
