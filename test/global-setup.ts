import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPGlite } from '../src/db/data-source';
import { openSystem } from '../src/system';
import { adminUrl, pgTemplateDb, pgliteTemplateFile, withDatabase } from './support/template';

/**
 * Builds one migrated, bootstrapped database; every test file then starts from a copy of it
 * (a PGlite data dump, or a PostgreSQL template database), so files never share data.
 */
export default async function globalSetup(): Promise<void> {
  process.env.LEC_TEST_RUN_ID ??= `${process.pid}-${randomBytes(3).toString('hex')}`;
  // Every test server logs (at debug) to one file; global teardown scans it for citizen IDs and passwords.
  process.env.LEC_TEST_LOG_FILE ??= path.join(
    os.tmpdir(),
    `lec-test-log-${process.env.LEC_TEST_RUN_ID}.jsonl`,
  );
  fs.rmSync(process.env.LEC_TEST_LOG_FILE, { force: true });
  const url = adminUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateDb()}`);
    await admin.query(`CREATE DATABASE ${pgTemplateDb()}`);
    await admin.end();
    const system = await openSystem({ kind: 'postgres', url: withDatabase(url, pgTemplateDb()) });
    await system.close();
    return;
  }
  const db = openPGlite();
  const system = await openSystem({ kind: 'pglite', db });
  const dump = await db.dumpDataDir('none');
  fs.writeFileSync(pgliteTemplateFile(), Buffer.from(await dump.arrayBuffer()));
  await system.close();
}
