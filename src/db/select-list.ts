import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

const lists = new WeakMap<DataSource, Map<unknown, Map<string, string>>>();

/**
 * `<alias>.<column> AS "<prefix><property>"` for every column of an entity: a raw row selected so
 * is the entity's row as TypeORM would hydrate it (dates stay strings, data-source.ts), for the
 * hot reads that skip TypeORM's query builder; with a prefix, beside other columns in one
 * statement (`rowUnder` takes it back out). Built once per data source, entity, alias and prefix.
 */
export function entitySelectList<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  prefix = '',
): string {
  let byEntity = lists.get(ds);
  if (!byEntity) lists.set(ds, (byEntity = new Map()));
  let byKey = byEntity.get(entity);
  if (!byKey) byEntity.set(entity, (byKey = new Map()));
  const key = `${alias}|${prefix}`;
  let list = byKey.get(key);
  if (list === undefined) {
    list = ds
      .getMetadata(entity)
      .columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.propertyName}"`)
      .join(', ');
    byKey.set(key, list);
  }
  return list;
}

/**
 * The entity row a statement selected under `prefix` (`entitySelectList`), or null when its
 * `present` column is null (a LEFT JOIN that found nothing).
 */
export function rowUnder<T>(row: Record<string, unknown>, prefix: string, present = 'id'): T | null {
  if (row[`${prefix}${present}`] == null) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out as T;
}
