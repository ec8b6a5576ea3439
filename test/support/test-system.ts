import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPGlite, type DatabaseTarget } from '../../src/db/data-source';
import { openSystem, type LecSystem } from '../../src/system';
import { adminUrl, pgTemplateDb, pgliteTemplateFile, poolerUrl, replicaUrl, withDatabase } from './template';

export interface TestSystem extends LecSystem {
  target: DatabaseTarget;
  engine: 'postgres' | 'pglite';
}

/** A database created on the primary appears on its replica once the replica has replayed that far. */
async function waitForDatabase(url: string): Promise<void> {
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch (e) {
      await c.end().catch(() => undefined);
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
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
    // LEC_TEST_POOLER_URL: the app reaches this database through pgbouncer in transaction mode;
    // LEC_TEST_REPLICA_URL: read-only queries go to a streaming replica of the server.
    const pooler = poolerUrl();
    const replica = replicaUrl();
    if (replica) await waitForDatabase(withDatabase(replica, name));
    const target: DatabaseTarget = {
      kind: 'postgres',
      url: withDatabase(pooler ?? url, name),
      pooler: pooler ? 'transaction' : undefined,
      replicas: replica
        ? { urls: [withDatabase(replica, name)], maxLagSeconds: 30, waitMs: 2000 }
        : undefined,
    };
    const system = await openSystem(target);
    return {
      ...system,
      target,
      engine: 'postgres',
      async close() {
        await system.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        // pgbouncer keeps its server connections to the database open: end them.
        await a.query(`DROP DATABASE IF EXISTS ${name}${pooler ? ' WITH (FORCE)' : ''}`);
        await a.end();
      },
    };
  }
  const dump = fs.readFileSync(pgliteTemplateFile());
  const target: DatabaseTarget = { kind: 'pglite', db: openPGlite({ loadDataDir: new Blob([dump]) }) };
  return { ...(await openSystem(target)), target, engine: 'pglite' };
}
