import { randomUUID } from 'node:crypto';
import { systemMetadata, type EventMetadata } from '../../src/event-store/event';
import type { EventStore } from '../../src/event-store/event-store.service';
import type { Viewer } from '../../src/modules/access/viewer';
import type { OrgUnitKind } from '../../src/modules/chain/org-unit-kind';
import { openRound } from '../../src/modules/rounds/open-round';
import { codeOf, type GqlResponse, type TestServer } from './test-server';

/** ISO date `days` from today (Bangkok), for round deadlines around now. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export const CONFIRM = `mutation($c: String!, $d: Dataset!) { confirm(orgUnitCode: $c, dataset: $d) {
  id roundId action dataset total late reason counts { grade sex count } orgUnit { code } by { username profile { firstName } } } }`;
export const REVOKE = `mutation($c: String!, $d: Dataset!, $r: String!) { revokeConfirmation(orgUnitCode: $c, dataset: $d, reason: $r) {
  id action dataset reason total byOrgUnit { code } } }`;
export const STATUS = `query($c: String!) { confirmationStatus(orgUnitCode: $c) {
  round { id } orgUnit { code }
  datasets { dataset confirmed ready late deadline total missing { code } revokedAt revocationReason revokedBy { username } revokedByOrgUnit { code } confirmedBy { username } }
  children { orgUnit { code } datasets { dataset confirmed ready missing { code } } } } }`;
export const HISTORY = `query($c: String!) { confirmationHistory(orgUnitCode: $c) {
  action dataset reason total at by { username profile { firstName lastName position } } byOrgUnit { code } orgUnit { code name } } }`;

/**
 * Opens round 1 of academic year 2568 with fixed past dates (snapshot 10 June 2025, deadlines 20, 25
 * and 26 June 2025): what printed documents and the budget preview show is then known in advance.
 */
export async function openRound2568(server: TestServer, admin: string): Promise<string> {
  const res = await server.gql<{ openRound: { id: string } }>(
    `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
    {
      i: {
        academicYear: 2568,
        roundNo: 1,
        institutionDeadline: '2025-06-20',
        laoDeadline: '2025-06-25',
        provinceDeadline: '2025-06-26',
      },
    },
    { token: admin },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.openRound.id;
}

/** Opens a round whose institution deadline has passed and whose LAO and province deadlines have not. */
export async function openCurrentRound(server: TestServer, admin: string, roundNo = 1): Promise<string> {
  const res = await server.gql<{ openRound: { id: string } }>(
    `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
    {
      i: {
        academicYear: 2569,
        roundNo,
        snapshotDate: dayFromToday(-10),
        institutionDeadline: dayFromToday(-1),
        laoDeadline: dayFromToday(10),
        provinceDeadline: dayFromToday(11),
      },
    },
    { token: admin },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.openRound.id;
}

export function expectCode(res: GqlResponse, code: string): void {
  if (codeOf(res) !== code)
    throw new Error(`expected ${code}, got ${JSON.stringify(res.errors ?? res.data)}`);
}

/** A viewer acting for a unit, for driving the confirmation handlers directly in tests. */
export function viewerFor(unit: {
  code: string;
  kind: OrgUnitKind;
  provinceCode?: string | null;
  laoCode?: string | null;
}): Viewer {
  return {
    accountId: `acct-${unit.code}`,
    username: unit.code,
    sessionId: randomUUID(),
    orgUnit: {
      code: unit.code,
      kind: unit.kind,
      provinceCode: unit.provinceCode ?? null,
      laoCode: unit.laoCode ?? null,
    },
    profileId: null,
    mustCompleteFirstLogin: false,
  };
}

export function metadataFor(viewer: Viewer): EventMetadata {
  return {
    accountId: viewer.accountId,
    profileId: viewer.profileId,
    orgUnitCode: viewer.orgUnit.code,
    requestId: randomUUID(),
    at: new Date().toISOString(),
  };
}

/** Opens a round through the rounds aggregate, as the department would. */
export async function openRoundDirect(store: EventStore, roundNo = 1): Promise<string> {
  await openRound(
    store,
    {
      academicYear: 2569,
      roundNo,
      snapshotDate: dayFromToday(-10),
      institutionDeadline: dayFromToday(5),
      laoDeadline: dayFromToday(10),
      provinceDeadline: dayFromToday(11),
    },
    systemMetadata('test'),
  );
  return `2569-${roundNo}`;
}
