import fs from 'node:fs';
import pg from 'pg';
import { assertLogClean } from './support/log-scan';
import { adminUrl, pgliteTemplateFile, pgTemplateDb } from './support/template';

export default async function globalTeardown(): Promise<void> {
  fs.rmSync(pgliteTemplateFile(), { force: true });
  const url = adminUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateDb()}`);
    await admin.end();
  }
  // The whole suite's log must hold no citizen ID, G-Code or password (test/support/log-scan.ts).
  const log = process.env.LEC_TEST_LOG_FILE;
  try {
    assertLogClean(log);
  } finally {
    if (log && !process.env.LEC_KEEP_TEST_LOG) fs.rmSync(log, { force: true });
  }
}
