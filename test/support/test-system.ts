import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPGlite, type DatabaseTarget } from '../../src/db/data-source';
import { openSystem, type LecSystem } from '../../src/system';
import { testLogger } from './test-logger';
import { adminUrl, pgTemplateDb, pgliteTemplateFile, withDatabase } from './template';

export interface TestSystem extends LecSystem {
  target: DatabaseTarget;
  engine: 'postgres' | 'pglite';
}

/** A fresh database for one test file, copied from the template global setup built. */
export async function openTestSystem(): Promise<TestSystem> {
  const url = adminUrl();
  if (url) {
    const name = `lec_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateDb()}`);
    await admin.end();
    const target: DatabaseTarget = { kind: 'postgres', url: withDatabase(url, name) };
    const system = await openSystem(target, { logger: testLogger() });
    return {
      ...system,
      target,
      engine: 'postgres',
      async close() {
        await system.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name}`);
        await a.end();
      },
    };
  }
  const dump = fs.readFileSync(pgliteTemplateFile());
  const target: DatabaseTarget = { kind: 'pglite', db: openPGlite({ loadDataDir: new Blob([dump]) }) };
  return { ...(await openSystem(target, { logger: testLogger() })), target, engine: 'pglite' };
}
