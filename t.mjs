import { PGlite } from '@electric-sql/pglite';
const t = Date.now();
const db = new PGlite();
await db.waitReady;
console.log('ready', Date.now() - t);
const r = await db.query(
  `select 1::int8 a, 1.5::numeric b, '2025-06-10'::date c, now() d, '{"x":1}'::jsonb e, $1::text::jsonb f`,
  ['{"y":2}'],
);
console.log(r.rows, r.command, r.rowCount, r.affectedRows);
const x = await db.exec(
  `create table t(a int); insert into t values (1),(2); select * from t, (select 5::int8 as z) q;`,
);
console.log(
  JSON.stringify(x.map((r) => ({ rows: r.rows, c: r.command, rc: r.rowCount, ar: r.affectedRows }))),
);
try {
  await db.query('insert into t values ($1)', ['x']);
} catch (e) {
  console.log(e.constructor.name, e.code, e.message, Object.keys(e));
}
await db.exec('BEGIN');
console.log(db.isInTransaction());
await db.exec('ROLLBACK');
console.log(db.isInTransaction());
await db.exec(
  `create function f() returns trigger language plpgsql as $$ begin raise exception 'immutable' using errcode='P0001'; end $$; create trigger tt before update or delete on t for each row execute function f();`,
);
try {
  await db.query('delete from t');
} catch (e) {
  console.log(e.code, e.message);
}
const t2 = Date.now();
const dump = await db.dumpDataDir('none');
console.log('dump', dump.size, Date.now() - t2);
const t3 = Date.now();
const db2 = new PGlite({ loadDataDir: dump });
await db2.waitReady;
console.log('load', Date.now() - t3, (await db2.query('select count(*) from t')).rows);
