import os from 'node:os';
import path from 'node:path';

/** Where global setup leaves the migrated, bootstrapped template that each test file copies. */
export function pgliteTemplateFile(): string {
  return path.join(os.tmpdir(), `lec-test-template-${process.env.LEC_TEST_RUN_ID ?? 'local'}.tar`);
}
export const PG_TEMPLATE_DB = 'lec_test_template';

export function adminUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
