import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { targetFromConfig } from '../db/data-source';
import { isEmpty } from '../modules/demo/seed-demo';
import { seedAuditedRound } from '../modules/demo/seed-audited-round';
import { openSystem } from '../system';

/** `npm run seed:audited-round`: the round the figures audit checks in CI, into an empty database. */
async function main() {
  const system = await openSystem(targetFromConfig(loadConfig()));
  try {
    if (!(await isEmpty(system.store)))
      throw new Error('the database is not empty: seed the audited round into a new one');
    const { confirmations, revocations } = await seedAuditedRound(system.store);
    console.log(`seeded the audited round: ${confirmations} confirmations, ${revocations} revocations`);
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
