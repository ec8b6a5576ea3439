import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { queryPrepared } from './query-prepared';

/**
 * Inserts many rows of an entity in one statement with one parameter: the rows travel as a JSON
 * array and `jsonb_to_recordset` turns them into typed columns. TypeORM's multi-row insert builds
 * a statement with a parameter per cell, which cost ~170 µs a row at import sizes; this costs
 * ~30 µs (bench:import). Columns a row leaves out are inserted as NULL.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  await insertRows(tx, entity, rows, null);
}

/**
 * `bulkInsert` whose rows replace those with the same `conflict` key (every other column set from
 * the new row), as TypeORM's `upsert` of whole rows does, in one statement and one parameter.
 * The rows' keys must be distinct.
 */
export async function bulkUpsert<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  conflict: readonly (keyof T & string)[],
): Promise<void> {
  await insertRows(tx, entity, rows, conflict);
}

async function insertRows<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  conflict: readonly string[] | null,
): Promise<void> {
  if (rows.length === 0) return;
  const meta = tx.connection.getMetadata(entity);
  const columns = meta.columns.map((c) => ({
    prop: c.propertyName,
    name: c.databaseName,
    type: tx.connection.driver.normalizeType(c),
  }));
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const types = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  const json = JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(columns.map((c) => [c.name, (r as Record<string, unknown>)[c.prop] ?? null])),
    ),
  );
  let onConflict = '';
  if (conflict) {
    const keys = conflict.map((p) => columns.find((c) => c.prop === p)!.name);
    const set = columns
      .filter((c) => !keys.includes(c.name))
      .map((c) => `"${c.name}" = EXCLUDED."${c.name}"`);
    onConflict = ` ON CONFLICT (${keys.map((k) => `"${k}"`).join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'}`;
  }
  await tx.query(
    `INSERT INTO "${meta.tableName}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::text::jsonb) AS r(${types})${onConflict}`,
    [json],
  );
}

/**
 * Inserts rows of an entity computed by the database from JSON it already holds (event data in the
 * `events` table during a rebuild): nothing travels to Node and back. Each column takes `set[prop]`
 * (an SQL expression) when given, else the field of the same property name of the JSON object
 * `json` (an SQL expression of type jsonb) cast to the column's type, NULL when absent, as
 * `bulkInsert` would store a row built by spreading that object.
 */
export async function insertSelectFromJson<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  q: {
    json: string;
    set: Partial<Record<keyof T & string, string>>;
    from: string;
    params: unknown[];
    /** A name to run it as a prepared statement by (a hot path's; the same q every time). */
    preparedAs?: string;
  },
): Promise<void> {
  const meta = tx.connection.getMetadata(entity);
  const names = meta.columns.map((c) => `"${c.databaseName}"`).join(', ');
  const values = meta.columns.map((c) => {
    const given = (q.set as Record<string, string | undefined>)[c.propertyName];
    if (given !== undefined) return given;
    const type = tx.connection.driver.normalizeType(c);
    const field = `'${c.propertyName.replace(/'/g, "''")}'`;
    if (type === 'jsonb' || type === 'json') return `NULLIF(${q.json} -> ${field}, 'null'::jsonb)::${type}`;
    return `(${q.json} ->> ${field})::${type}`;
  });
  const text = `INSERT INTO "${meta.tableName}" (${names}) SELECT ${values.join(', ')} FROM ${q.from}`;
  if (q.preparedAs) await queryPrepared(tx, q.preparedAs, text, q.params);
  else await tx.query(text, q.params);
}
