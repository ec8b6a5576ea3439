import type { EntityManager } from 'typeorm';
import type { ProfileRow } from './account.entity';

/** The people who have been responsible for a unit's account, the first first. */
export function responsiblePersonsOf(m: EntityManager, orgUnitCode: string): Promise<ProfileRow[]> {
  return m.query(
    `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.position, p.phone, p.started_at AS "startedAt", p.ended_at AS "endedAt"
       FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE a.org_unit_code = $1 ORDER BY p.started_at`,
    [orgUnitCode],
  );
}
