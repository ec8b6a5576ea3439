import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase, openPGlite } from '../../src/db/data-source';
import { entities } from '../../src/composition/entities';

export type Engine = 'postgres' | 'pglite';

/** A fresh, migrated database that exists only for one bench run. */
export interface BenchDatabase {
  engine: Engine;
  dataSource: DataSource;
  /** Where it lives, for the report. */
  where: string;
  /** Closes every connection and removes the database. */
  close(): Promise<void>;
}

/** The server to bench PostgreSQL on, or undefined when none is configured. */
export function postgresServerUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Hides the password when a URL is printed. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates `lec_bench_<random>` on the given server, migrates it, and drops it on close. */
export async function openBenchPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `lec_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
  let dataSource: DataSource;
  try {
    dataSource = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name) }, entities);
  } catch (e) {
    await drop();
    throw e;
  }
  return {
    engine: 'postgres',
    dataSource,
    where: redact(withDatabase(serverUrl, name)),
    async close() {
      try {
        if (dataSource.isInitialized) await dataSource.destroy();
      } finally {
        await drop();
      }
    },
  };
}

/** A fresh PGlite database on disk (as the app keeps it) in a temporary folder, removed on close. */
export async function openBenchPGlite(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lec-bench-'));
  const db = openPGlite({ dataDir: path.join(dir, 'pglite') });
  const cleanUp = async () => {
    try {
      if (!db.closed) await db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  let dataSource: DataSource;
  try {
    dataSource = await openDatabase({ kind: 'pglite', db }, entities);
  } catch (e) {
    await cleanUp();
    throw e;
  }
  return {
    engine: 'pglite',
    dataSource,
    where: path.join(dir, 'pglite'),
    async close() {
      try {
        if (dataSource.isInitialized) await dataSource.destroy();
      } finally {
        await cleanUp();
      }
    },
  };
}
