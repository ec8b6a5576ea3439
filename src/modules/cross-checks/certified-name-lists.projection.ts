import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { certifiedNameListEventTypes, type CertifiedNameListStored } from './certified-name-list.events';

/** Keeps the list in force per school and round, and its pupils, for the cross-check. */
export const certifiedNameListsProjection: Projection = {
  name: 'certified-name-lists',
  handles: certifiedNameListEventTypes,
  tables: ['certified_name_lists', 'certified_name_list_pupils'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<CertifiedNameListStored>[]) {
      const d = e.data;
      await tx.query(
        `INSERT INTO certified_name_lists (round_id, school_code, lao_code, digest, rows, listed, invalid_rows,
           stored_at, stored_by, global_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (round_id, school_code) DO UPDATE SET lao_code = EXCLUDED.lao_code, digest = EXCLUDED.digest,
           rows = EXCLUDED.rows, listed = EXCLUDED.listed, invalid_rows = EXCLUDED.invalid_rows,
           stored_at = EXCLUDED.stored_at, stored_by = EXCLUDED.stored_by, global_position = EXCLUDED.global_position`,
        [
          d.roundId,
          d.schoolCode,
          d.laoCode,
          d.fileDigest,
          d.rows,
          d.pupils.length,
          d.invalidRows,
          e.metadata.at,
          e.metadata.accountId,
          e.globalPosition,
        ],
      );
      await tx.query(`DELETE FROM certified_name_list_pupils WHERE round_id = $1 AND school_code = $2`, [
        d.roundId,
        d.schoolCode,
      ]);
      if (d.pupils.length)
        await tx.query(
          `INSERT INTO certified_name_list_pupils (round_id, school_code, citizen_id, grade, sex)
           SELECT $1, $2, p."citizenId", p.grade, p.sex
             FROM jsonb_to_recordset($3::text::jsonb) AS p("citizenId" varchar, grade varchar, sex varchar)
           ON CONFLICT DO NOTHING`,
          [d.roundId, d.schoolCode, JSON.stringify(d.pupils)],
        );
    }
  },
};
