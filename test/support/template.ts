import os from 'node:os';
import path from 'node:path';

/** Where global setup leaves the migrated, bootstrapped template that each test file copies. */
export function pgliteTemplateFile(): string {
  return path.join(os.tmpdir(), `lec-test-template-${process.env.LEC_TEST_RUN_ID ?? 'local'}.tar`);
}
/** Per run, so two runs against one PostgreSQL server do not drop each other's template. */
export function pgTemplateDb(): string {
  return `lec_test_template_${(process.env.LEC_TEST_RUN_ID ?? 'local').replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

export function adminUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** pgbouncer (transaction mode) in front of DATABASE_URL's server: .ci/pgbouncer starts one. */
export function poolerUrl(): string | undefined {
  return (adminUrl() && process.env.LEC_TEST_POOLER_URL) || undefined;
}

/** A streaming replica of DATABASE_URL's server: .ci/pg-replica builds one. */
export function replicaUrl(): string | undefined {
  return (adminUrl() && process.env.LEC_TEST_REPLICA_URL) || undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
