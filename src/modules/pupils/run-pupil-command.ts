import type { DataSource, EntityManager } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { queryPrepared } from '../../db/query-prepared';
import { badInput } from '../../shared/errors';
import { dataConfirmedError, registerLockSql } from '../chain/register-lock';
import { registerDataset } from '../chain/dataset';
import { isInstitution, type OrgUnitKind } from '../chain/org-unit-kind';
import { decidePupil, type InstitutionState, type PupilCommand } from './pupil.decider';
import { PupilRow } from './pupil.entity';
import { entitySelectList, rowUnder } from '../../db/select-list';
import { refuseOutsideRegister } from './pupil-write';
import { pupilRowAfter } from './pupil-row-sets';
import { assertNotStale, remember, replayed, type OfflineContext } from './offline/offline-write';
import { institutionStreamId } from './pupil.events';
import { parsePupilId } from './rules/citizen-id';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';

async function activeHolder(
  tx: EntityManager,
  rawId: string | undefined,
  today: string,
  exceptPupilId: string,
) {
  const id = rawId ? parsePupilId(rawId, today) : null;
  if (!id) return null;
  const rows: { institution_code: string; name: string }[] = await tx.query(
    `SELECT p.institution_code, u.name FROM pupils p JOIN org_units u ON u.code = p.institution_code
      WHERE p.citizen_id = $1 AND p.status = 'ACTIVE' AND p.id <> $2`,
    [id.value, exceptPupilId],
  );
  return rows[0] ? { institutionCode: rows[0].institution_code, institutionName: rows[0].name } : null;
}

let columnsOf: { ds: DataSource; read: string; row: string; properties: string[] } | null = null;

/** The two statements' texts, built once per data source from the entity's metadata. */
function statements(tx: EntityManager) {
  if (columnsOf?.ds !== tx.connection) {
    columnsOf = {
      ds: tx.connection,
      // What a register write needs, in one statement (one snapshot, one round trip): the stream's
      // version, the unit, the DATA_CONFIRMED lock on its register, the pupil, and who else holds
      // the citizen ID ($4 given, or with $5 the pupil's own stored one).
      // (Outer aliases w, p, h: the lock's own query uses c, r, u and p inside its subquery.)
      read: `SELECT (SELECT version FROM streams WHERE stream_id = $1) AS "version",
            w.code AS "unitCode", w.kind AS "unitKind",
            lk.round_id AS "lockRoundId", lk.name AS "lockName", lk.parent_name AS "lockParentName",
            lk.parent_kind AS "lockParentKind",
            h.institution_code AS "holderCode", h.name AS "holderName", ${entitySelectList(tx.connection, PupilRow, 'p', 'p.')}
       FROM (SELECT 1) AS one
       LEFT JOIN org_units w ON w.code = $2
       LEFT JOIN LATERAL (${registerLockSql('w.code', `(CASE w.kind WHEN 'CDC' THEN $7 ELSE $6 END)`)}
                          LIMIT 1) lk ON true
       LEFT JOIN pupils p ON p.id = $3 AND p.institution_code = $2
       LEFT JOIN LATERAL (SELECT q.institution_code, qu.name FROM pupils q
                            JOIN org_units qu ON qu.code = q.institution_code
                           WHERE q.citizen_id = COALESCE($4::text, CASE WHEN $5::boolean THEN p.citizen_id END)
                             AND q.status = 'ACTIVE' AND q.id <> $3
                           LIMIT 1) h ON true`,
      row: `SELECT ${entitySelectList(tx.connection, PupilRow, 'p')} FROM pupils p WHERE p.id = $1`,
      properties: tx.connection.getMetadata(PupilRow).columns.map((c) => c.propertyName),
    };
  }
  return columnsOf;
}

interface WriteRead extends Record<string, unknown> {
  version: string | number | null;
  unitCode: string | null;
  unitKind: OrgUnitKind | null;
  lockRoundId: string | null;
  lockName: string;
  lockParentName: string | null;
  lockParentKind: OrgUnitKind;
  holderCode: string | null;
  holderName: string;
}

