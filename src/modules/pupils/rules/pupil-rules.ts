import { ageProblem } from './age-rules';
import { checkPupilId } from './citizen-id';
import { isGrade } from './grades';
import { parsePrefix, prefixHint, sexLabels, sexes, startsWithPrefix } from './name-prefixes';
import { BE_OFFSET, BE_THRESHOLD, formatThaiDate, isIsoDate } from '../../../shared/thai-calendar';

/** A pupil or CDC child as entered, before any check (so every field is a plain string). */
export interface PupilFields {
  citizenId: string;
  prefix: string;
  firstName: string;
  lastName: string;
  sex: string;
  /** ISO `YYYY-MM-DD`, Christian era (the import converts Buddhist-era dates before calling this). */
  birthDate: string;
  nationality: string;
  grade: string;
  enrolmentDate?: string | null;
}

export interface PupilCheckContext {
  /** Buddhist era, e.g. 2568. */
  academicYear: number;
  /** ISO date in Thailand (todayInBangkok). */
  today: string;
  /** When known: a CDC records children (grade CDC) only, a school K1–M6 only. */
  institutionKind?: 'SCHOOL' | 'CDC';
}

/** Errors refuse the record; queries are accepted with an explanation note and listed for the LAO and province. */
export interface PupilProblems {
  errors: Record<string, string>;
  queries: Record<string, string>;
}

export const EARLIEST_BIRTH_DATE = '1950-01-01';

/**
 * A birth year before 1950. One around 1450–1500 CE is a Christian-era year typed in the box for
 * the Buddhist-era year (2018 taken as พ.ศ. 2018 is ค.ศ. 1475): say so, and which era is which.
 */
function tooEarlyBirth(ceYear: number): string {
  const typed = ceYear + BE_OFFSET;
  if (typed >= 1900 && typed <= 2100)
    return `ปีเกิด พ.ศ. ${typed} เป็นไปไม่ได้ (คือ ค.ศ. ${ceYear}): ${typed} น่าจะเป็นปี ค.ศ. ช่องปีเกิดต้องกรอกเป็นปี พ.ศ. คือ ${typed + BE_OFFSET}`;
  return 'วันเกิดต้องไม่ก่อนปี ค.ศ. 1950 (พ.ศ. 2493)';
}

const NAME = /^[\u0E01-\u0E3A\u0E40-\u0E4EA-Za-z .-]+$/;
const LETTER = /[\u0E01-\u0E2EA-Za-z]/;

function nameProblem(raw: string, what: 'ชื่อ' | 'นามสกุล'): string | null {
  const name = raw.trim();
  if (!name) return `กรุณากรอก${what}`;
  if (name.length > 100) return `${what}ยาวได้ไม่เกิน 100 ตัวอักษร`;
  if (/[0-9๐-๙]/.test(name)) return `${what}ต้องไม่มีตัวเลข`;
  if (!NAME.test(name) || !LETTER.test(name))
    return `${what}ต้องเป็นอักษรไทยหรืออักษรอังกฤษ เว้นวรรค จุด (.) หรือขีด (-) เท่านั้น`;
  if (what === 'ชื่อ' && startsWithPrefix(name)) return 'ไม่ต้องใส่คำนำหน้าในช่องชื่อ กรุณาเลือกคำนำหน้าในช่องคำนำหน้า';
  return null;
}

/** Shape, Buddhist-era year typed as Christian, real calendar day, not in the future. */
function dateProblem(value: string, what: 'วันเกิด' | 'วันที่เข้าเรียน', today: string): string | null {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  if (!m) return `${what}ต้องอยู่ในรูปแบบ ปปปป-ดด-วว ปี ค.ศ. เช่น 2018-05-12`;
  const year = Number(m[1]);
  if (year > BE_THRESHOLD) {
    const yearWord = what === 'วันเกิด' ? 'ปีเกิด' : 'ปีที่เข้าเรียน';
    return `${yearWord}น่าจะเป็นปี พ.ศ. กรุณากรอกเป็นปี ค.ศ. (${year} − ${BE_OFFSET} = ${year - BE_OFFSET})`;
  }
  if (!isIsoDate(value)) return `${what}ไม่มีอยู่จริงในปฏิทิน (เช่น 31 มิถุนายน หรือ 29 กุมภาพันธ์ในปีที่ไม่ใช่ปีอธิกสุรทิน)`;
  if (value > today) return `${what}ต้องไม่เป็นวันในอนาคต (วันนี้คือ ${formatThaiDate(today)})`;
  return null;
}

const THAI = new Set(['ไทย', 'สัญชาติไทย', 'thai', 'thailand']);

