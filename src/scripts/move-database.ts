import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../shared/config';
import { openDatabase, openPGlite } from '../db/data-source';
import { moveDatabase } from '../event-store/move-database';
import { projections } from '../composition/projections';
import { isLecError } from '../shared/errors';
import { entities } from '../composition/entities';

const USAGE =
  'ใช้: npm run db:move -- --to postgres://ผู้ใช้:รหัสผ่าน@เครื่อง:5432/ฐานข้อมูลใหม่ [--from โฟลเดอร์ข้อมูล (ค่าเริ่มต้น LEC_DATA_DIR หรือ ./data)]';

function argOf(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * `npm run db:move -- --to <DATABASE_URL>`: moves the embedded database (stop the server first) to
 * an empty PostgreSQL database, rebuilds the projections there and checks every table against the
 * source; then start the server with DATABASE_URL set to that database.
 */
async function main(args: string[]) {
  const to = argOf(args, '--to');
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new Error(USAGE);
  const dataDir = path.resolve(argOf(args, '--from') ?? loadConfig().dataDir);
  const folder = path.join(dataDir, 'pglite');
  if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) {
    throw new Error(`ไม่พบฐานข้อมูลในตัวที่ ${folder} (no embedded database there)`);
  }
  const db = openPGlite({ dataDir: folder });
  const source = await openDatabase({ kind: 'pglite', db }, entities);
  try {
    const started = Date.now();
    const report = await moveDatabase(source, to, projections, (line) => console.log(`  ${line}`));
    console.log('ตรวจสอบแล้ว ตรงกับต้นทางทุกตาราง (every table checked against the source):');
    for (const t of report.tables)
      console.log(`  ✓ ${t.table.padEnd(28)} ${String(t.rows).padStart(9)}  ${t.kind}`);
    console.log(
      `ย้ายเหตุการณ์ ${report.events} รายการไปยัง PostgreSQL แล้ว ใน ${Date.now() - started} ms ` +
        `(moved ${report.events} events); start the server with DATABASE_URL set to the target.`,
    );
  } finally {
    await source.destroy();
    await db.close();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(isLecError(e) ? `ย้ายไม่สำเร็จ: ${e.message}` : e instanceof Error ? e.message : String(e));
  process.exit(1);
});
