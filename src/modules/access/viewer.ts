import type { OrgUnitKind } from '../chain/org-unit-kind';

/** The signed-in account as the request sees it: who acts, for which unit, under which profile. */
export interface Viewer {
  accountId: string;
  username: string;
  sessionId: string;
  orgUnit: { code: string; kind: OrgUnitKind; provinceCode: string | null; laoCode: string | null };
  /** The profile in force: the responsible person; null until the first login is completed. */
  profileId: string | null;
  mustCompleteFirstLogin: boolean;
  /** The primary's WAL position after this account's last write, for read-your-writes on replicas. */
  lastWriteLsn?: string | null;
}
