import { seesWholeCitizenId } from '../../access/policy';
import { provinces } from '../../chain/provinces';
import { citizenIdCheckDigit } from '../../../shared/citizen-id-digit';
import { ceToBe, toArabicDigits } from '../../../shared/thai-calendar';

// The check digit is kernel (the log redaction needs it too); pupils' callers keep importing it from here.
export { citizenIdCheckDigit };

/**
 * The identifier typed into the citizen-ID field (guideline 5.3.3 (4)): a Thai citizen ID, or the
 * education ministry's G-Code for a pupil without civil registration or Thai nationality.
 */
export type PupilId = { kind: 'CITIZEN_ID'; value: string } | { kind: 'G_CODE'; value: string };

export type PupilIdCheck = { ok: true; id: PupilId } | { ok: false; problem: string };

/** G-Codes are issued country-wide (gcode.moe.go.th), so Bangkok (10) is a valid province there. */
const G_CODE_PROVINCES = new Set(['10', ...provinces.map((p) => p.code)]);

const G_CODE_EXAMPLE = 'G644200000001';

/** Spaces, hyphens and dashes as people type them (`1-1037-02071-81-1`), and zero-width spaces from copy-paste. */
function compact(raw: string): string {
  return toArabicDigits(raw).replace(/[\s\u200b\-–—]/g, '');
}

/**
 * Why 0 is accepted and 9 is not: the civil registry numbers people 1–8 by registration category and
 * gives 13-digit numbers starting with 0 to people it has surveyed who have no registration status
 * (e.g. 0-xxxx-89xxx-xx-x under the cabinet resolution of 18 January 2548). Such children are exactly
 * those the guideline (5.3.3) tells schools to record; refusing them would drop a child from the
 * count. No category starts with 9.
 */
function citizenIdProblem(digits: string): string | null {
  if (digits.length !== 13)
    return `เลขประจำตัวประชาชนต้องมี 13 หลัก แต่กรอกมา ${digits.length} หลัก กรุณาตรวจสอบจากบัตรประชาชนหรือสูติบัตร`;
  if (digits[0] === '9') return 'เลขประจำตัวประชาชนไม่มีเลขที่ขึ้นต้นด้วย 9 กรุณาตรวจสอบหลักแรกอีกครั้ง';
  if (citizenIdCheckDigit(digits) !== Number(digits[12]))
    return 'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) กรุณาตรวจสอบว่ากรอกครบและไม่สลับตำแหน่ง';
  return null;
}

/**
 * G-Code layout: `G` + 2-digit Buddhist-era year of issue + 2-digit province code + 8-digit running
 * number, e.g. G644200000001 = issued 2564 in Loei (42), number 1.
 */
function gCodeProblem(digits: string, today?: string): string | null {
  if (!/^\d{12}$/.test(digits)) return `รหัส G ต้องเป็นตัว G ตามด้วยตัวเลข 12 หลัก เช่น ${G_CODE_EXAMPLE}`;
  if (!G_CODE_PROVINCES.has(digits.slice(2, 4)))
    return `รหัสจังหวัดในรหัส G (ตัวเลขหลักที่ 3–4: ${digits.slice(2, 4)}) ไม่ตรงกับจังหวัดใด กรุณาตรวจสอบ`;
  if (/^0+$/.test(digits.slice(4))) return 'เลขลำดับในรหัส G (8 หลักสุดท้าย) ต้องไม่เป็นศูนย์ทั้งหมด';
  const issued = 2500 + Number(digits.slice(0, 2));
  if (today && issued > ceToBe(Number(today.slice(0, 4))))
    return `ปีที่ออกรหัส G (พ.ศ. ${issued}) ยังมาไม่ถึง กรุณาตรวจสอบตัวเลข 2 หลักแรกหลังตัว G`;
  return null;
}

/**
 * Checks and normalises what was typed into the citizen-ID field: 13 digits for a citizen ID,
 * `G` + 12 digits for a G-Code (a lower-case g is accepted and stored upper-case). With `today` (ISO), a G-Code of a future year is refused.
 */
export function checkPupilId(raw: string, today?: string): PupilIdCheck {
  const s = compact(raw);
  if (!s) return { ok: false, problem: 'กรุณากรอกเลขประจำตัวประชาชน 13 หลัก หรือรหัส G (G-Code)' };
  if (/^[Gg]/.test(s)) {
    const problem = gCodeProblem(s.slice(1), today);
    return problem ? { ok: false, problem } : { ok: true, id: { kind: 'G_CODE', value: `G${s.slice(1)}` } };
  }
  if (!/^\d+$/.test(s))
    return { ok: false, problem: 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก หรือรหัส G ที่ขึ้นต้นด้วยตัว G' };
  const problem = citizenIdProblem(s);
  return problem ? { ok: false, problem } : { ok: true, id: { kind: 'CITIZEN_ID', value: s } };
}

export function parsePupilId(raw: string, today?: string): PupilId | null {
  const check = checkPupilId(raw, today);
  return check.ok ? check.id : null;
}

/**
 * For lists: enough to tell two pupils apart and match a card, not enough to copy the ID. A citizen ID
 * keeps its first digit (the registration category: 0 = no registration status, 6–7 = not Thai) and its
 * last 4, grouped 1-4-5-2-1 as on the card: `1103702071811` → `1-xxxx-xxxx1-81-1`. A G-Code keeps `G`
 * and its last 4: `Gxxxxxxxx0001`. Anything else (a stored value that is not a valid ID): last 4 only.
 */
export function maskPupilId(value: string): string {
  const id = parsePupilId(value);
  if (id?.kind === 'CITIZEN_ID') {
    const v = id.value;
    return `${v[0]}-xxxx-xxxx${v[9]}-${v.slice(10, 12)}-${v[12]}`;
  }
  if (id?.kind === 'G_CODE') return `Gxxxxxxxx${id.value.slice(-4)}`;
  const s = compact(value);
  return 'x'.repeat(Math.max(0, s.length - 4)) + s.slice(-4);
}

/** A citizen ID grouped as on the card (1-2345-67890-12-3); a G-Code as it is. */
export function formatPupilId(value: string): string {
  const id = parsePupilId(value);
  if (id?.kind !== 'CITIZEN_ID') return value;
  const v = id.value;
  return `${v[0]}-${v.slice(1, 5)}-${v.slice(5, 10)}-${v.slice(10, 12)}-${v[12]}`;
}

/**
 * A pupil's ID as `looker` (the viewer's unit; null: a list for the levels above) may see it: whole,
 * written by `whole` (as stored, or grouped as on the card), to an institution that holds the pupil
 * (`holders`, see `seesWholeCitizenId`); masked to everyone else. Every screen, export and document
 * that shows a pupil's ID goes through here.
 */
export function citizenIdFor(
  looker: { code: string } | null | undefined,
  holders: string | readonly string[] | null,
  citizenId: string,
  whole: (id: string) => string = (id) => id,
): string {
  return seesWholeCitizenId(looker, holders) ? whole(citizenId) : maskPupilId(citizenId);
}
