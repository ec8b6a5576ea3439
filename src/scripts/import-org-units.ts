import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../shared/config';
import { targetFromConfig } from '../db/data-source';
import { systemMetadata } from '../event-store/event';
import { importOrgUnits, type ImportRowError } from '../modules/org-units/import-org-units';
import { parseOrgUnitCsv } from '../modules/org-units/org-unit-csv';
import { openSystem, type LecSystem } from '../system';

const USAGE = 'วิธีใช้ (usage): npm run import:org-units -- <ไฟล์.csv>';

// Thai vowel and tone marks sit above or below the letter and take no column of their own.
const width = (s: string) => [...s.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '')].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function table(errors: readonly ImportRowError[]): string[] {
  const head = ['แถว (row)', 'รหัส (code)', 'คอลัมน์ (column)', 'ข้อผิดพลาด (error)'];
  const body = errors.map((e) => [String(e.row), e.code, e.field, e.message]);
  const widths = head.slice(0, 3).map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? pad(c, widths[i]) : c)).join(' | ');
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('-+-') + '-+-' + '-'.repeat(20),
    ...body.map(line),
  ];
}

/**
 * Reads, checks and imports one file. Returns the exit code: 0 imported, 1 file rejected,
 * 2 usage. The database is opened only for a file that parses, and always closed.
 */
export async function runImport(
  args: readonly string[],
  open: () => Promise<LecSystem>,
  out: (line: string) => void,
): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    out(USAGE);
    return 2;
  }
  // npm runs scripts from the package folder; a relative path means the folder the user was in.
  const file = path.resolve(process.env.INIT_CWD ?? '', args[0]);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    out(`อ่านไฟล์ ${file} ไม่ได้ (cannot read the file): ${(e as Error).message}`);
    out(USAGE);
    return 2;
  }
  const parsed = parseOrgUnitCsv(bytes);
  if (!parsed.ok) {
    out(`ไม่นำเข้าไฟล์ ${file} (file rejected, nothing was written):`);
    for (const e of parsed.fileErrors) out(`  - ${e}`);
    return 1;
  }
  const system = await open();
  try {
    const metadata = systemMetadata(`import:${path.basename(file)}`);
    const report = await importOrgUnits(system.store, parsed.rows, metadata);
    if (report.ok) {
      const { registered: r, changed: c, unchanged: u } = report;
      out(`นำเข้าข้อมูลหน่วยงานจาก ${file} สำเร็จ: เพิ่มใหม่ ${r} แก้ไข ${c} ไม่เปลี่ยนแปลง ${u} หน่วยงาน`);
      out(`Imported ${file}: ${r} registered, ${c} changed, ${u} unchanged.`);
      return 0;
    }
    const n = report.errors.length;
    out(`ไม่นำเข้าไฟล์ ${file}: พบข้อผิดพลาด ${n} รายการ ไม่มีข้อมูลใดถูกบันทึก กรุณาแก้ไขแล้วนำเข้าใหม่ทั้งไฟล์`);
    out(
      `File rejected: ${n} error(s), nothing was written. Fix the rows below and import the whole file again.`,
    );
    for (const l of table(report.errors)) out(l);
    return 1;
  } finally {
    await system.close();
  }
}

if (require.main === module) {
  runImport(
    process.argv.slice(2),
    () => openSystem(targetFromConfig(loadConfig(), 'npm run import:org-units')),
    console.log,
  ).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
