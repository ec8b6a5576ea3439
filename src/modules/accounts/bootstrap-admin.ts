import type { EventStore } from '../../event-store/event-store.service';
import { systemMetadata } from '../../event-store/event';
import { DEPARTMENT_CODE } from '../chain/org-unit-kind';
import { AccountRow } from './account.entity';
import { issueCredentials } from './issue-credentials';

/**
 * On first start the department's account exists, as LEC_ADMIN_USERNAME with LEC_ADMIN_PASSWORD
 * (or a random password the caller prints once). It goes through the first login like any other.
 */
export async function ensureAdminAccount(
  store: EventStore,
  username: string,
  password: string | undefined,
): Promise<{ created: boolean; password?: string }> {
  const existing = await store.dataSource.manager.findOneBy(AccountRow, { orgUnitCode: DEPARTMENT_CODE });
  if (existing) return { created: false };
  const issued = await issueCredentials(
    store,
    { orgUnitCode: DEPARTMENT_CODE, username, password },
    systemMetadata('bootstrap'),
    { ip: null, userAgent: null, requestId: 'bootstrap' },
  );
  return { created: true, password: issued.initialPassword };
}
