import type { DataSource } from 'typeorm';
import { PupilRow } from './pupil.entity';

const lists = new WeakMap<DataSource, Map<string, string>>();

/**
 * `<alias>.<column> AS "<prefix><property>"` for every column of the pupils read model: a raw row
 * selected so is a PupilRow as TypeORM would hydrate it (dates stay strings, data-source.ts), for
 * the hot reads that skip TypeORM's query builder. Built once per data source and prefix.
 */
export function pupilSelectList(ds: DataSource, alias = 'p', prefix = ''): string {
  let mine = lists.get(ds);
  if (!mine) lists.set(ds, (mine = new Map()));
  const key = `${alias}|${prefix}`;
  let list = mine.get(key);
  if (list === undefined) {
    list = ds
      .getMetadata(PupilRow)
      .columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.propertyName}"`)
      .join(', ');
    mine.set(key, list);
  }
  return list;
}
