import type { ProfileData } from './account.events';

const THAI_OR_LATIN_NAME = /^[\p{Script=Thai}A-Za-z][\p{Script=Thai}A-Za-z .'-]*$/u;

/** A Thai phone number: 9 digits for a landline, 10 for a mobile, starting with 0. */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

/** What is wrong with a phone number, said so the person can fix it ("08123": too short, and by how much). */
export function phoneProblem(phone: string): string | null {
  const p = normalisePhone(phone);
  if (!p) return 'กรุณากรอกหมายเลขโทรศัพท์';
  if (!/^\d+$/.test(p)) return 'หมายเลขโทรศัพท์ต้องเป็นตัวเลขเท่านั้น (เว้นวรรคหรือขีดได้)';
  if (!p.startsWith('0')) return 'หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0';
  if (p.length < 9 || p.length > 10)
    return `หมายเลขโทรศัพท์ต้องมี 9 หลัก (โทรศัพท์บ้าน) หรือ 10 หลัก (มือถือ) แต่กรอกมา ${p.length} หลัก`;
  return null;
}

export function profileProblems(p: ProfileData): Record<string, string> {
  const fields: Record<string, string> = {};
  const name = (v: string, field: string, label: string) => {
    const t = v.trim();
    if (!t) fields[field] = `กรุณากรอก${label}`;
    else if (t.length > 100 || !THAI_OR_LATIN_NAME.test(t))
      fields[field] = `${label}ต้องเป็นตัวอักษรไทยหรืออังกฤษ ไม่เกิน 100 ตัว`;
  };
  name(p.firstName, 'firstName', 'ชื่อ');
  name(p.lastName, 'lastName', 'ชื่อสกุล');
  const position = p.position.trim();
  if (!position) fields.position = 'กรุณากรอกตำแหน่ง';
  else if (position.length > 150) fields.position = 'ตำแหน่งต้องไม่เกิน 150 ตัวอักษร';
  const phone = phoneProblem(p.phone);
  if (phone) fields.phone = phone;
  return fields;
}

/** The rules of passwordProblem as a person reads them, shown before the first try. */
export const passwordRules: readonly string[] = [
  'ยาวอย่างน้อย 8 ตัวอักษร และไม่เกิน 128 ตัวอักษร',
  'มีทั้งตัวอักษร (ไทยหรืออังกฤษ) และตัวเลข',
  'ต้องไม่มีชื่อผู้ใช้งาน (รหัสหน่วยงาน) อยู่ในรหัสผ่าน',
  'ต้องไม่ใช่รหัสที่เดาง่าย เช่น password123 หรือตัวอักษรซ้ำกันทั้งหมด',
  'ต้องไม่ซ้ำกับรหัสผ่านเดิม',
];

/**
 * A password the responsible person sets: at least 8 characters with a letter and a digit,
 * not containing the user name, and not a well-known weak one.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return 'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร';
  if (password.length > 128) return 'รหัสผ่านต้องยาวไม่เกิน 128 ตัวอักษร';
  if (!/[A-Za-z\p{Script=Thai}]/u.test(password) || !/\d/.test(password)) return 'รหัสผ่านต้องมีทั้งตัวอักษรและตัวเลข';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'รหัสผ่านต้องไม่มีชื่อผู้ใช้งานอยู่ในนั้น';
  if (/^(password|passw0rd|qwerty|abc|admin|lec)\d*$/i.test(password) || /^(\w)\1+$/.test(password))
    return 'รหัสผ่านนี้เดาง่ายเกินไป กรุณาตั้งใหม่';
  return null;
}

export function trimProfile(p: ProfileData): ProfileData {
  return {
    firstName: p.firstName.trim(),
    lastName: p.lastName.trim(),
    position: p.position.trim(),
    phone: normalisePhone(p.phone),
  };
}
