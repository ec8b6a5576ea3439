import { DataSource, MigrationExecutor, type EntityManager } from 'typeorm';
import { replayAll } from './rebuild';
import type { Projection } from './projection';
import { LecError } from '../shared/errors';
import { createDataSource } from '../db/data-source';

/**
 * Tables that are not carried over: the migrations' own list, per-server bookkeeping, the readiness
 * probe's scratch row (its migration seeds it) and rate-limit windows.
 */
const NOT_COPIED = new Set([
  'typeorm_migrations',
  'write_marks',
  'projection_rebuilds',
  'readiness_probe',
  'rate_limit_hits',
]);
/** The log first (events refer to their streams); then what is neither log nor projection. */
const LOG_TABLES = ['streams', 'events'];
const BATCH = 2000;

export interface TableCheck {
  table: string;
  kind: 'log' | 'kept' | 'projection';
  rows: number;
  same: boolean;
}

export interface MoveReport {
  events: number;
  tables: TableCheck[];
}

/**
 * Moves an embedded database to an empty PostgreSQL database: the event log and the tables that
 * are not projections (sign-in audit, sessions, imports, …) are copied row for row, every
 * projection is rebuilt there by replaying the log, and then every table is compared with the
 * source (row count and a digest of every row): the log, the kept tables, and the figures
 * (enrolment counts, confirmations, confirmed counts …) the target rebuilt for itself. All of it is
 * one transaction on the target: on any difference or failure the target is left empty.
 */
export async function moveDatabase(
  source: DataSource,
  targetUrl: string,
  projections: readonly Projection[],
  log: (line: string) => void = () => undefined,
): Promise<MoveReport> {
  // The same tables as the source: the composition root gave it its entity list.
  const target = createDataSource({ kind: 'postgres', url: targetUrl }, source.options.entities ?? []);
  await target.initialize();
  try {
    await refuseNonEmpty(target);
    const projectionTables = new Set(projections.flatMap((p) => p.tables));
    const all = await publicTables(source.manager);
    const kept = all.filter((t) => !NOT_COPIED.has(t) && !projectionTables.has(t) && !LOG_TABLES.includes(t));
    return await target.transaction(async (tx) => {
      await migrate(target, tx);
      for (const table of LOG_TABLES) log(`${table}: ${await copyTable(source.manager, tx, table)} rows`);
      const events = await replayAll(tx, projections);
      log(`projections rebuilt from ${events} events`);
      for (const table of kept) log(`${table}: ${await copyTable(source.manager, tx, table)} rows`);
      await resetSequences(tx);
      const tables: TableCheck[] = [];
      const check = async (table: string, kind: TableCheck['kind']) => {
        const [a, b] = [await digest(source.manager, table), await digest(tx, table)];
        tables.push({ table, kind, rows: a.rows, same: a.rows === b.rows && a.digest === b.digest });
      };
      for (const t of LOG_TABLES) await check(t, 'log');
      for (const t of kept) await check(t, 'kept');
      for (const t of projectionTables) await check(t, 'projection');
      const differ = tables.filter((t) => !t.same).map((t) => t.table);
      if (differ.length) {
        throw new LecError('CONFLICT', `ข้อมูลปลายทางไม่ตรงกับต้นทาง (${differ.join(', ')}) จึงไม่ได้ย้าย`, {
          tables: differ,
        });
      }
      return { events, tables };
    });
  } finally {
    await target.destroy();
  }
}

async function publicTables(m: EntityManager): Promise<string[]> {
  const rows: { name: string }[] = await m.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

async function refuseNonEmpty(target: DataSource): Promise<void> {
  const tables = await publicTables(target.manager);
  if (tables.length) {
    throw new LecError(
      'BAD_USER_INPUT',
      `ฐานข้อมูลปลายทางไม่ว่าง (มีตาราง ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ' …' : ''}) ` +
        'ย้ายได้เฉพาะไปยังฐานข้อมูลที่สร้างใหม่และยังไม่มีข้อมูล',
      { tables },
    );
  }
}

/** The schema, inside the move's transaction (every migration is transaction-safe). */
async function migrate(target: DataSource, tx: EntityManager): Promise<void> {
  const executor = new MigrationExecutor(target, tx.queryRunner);
  executor.transaction = 'none';
  await executor.executePendingMigrations();
}

async function primaryKey(m: EntityManager, table: string): Promise<{ name: string; type: string } | null> {
  const rows: { name: string; type: string }[] = await m.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [`"${table}"`],
  );
  return rows.length === 1 ? rows[0] : null;
}

/**
 * Copies a table in batches as JSON rows, which PostgreSQL turns back into the table's own row type
 * on the other side (bytea, jsonb, dates and all); in key order when the key is one column.
 */
async function copyTable(from: EntityManager, to: EntityManager, table: string): Promise<number> {
  const key = await primaryKey(from, table);
  let copied = 0;
  let after: unknown = null;
  for (;;) {
    const rows: { r: string; k: unknown }[] = key
      ? await from.query(
          `SELECT row_to_json(t)::text AS r, t."${key.name}"::text AS k FROM "${table}" t
            WHERE $1::text IS NULL OR t."${key.name}" > $1::text::${key.type} ORDER BY t."${key.name}" LIMIT ${BATCH}`,
          [after === null ? null : String(after)],
        )
      : await from.query(
          `SELECT row_to_json(t)::text AS r FROM "${table}" t ORDER BY t::text LIMIT ${BATCH} OFFSET ${copied}`,
        );
    if (rows.length === 0) return copied;
    await to.query(
      `INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(null::"${table}", $1::json)`,
      [`[${rows.map((r) => r.r).join(',')}]`],
    );
    copied += rows.length;
    after = rows[rows.length - 1].k;
  }
}

/** Serial and identity columns continue after the copied rows. */
async function resetSequences(tx: EntityManager): Promise<void> {
  const cols: { t: string; c: string }[] = await tx.query(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const { t, c } of cols) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${c}") FROM "${t}"), 0) + 1, false)`,
      [`"${t}"`, c],
    );
  }
}

/**
 * Row count and an order-free digest of every row's text (UTC, ISO dates, so that both engines
 * print a row alike): the sum of a hash per row, which streams instead of gathering the table.
 */
async function digest(m: EntityManager, table: string): Promise<{ rows: number; digest: string }> {
  const run = async (tx: EntityManager) => {
    await tx.query(`SET LOCAL TimeZone = 'UTC'`);
    await tx.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    const [r]: { rows: number; digest: string }[] = await tx.query(
      `SELECT count(*)::int AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS digest
         FROM "${table}" t`,
    );
    return r;
  };
  return m.queryRunner?.isTransactionActive ? run(m) : m.transaction(run);
}
