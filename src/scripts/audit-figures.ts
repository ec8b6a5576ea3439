import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { targetFromConfig } from '../db/data-source';
import { auditFigures } from '../modules/figures-audit/audit-figures';
import { openSystem } from '../system';

/**
 * `npm run audit:figures [-- --round <id>]`: replays the event log and checks every confirmation in
 * force at every level and the read models against it; prints each discrepancy and exits 1 on any.
 */
async function main() {
  const at = process.argv.indexOf('--round');
  const roundId = at > 0 ? (process.argv[at + 1] ?? null) : null;
  const system = await openSystem(targetFromConfig(loadConfig()));
  try {
    const started = Date.now();
    const audit = await auditFigures(system.dataSource.manager, roundId);
    for (const d of audit.discrepancies)
      console.log(
        `${d.kind}\t${d.roundId ?? '-'}\t${d.orgUnitCode}\t${d.dataset}\t${d.expected ?? '-'}\t${d.actual ?? '-'}\t${d.message}`,
      );
    console.log(
      `ตรวจสอบตัวเลข${roundId ? `รอบ ${roundId}` : 'ทุกรอบ'}: เหตุการณ์ ${audit.eventsReplayed} รายการ, การยืนยัน ${audit.confirmationsChecked} ครั้ง ` +
        `(มีผลอยู่ ${audit.confirmationsInForce}), พบความคลาดเคลื่อน ${audit.discrepancies.length} รายการ ใน ${Date.now() - started} ms`,
    );
    process.exitCode = audit.ok ? 0 : 1;
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
