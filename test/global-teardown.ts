import fs from 'node:fs';
import pg from 'pg';
import { adminUrl, pgliteTemplateFile, pgTemplateDb } from './support/template';

export default async function globalTeardown(): Promise<void> {
  fs.rmSync(pgliteTemplateFile(), { force: true });
  const url = adminUrl();
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateDb()}`);
  await admin.end();
}
