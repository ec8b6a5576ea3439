import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { targetFromConfig } from '../db/data-source';
import { laoUnits } from '../modules/demo/national-dataset';
import { confirmNational } from '../modules/demo/confirm-national';
import { describeSizes, nationalOptions } from '../modules/demo/national-options';
import { seedNational } from '../modules/demo/seed-national';
import { OrgUnitRow } from '../modules/org-units/org-unit.entity';
import { openSystem } from '../system';

/**
 * `npm run seed:national [-- --full | --scale 0.1 | --laos 200 …]`: seeds a synthetic national dataset
 * into the configured database (DATABASE_URL, or the embedded one in LEC_DATA_DIR) through the real commands.
 */
async function main() {
  const { sizes, seed, confirm } = nationalOptions(process.argv.slice(2), process.env);
  const system = await openSystem(targetFromConfig(loadConfig(), 'npm run seed:national'));
  try {
    const first = laoUnits(sizes)[0];
    if (await system.dataSource.manager.existsBy(OrgUnitRow, { code: first.code })) {
      console.error(`ฐานข้อมูลนี้มีข้อมูลจำลองระดับประเทศอยู่แล้ว (พบ อปท. รหัส ${first.code}): ใช้ฐานข้อมูลใหม่`);
      process.exitCode = 1;
      return;
    }
    console.log(`Seeding: ${describeSizes(sizes)}; seed ${seed}`);
    const started = Date.now();
    const report = await seedNational(system.store, sizes, { seed, log: (l) => console.log(l) });
    const s = (Date.now() - started) / 1000;
    console.log(
      `Seeded in ${s.toFixed(1)} s: ${report.units} units, ${report.pupils} pupils, ${report.children} children, ` +
        `${report.otherSchools} other-affiliation schools (${report.otherSchoolPupils} pupils); ${report.events} events ` +
        `(${Math.round(report.events / s)} events/s)`,
    );
    if (confirm) {
      const at = Date.now();
      const c = await confirmNational(system.store, sizes, (l) => console.log(l));
      console.log(
        `Confirmed ${c.confirmations} datasets in round ${c.roundId} in ${((Date.now() - at) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
