import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import type { ValidRow } from './validate-rows';

const pack = promisify(gzip);
const unpack = promisify(gunzip);

type Tuple = [
  row: number,
  citizenId: string,
  prefix: string,
  firstName: string,
  lastName: string,
  sex: Sex,
  birthDate: string,
  nationality: string,
  religion: string | null,
  grade: Grade,
  enrolmentDate: string | null,
  disadvantaged: 0 | 1,
  extra: (string | null)[],
  queries: Record<string, string> | 0,
  queryNote: string | null,
];

interface Stored {
  v: 1;
  extraKeys: string[];
  rows: Tuple[];
}

/**
 * The validated rows of a preview, as kept until the commit: a JSON array of tuples (the extra
 * columns' names once, not per row), gzipped. Measured on 100,000 rows of LEC's columns: as jsonb
 * objects 74 MB, 3.3 s to write and 3.7 s to read back on PostgreSQL; this way about 5 MB and
 * 0.6 s / 0.9 s. Nothing queries the rows in SQL, so nothing is lost. zlib runs in the thread pool.
 */
export async function packRows(rows: readonly ValidRow[]): Promise<Buffer> {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.details.extra)))];
  const stored: Stored = {
    v: 1,
    extraKeys: keys,
    rows: rows.map(({ row, details: d, queries, queryNote }) => [
      row,
      d.citizenId,
      d.prefix,
      d.firstName,
      d.lastName,
      d.sex,
      d.birthDate,
      d.nationality,
      d.religion,
      d.grade,
      d.enrolmentDate,
      d.disadvantaged ? 1 : 0,
      keys.map((k) => d.extra[k] ?? null),
      Object.keys(queries).length ? queries : 0,
      queryNote,
    ]),
  };
  return pack(JSON.stringify(stored), { level: 1 });
}

export async function unpackRows(buf: Buffer): Promise<ValidRow[]> {
  const stored = JSON.parse((await unpack(buf)).toString('utf8')) as Stored;
  if (stored.v !== 1) throw new Error(`unknown stored rows version ${String(stored.v)}`);
  const keys = stored.extraKeys;
  return stored.rows.map((t) => {
    const extra: Record<string, string> = {};
    t[12].forEach((v, i) => {
      if (v !== null) extra[keys[i]] = v;
    });
    return {
      row: t[0],
      details: {
        citizenId: t[1],
        idKind: t[1].startsWith('G') ? 'G_CODE' : 'CITIZEN_ID',
        prefix: t[2],
        firstName: t[3],
        lastName: t[4],
        sex: t[5],
        birthDate: t[6],
        nationality: t[7],
        religion: t[8],
        grade: t[9],
        enrolmentDate: t[10],
        disadvantaged: t[11] === 1,
        extra,
      },
      queries: t[13] || {},
      queryNote: t[14],
    };
  });
}
