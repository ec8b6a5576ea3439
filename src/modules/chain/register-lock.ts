import type { EntityManager } from 'typeorm';
import { LecError } from '../../shared/errors';
import { unitTitle, type OrgUnitKind } from './org-unit-kind';
import { datasetLabels, registerDataset, type Dataset } from './dataset';

/**
 * DOMAIN.md, Confirmation 2: confirmed data are locked until the level above revokes. Called by
 * every write to a register after it has read its stream version: a confirmation appended to
 * the same stream in between makes that write's append conflict, and the retry lands here.
 */
export async function assertNotConfirmed(
  tx: EntityManager,
  unitCode: string,
  dataset: Dataset,
): Promise<void> {
  const [row]: RegisterLockRow[] = await tx.query(registerLockSql('$1', '$2'), [unitCode, dataset]);
  if (row) throw dataConfirmedError(row, dataset);
}

/** The confirmation in force that locks a unit's dataset in the open round, if any. */
export interface RegisterLockRow {
  round_id: string;
  name: string;
  parent_name: string | null;
  parent_kind: OrgUnitKind;
}

/**
 * The lock's query on SQL expressions for the unit's code and the dataset, so a write that reads
 * more in the same statement (run-pupil-command.ts) checks the same rule.
 */
export function registerLockSql(unitCode: string, dataset: string): string {
  return `SELECT c.round_id, u.name, p.name AS parent_name, p.kind AS parent_kind
       FROM confirmations c
       JOIN rounds r ON r.id = c.round_id AND r.status = 'OPEN'
       JOIN org_units u ON u.code = c.org_unit_code
       LEFT JOIN org_units p ON p.code = u.parent_code
      WHERE c.org_unit_code = ${unitCode} AND c.dataset = ${dataset} AND c.confirmed`;
}

export function dataConfirmedError(row: RegisterLockRow, dataset: Dataset): LecError {
  // The level above the holder revokes: an institution's LAO, an LAO's province.
  const who = row.parent_name ? unitTitle(row.parent_kind, row.parent_name) : 'หน่วยงานต้นสังกัด';
  return new LecError(
    'DATA_CONFIRMED',
    `${datasetLabels[dataset]}ของ ${row.name} ยืนยันแล้วในรอบ ${row.round_id} จึงแก้ไขไม่ได้ ` +
      `หากต้องแก้ไข ต้องให้ ${who} ยกเลิกการยืนยันข้อมูลก่อน`,
    { roundId: row.round_id },
  );
}

/** The pupil or child register of an institution (PUPILS for a school, CHILDREN for a centre). */
export function assertRegisterOpen(
  tx: EntityManager,
  institution: { code: string; kind: OrgUnitKind },
): Promise<void> {
  return assertNotConfirmed(tx, institution.code, registerDataset(institution.kind));
}

/** The open round's id, for aggregates that keep their own confirmation state (CDC basic data). */
export async function openRoundId(tx: EntityManager): Promise<string | null> {
  const [r] = await tx.query(`SELECT id FROM rounds WHERE status = 'OPEN'`);
  return (r?.id as string | undefined) ?? null;
}
