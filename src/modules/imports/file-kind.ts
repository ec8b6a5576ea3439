import { ACCEPTED_FILES, FileRefused } from './import-errors';

/** An upload the import can go on with: the bytes of an .xlsx, or the text of a CSV. */
export type SheetFile = { kind: 'xlsx'; bytes: Buffer } | { kind: 'csv'; text: string };

const startsWith = (b: Buffer, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ascii = (b: Buffer, s: string) => b.subarray(0, s.length).toString('latin1') === s;

/** Files people pick by mistake, by their first bytes, and what to call them in the message. */
const NOT_A_SHEET: [test: (b: Buffer) => boolean, what: string][] = [
  [(b) => ascii(b, '%PDF'), 'ไฟล์ PDF'],
  [(b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47), 'ไฟล์รูปภาพ (PNG)'],
  [(b) => startsWith(b, 0xff, 0xd8, 0xff), 'ไฟล์รูปภาพ (JPEG)'],
  [(b) => ascii(b, 'GIF8'), 'ไฟล์รูปภาพ (GIF)'],
  [(b) => ascii(b, 'Rar!') || ascii(b, '7z') || startsWith(b, 0x1f, 0x8b), 'ไฟล์บีบอัด (RAR, 7z หรือ gzip)'],
  [(b) => ascii(b, 'MZ') || ascii(b, '\x7fELF'), 'ไฟล์โปรแกรม'],
];

// Control characters other than tab, line feed and carriage return never occur in a CSV.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodeText(b: Buffer): string | null {
  if (startsWith(b, 0xff, 0xfe)) return b.subarray(2).toString('utf16le'); // Excel's "Unicode Text"
  const body = startsWith(b, 0xef, 0xbb, 0xbf) ? b.subarray(3) : b;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Thai Excel saves "CSV (Comma delimited)" in the Windows Thai code page, not UTF-8.
    try {
      return new TextDecoder('windows-874', { fatal: true }).decode(body);
    } catch {
      return null;
    }
  }
}

/** Decides from the content (never from the name or the declared type) what an upload is. */
export function sniffFile(bytes: Buffer): SheetFile {
  if (bytes.length === 0) throw new FileRefused(`ไฟล์ว่างเปล่า (ขนาด 0 ไบต์) ${ACCEPTED_FILES}`);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06))
    return { kind: 'xlsx', bytes };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    throw new FileRefused(
      'ไฟล์นี้เป็นไฟล์ Excel รุ่นเก่า (.xls) หรือไฟล์ Excel ที่ตั้งรหัสผ่านไว้ ซึ่งระบบอ่านไม่ได้ ' +
        'กรุณาเปิดใน Excel แล้วบันทึกเป็น "Excel Workbook (.xlsx)" โดยไม่ตั้งรหัสผ่าน แล้วอัปโหลดใหม่',
    );
  const known = NOT_A_SHEET.find(([test]) => test(bytes));
  if (known) throw new FileRefused(`ไฟล์นี้เป็น${known[1]} ไม่ใช่ไฟล์ตารางข้อมูล ${ACCEPTED_FILES}`);
  const text = decodeText(bytes);
  if (text === null || CONTROL.test(text))
    throw new FileRefused(`ไฟล์นี้ไม่ใช่ไฟล์ตารางข้อมูลที่อ่านได้ (ไฟล์เสียหรือเป็นข้อมูลชนิดอื่น) ${ACCEPTED_FILES}`);
  if (/^\s*</.test(text))
    throw new FileRefused(
      'ไฟล์นี้เป็นหน้าเว็บหรือ XML (HTML) ที่ตั้งชื่อเป็นไฟล์ Excel กรุณาเปิดไฟล์ใน Excel แล้วบันทึกเป็น "Excel Workbook (.xlsx)" แล้วอัปโหลดใหม่',
    );
  return { kind: 'csv', text };
}
