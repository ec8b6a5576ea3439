import { createHash } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import {
  findDuplicates,
  findHeaderRow,
  parseNameListRows,
  type SheetRow,
} from '../other-schools/name-list.check';
import type { OtherSchoolGrade } from '../other-schools/other-school-counts.rules';
import { certifiedNameListDecider } from './certified-name-list.decider';
import { certifiedNameListStreamId } from './certified-name-list.events';

export interface StoredNameList {
  roundId: string;
  fileDigest: string;
  /** False when the same file was already the round's list: nothing was appended. */
  appended: boolean;
  listed: number;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Keeps the certified name list an LAO checked (the upload of `name-list-check`) as the round's
 * list of the funded school: an event with the file's digest and the valid pupils (ID, grade, sex).
 * The check itself (which refuses a file that is not a name list) has run before.
 */
export async function storeCertifiedNameList(
  store: EventStore,
  args: {
    roundId: string;
    schoolCode: string;
    laoCode: string;
    file: Buffer;
    rows: readonly SheetRow[];
    today: string;
  },
  metadata: EventMetadata,
): Promise<StoredNameList> {
  const header = findHeaderRow(args.rows);
  const parsed = header
    ? parseNameListRows(args.rows, header, args.today)
    : { rows: 0, pupils: [], invalidRows: [] };
  const { unique } = findDuplicates(parsed.pupils);
  const fileDigest = sha256(args.file);
  const { events } = await store.transaction((tx) =>
    store.decide(
      tx,
      certifiedNameListStreamId(args.schoolCode),
      certifiedNameListDecider,
      {
        type: 'StoreCertifiedNameList',
        roundId: args.roundId,
        schoolCode: args.schoolCode,
        laoCode: args.laoCode,
        fileDigest,
        fileBytes: args.file.length,
        rows: parsed.rows,
        invalidRows: new Set(parsed.invalidRows.map((r) => r.row)).size,
        pupils: unique.map((p) => ({
          citizenId: p.citizenId,
          grade: p.grade as OtherSchoolGrade,
          sex: p.sex,
        })),
      },
      metadata,
    ),
  );
  return { roundId: args.roundId, fileDigest, appended: events.length > 0, listed: unique.length };
}