/**
 * Runs a command on an institution's register. The state is read from the read models inside
 * the transaction, and the events are appended at the stream version read first: any write to
 * the same institution in between makes the append conflict, and the decision is taken again.
 */
export async function runPupilCommand(
  store: EventStore,
  institutionCode: string,
  command: PupilCommand,
  metadata: EventMetadata,
  offline?: OfflineContext,
): Promise<PupilRow> {
  const recorded = await store.transaction(async (tx): Promise<PupilRow | null> => {
    const streamId = institutionStreamId(institutionCode);
    // A queued offline command sent again: its first result, nothing appended.
    const again = offline ? await replayed(tx, offline) : null;
    if (again) return again;
    const today = todayInBangkok(new Date());
    // The citizen ID whose holder elsewhere the decision needs: the one given, else the pupil's own.
    const givenId =
      command.type === 'EnrolPupil'
        ? command.input.citizenId
        : command.type === 'CorrectPupil'
          ? command.patch.citizenId
          : undefined;
    const ownId = command.type === 'CorrectPupil' && command.patch.citizenId == null;
    const sql = statements(tx);
    const [row] = await queryPrepared<WriteRead>(tx, 'lec_pupil_write_read_v1', sql.read, [
      streamId,
      institutionCode,
      command.pupilId,
      givenId ? (parsePupilId(givenId, today)?.value ?? null) : null,
      ownId,
      registerDataset('SCHOOL'),
      registerDataset('CDC'),
    ]);
    const version = row.version == null ? 0 : Number(row.version);
    if (!row.unitCode || !row.unitKind || !isInstitution(row.unitKind))
      throw badInput({ institutionCode: `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${institutionCode}` });
    const unit = { code: row.unitCode, kind: row.unitKind };
    if (row.lockRoundId)
      throw dataConfirmedError(
        {
          round_id: row.lockRoundId,
          name: row.lockName,
          parent_name: row.lockParentName,
          parent_kind: row.lockParentKind,
        },
        registerDataset(unit.kind),
      );
    const pupil = rowUnder<PupilRow>(row, 'p.');
    if (!pupil && command.type !== 'EnrolPupil')
      await refuseOutsideRegister(tx, institutionCode, command.pupilId);
    if (offline && pupil) await assertNotStale(tx, streamId, pupil.id, offline);
    let activeElsewhere = row.holderCode
      ? { institutionCode: row.holderCode, institutionName: row.holderName }
      : null;
    // The stored ID stands for itself only when it still reads as an ID today (else as before).
    if (ownId && pupil && parsePupilId(pupil.citizenId, today)?.value !== pupil.citizenId)
      activeElsewhere = await activeHolder(tx, pupil.citizenId, today, command.pupilId);
    const state: InstitutionState = {
      institution: unit,
      academicYear: academicYearOf(today),
      today,
      pupil: pupil && { ...pupil, pupilId: pupil.id },
      activeElsewhere,
    };
    const events = await store.append(
      tx,
      streamId,
      'Institution',
      version,
      decidePupil(command, state),
      metadata,
    );
    // The answer is the row as the projection has just made it (pupil-row-sets.ts), not read back.
    const after = pupilRowAfter(sql.properties, pupil, events);
    // An offline key is stored with its result, so that write reads the pupil in the transaction.
    if (!offline?.idempotencyKey) return after;
    const result = after ?? (await pupilRow(tx, command.pupilId));
    await remember(tx, streamId, offline, events, result);
    return result;
  });
  return recorded ?? pupilRow(store.dataSource.manager, command.pupilId);
}

/** The pupil as the read model holds it (as TypeORM maps it), one prepared statement. */
async function pupilRow(m: EntityManager, pupilId: string): Promise<PupilRow> {
  const [row] = await queryPrepared<PupilRow>(m, 'lec_pupil_row_v1', statements(m).row, [pupilId]);
  if (!row) throw new Error(`pupil ${pupilId} not projected`);
  return row;
}