export function isThai(nationality: string): boolean {
  return THAI.has(nationality.replace(/\s/g, '').toLowerCase());
}

/** Checks every field of a pupil or child; each field has at most one error or one query. */
export function checkPupil(input: PupilFields, ctx: PupilCheckContext): PupilProblems {
  if (ctx.academicYear < BE_THRESHOLD)
    throw new Error(`academicYear must be Buddhist era, got ${ctx.academicYear}`);
  const errors: Record<string, string> = {};
  const queries: Record<string, string> = {};

  const id = checkPupilId(input.citizenId, ctx.today);
  if (!id.ok) errors.citizenId = id.problem;

  const sex = sexes.find((s) => s === input.sex);
  if (!sex) errors.sex = 'กรุณาระบุเพศ ชาย (MALE) หรือ หญิง (FEMALE)';
  const prefix = parsePrefix(input.prefix);
  if (!input.prefix.trim()) errors.prefix = 'กรุณาระบุคำนำหน้าชื่อ';
  else if (!prefix) errors.prefix = `ไม่รู้จักคำนำหน้า "${input.prefix.trim()}" ใช้ได้: ${prefixHint}`;
  else if (sex && prefix.sex !== sex)
    errors.prefix = `คำนำหน้า ${prefix.prefix} ไม่ตรงกับเพศ${sexLabels[sex]} กรุณาตรวจสอบคำนำหน้าหรือเพศ`;

  const first = nameProblem(input.firstName, 'ชื่อ');
  if (first) errors.firstName = first;
  const last = nameProblem(input.lastName, 'นามสกุล');
  if (last) errors.lastName = last;

  const nationality = input.nationality.trim();
  if (!nationality) errors.nationality = 'กรุณาระบุสัญชาติ เช่น ไทย เมียนมา ลาว กัมพูชา';
  else if (nationality.length > 50) errors.nationality = 'สัญชาติยาวได้ไม่เกิน 50 ตัวอักษร';
  else if (id.ok && isThai(nationality) && id.id.kind === 'G_CODE')
    queries.nationality =
      'ผู้เรียนที่ใช้รหัส G มักยังไม่มีสัญชาติไทย (ไม่มีหลักฐานทางทะเบียนราษฎร) กรุณาตรวจสอบสัญชาติ หรือระบุเหตุผล';
  else if (id.ok && isThai(nationality) && id.id.value.startsWith('0'))
    queries.nationality =
      'เลขประจำตัวที่ขึ้นต้นด้วย 0 ออกให้ผู้ที่ไม่มีสถานะทางทะเบียน ซึ่งมักยังไม่มีสัญชาติไทย กรุณาตรวจสอบสัญชาติ หรือระบุเหตุผล';

  const grade = isGrade(input.grade) ? input.grade : null;
  if (!grade) errors.grade = 'กรุณาระบุระดับชั้น: อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 หรือเด็กเล็ก';
  else if (ctx.institutionKind === 'CDC' && grade !== 'CDC')
    errors.grade = 'ศูนย์พัฒนาเด็กเล็กบันทึกได้เฉพาะเด็กเล็ก (ระดับชั้น เด็กเล็ก)';
  else if (ctx.institutionKind === 'SCHOOL' && grade === 'CDC')
    errors.grade = 'โรงเรียนต้องระบุระดับชั้น อ.1–อ.3, ป.1–ป.6 หรือ ม.1–ม.6';

  const birthDate = input.birthDate.trim();
  const birth = dateProblem(birthDate, 'วันเกิด', ctx.today);
  if (birth) errors.birthDate = birth;
  else if (birthDate < EARLIEST_BIRTH_DATE) errors.birthDate = tooEarlyBirth(Number(birthDate.slice(0, 4)));
  else if (grade && !errors.grade) {
    const age = ageProblem(grade, birthDate, ctx.academicYear);
    if (age.error) errors.birthDate = age.error;
    else if (age.query) queries.birthDate = age.query;
  }

  const enrolmentDate = input.enrolmentDate?.trim();
  if (enrolmentDate) {
    const enrolled = dateProblem(enrolmentDate, 'วันที่เข้าเรียน', ctx.today);
    if (enrolled) errors.enrolmentDate = enrolled;
    else if (!birth && enrolmentDate < birthDate)
      errors.enrolmentDate = 'วันที่เข้าเรียนต้องไม่ก่อนวันเกิด กรุณาตรวจสอบวันเกิดหรือวันที่เข้าเรียน';
  }
  return { errors, queries };
}

export function hasErrors(problems: PupilProblems): boolean {
  return Object.keys(problems.errors).length > 0;
}
