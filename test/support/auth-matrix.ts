// Over 300 lines on purpose: the authorization matrix is one table (every operation × every place in
// the hierarchy) read as a whole; the clerk's operations are in auth-matrix.clerk.ts.
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../src/shared/errors';
import { systemMetadata } from '../../src/event-store/event';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { requestPupilTransfer } from '../../src/modules/pupils/request-pupil-transfer';
import { academicYearOf, todayInBangkok } from '../../src/shared/thai-calendar';
import type { OrgUnitKind } from '../../src/modules/chain/org-unit-kind';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { spotCheckDecider } from '../../src/modules/spot-checks/spot-check.decider';
import { spotCheckStreamId } from '../../src/modules/spot-checks/spot-check.events';
import { NEW_PASSWORD } from './factories';
import { pupilInput, seedPupil } from './pupils';
import type { TestServer } from './test-server';
import { clerkMatrix } from './auth-matrix.clerk';

/**
 * The authorization matrix: for every Query and Mutation of the schema, how to call it and what
 * each role may do with it, inside and outside its part of the hierarchy (DOMAIN.md, "Who uses
 * it"). test/e2e/authorization-matrix.e2e.spec.ts runs every cell and fails for an operation of
 * the schema that has no entry here: a new operation needs a few lines below.
 */

/** Who calls: no session, an account whose first login is not done, and the five kinds of unit. */
export const roles = ['anonymous', 'fresh', 'department', 'province', 'lao', 'school', 'cdc'] as const;
export type Role = (typeof roles)[number];

/** Where the target of a call sits: in the caller's part of the hierarchy, or just outside it. */
export const scopes = ['own', 'outside'] as const;
export type Scope = (typeof scopes)[number];

/**
 * What must happen:
 * - `allowed`: no UNAUTHENTICATED, FORBIDDEN or FIRST_LOGIN_REQUIRED (nor an internal error);
 *   a domain refusal such as BAD_USER_INPUT still counts as allowed;
 * - `null`: allowed, and the operation answers null (no error);
 * - an error code: the call fails with exactly that code.
 */
export type Outcome = 'allowed' | 'null' | ErrorCode;
/** One outcome for both scopes, or one per scope. */
export type Cell = Outcome | { own: Outcome; outside: Outcome };

export interface UnitRef {
  code: string;
  kind: OrgUnitKind;
}

export interface LaoTree {
  provinceCode: string;
  lao: UnitRef;
  school: UnitRef;
  cdc: UnitRef;
  otherSchool: UnitRef;
}

/**
 * What a call is made about. The world is two LAO trees in province 54 (A, B) and one in 55 (C).
 * Own scope is the caller's tree; outside is tree B for an LAO or an institution (another LAO of
 * the same province) and tree C for a province (another province). The department has no
 * outside: its "outside" target is province 55, where it must be allowed as well.
 */
export interface Target {
  role: Role;
  scope: Scope;
  /** The caller's own unit (own scope) or the unit of the same kind outside its scope. */
  self: UnitRef;
  /** The LAO tree the target sits in. */
  tree: LaoTree;
  /** The institution whose data the call is about: the caller itself for a school or a CDC, else the tree's school. */
  institution: UnitRef;
  /** Registers a new unit no other case uses, for calls that change a unit (e.g. re-issue its account). */
  newUnit(kind: Exclude<OrgUnitKind, 'DEPARTMENT' | 'PROVINCE'>, parentCode: string): Promise<UnitRef>;
  /** A unit code no unit has yet. */
  uniqueCode(digits?: number): string;
  /** A password the caller has not used, for calls that set one. */
  newPassword(): string;
  /** An account that only `login` uses, with its password. */
  loginProbe: { username: string; password: string };
  server: TestServer;
}

export interface MatrixEntry {
  type: 'Query' | 'Mutation';
  /** One GraphQL operation whose root field is the operation of the entry. */
  document: string;
  variables?: (t: Target) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * false for public operations and those about the caller itself (`me`, `logout`, ...): one case
   * per role, with no target unit. Default true: one case per role and scope.
   */
  scoped?: boolean;
  /**
   * `shared` (default): the role's session, kept for the whole run (the test re-signs the role in
   * if a call ends or changes it). `own`: a session made just for this call (e.g. `logout`).
   */
  session?: 'shared' | 'own';
  expect: Record<Role, Cell>;
}

/** Allowed inside the caller's part of the hierarchy, refused outside it. */
export const inScope: Cell = { own: 'allowed', outside: 'FORBIDDEN' };

/** Needs a session whose first login is done: anonymous and fresh are refused, the rest as given. */
export function signedIn(cells: Record<Exclude<Role, 'anonymous' | 'fresh'>, Cell>): Record<Role, Cell> {
  return { anonymous: 'UNAUTHENTICATED', fresh: 'FIRST_LOGIN_REQUIRED', ...cells };
}

/** Everyone, signed in or not, whatever the first login. */
const everyone = (outcome: Outcome): Record<Role, Cell> =>
  Object.fromEntries(roles.map((r) => [r, outcome])) as Record<Role, Cell>;

/** Reads of an institution's data: everyone above it, and the institution itself. */
const readInScope = signedIn({
  department: 'allowed',
  province: inScope,
  lao: inScope,
  school: inScope,
  cdc: inScope,
});

/** Writes to an institution's register: the institution itself only (DOMAIN.md, Records). */
const institutionOnly = signedIn({
  department: 'FORBIDDEN',
  province: 'FORBIDDEN',
  lao: 'FORBIDDEN',
  school: inScope,
  cdc: inScope,
});

/** Reads of a funded school of another affiliation: its LAO and the levels above; institutions do not see it. */
const fundedSchoolsRead = signedIn({
  department: 'allowed',
  province: inScope,
  lao: inScope,
  school: 'FORBIDDEN',
  cdc: 'FORBIDDEN',
});

/** The department's own work (rounds, deadlines): nobody else. */
const departmentOnly = signedIn({
  department: 'allowed',
  province: 'FORBIDDEN',
  lao: 'FORBIDDEN',
  school: 'FORBIDDEN',
  cdc: 'FORBIDDEN',
});

const ROUND = {
  academicYear: 2568,
  roundNo: 1,
  institutionDeadline: '2025-06-20',
  laoDeadline: '2025-06-25',
  provinceDeadline: '2025-06-26',
};

/** A pupil enrolled at a new institution of the target's LAO, as the target types it to ask for the child. */
async function pupilHeldElsewhere(t: Target) {
  const store = t.server.sys.store;
  const holder = await t.newUnit(t.institution.kind === 'CDC' ? 'CDC' : 'SCHOOL', t.tree.lao.code);
  const p = await store.dataSource.manager.findOneByOrFail(PupilRow, { id: await seedPupil(store, holder) });
  const { citizenId, prefix, firstName, lastName, sex, birthDate, nationality, grade } = p;
  return { citizenId, prefix, firstName, lastName, sex, birthDate, nationality, grade };
}

/** An open transfer request for a new pupil of the target institution, from a new institution of its LAO. */
async function openTransferRequest(t: Target): Promise<string> {
  const store = t.server.sys.store;
  const pupil = await store.dataSource.manager.findOneByOrFail(PupilRow, {
    id: await seedPupil(store, t.institution),
  });
  const receiver = await t.newUnit(t.institution.kind === 'CDC' ? 'CDC' : 'SCHOOL', t.tree.lao.code);
  return (await requestPupilTransfer(store, receiver.code, pupil, null, systemMetadata('test'))).id;
}

/** A spot check of the target's province that drew one new pupil of the tree's school (no open round needed). */
async function spotCheckOf(t: Target): Promise<{ id: string; pupilId: string }> {
  const store = t.server.sys.store;
  const pupilId = await seedPupil(store, t.tree.school);
  const id = randomUUID();
  await store.transaction((tx) =>
    store.decide(
      tx,
      spotCheckStreamId(id),
      spotCheckDecider,
      {
        type: 'DrawSpotCheck',
        spotCheckId: id,
        provinceCode: t.tree.provinceCode,
        roundId: '2568-1',
        seed: '0'.repeat(32),
        requestedSize: 1,
        institutionCodes: [t.tree.school.code],
        population: [{ pupilId, institutionCode: t.tree.school.code }],
      },
      systemMetadata('test'),
    ),
  );
  return { id, pupilId };
}

/** Spot checks: the province over its own institutions, and the department; nobody below. */
const provinceWork = signedIn({
  department: 'allowed',
  province: inScope,
  lao: 'FORBIDDEN',
  school: 'FORBIDDEN',
  cdc: 'FORBIDDEN',
});

const PROFILE = { firstName: 'ทดสอบ', lastName: 'สิทธิ์', position: 'นักวิชาการศึกษา', phone: '0812345678' };

/**
 * A new operation is one entry, e.g. for an institution's pupils read within scope:
 *   pupils: {
 *     type: 'Query',
 *     document: `query($c: String!) { pupils(institutionCode: $c) { totalCount } }`,
 *     variables: (t) => ({ c: t.institution.code }),
 *     expect: signedIn({ department: 'allowed', province: inScope, lao: inScope, school: inScope, cdc: inScope }),
 *   },
 */
export const authorizationMatrix: Record<string, MatrixEntry> = {
  // Public (login too): a session, even one whose first login is pending, takes nothing away.
  version: { type: 'Query', scoped: false, document: `{ version }`, expect: everyone('allowed') },

  // Cross-check across affiliations (issue 15): the department (any province) and a province (itself).
  nameListCrossCheck: {
    type: 'Query',
    document: `query($c: String) { nameListCrossCheck(orgUnitCode: $c) { roundId duplicates { citizenId } } }`,
    variables: (t) => ({ c: t.tree.provinceCode }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  // The register's stream version, for commands queued offline: whoever reads the register.
  registerVersion: {
    type: 'Query',
    document: `query($c: String!) { registerVersion(institutionCode: $c) }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  // Open data (issue 15): anyone, with or without a session; null while no round is closed.
  publicCounts: {
    type: 'Query',
    scoped: false,
    document: `{ publicCounts { round { id } unit { code total { shown } } } }`,
    expect: everyone('allowed'),
  },

  me: {
    type: 'Query',
    scoped: false,
    document: `{ me { username mustCompleteFirstLogin } }`,
    expect: { ...everyone('allowed'), anonymous: 'null' },
  },

  orgUnit: {
    type: 'Query',
    document: `query($c: String!) { orgUnit(code: $c) { code children { code } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  responsiblePersons: {
    type: 'Query',
    document: `query($c: String!) { responsiblePersons(orgUnitCode: $c) { firstName } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  login: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
    variables: (t) => ({ u: t.loginProbe.username, p: t.loginProbe.password }),
    expect: everyone('allowed'),
  },

  logout: {
    type: 'Mutation',
    scoped: false,
    session: 'own',
    document: `mutation { logout }`,
    expect: { ...everyone('allowed'), anonymous: 'UNAUTHENTICATED' },
  },

  completeFirstLogin: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($p: ProfileInput!, $n: String!) { completeFirstLogin(profile: $p, newPassword: $n) { username } }`,
    variables: (t) => ({ p: PROFILE, n: t.newPassword() }),
    // Done once: a second time is refused as bad input (the change of person has its own operation).
    expect: { ...everyone('BAD_USER_INPUT'), anonymous: 'UNAUTHENTICATED', fresh: 'allowed' },
  },

  changeResponsiblePerson: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($p: ProfileInput!, $n: String!, $c: String) { changeResponsiblePerson(profile: $p, newPassword: $n, currentPassword: $c) { username } }`,
    variables: (t) => ({ p: PROFILE, n: t.newPassword(), c: NEW_PASSWORD }),
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  issueCredentials: {
    type: 'Mutation',
    document: `mutation($c: String!) { issueCredentials(orgUnitCode: $c) { username } }`,
    // A new school of the target's LAO, so that no account the run signs in with is re-issued.
    variables: async (t) => ({ c: (await t.newUnit('SCHOOL', t.tree.lao.code)).code }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  registerOrgUnit: {
    type: 'Mutation',
    document: `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code } }`,
    variables: (t) => ({
      i: { code: t.uniqueCode(), name: 'โรงเรียนบ้านทดสอบสิทธิ์', kind: 'SCHOOL', parentCode: t.tree.lao.code },
    }),
    expect: signedIn({
      department: 'allowed',
      province: 'FORBIDDEN',
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  pupils: {
    type: 'Query',
    document: `query($c: String!) { pupils(institutionCode: $c) { totalCount nodes { citizenId } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  pupil: {
    type: 'Query',
    document: `query($id: ID!) { pupil(id: $id) { id history { type } } }`,
    variables: async (t) => ({ id: await seedPupil(t.server.sys.store, t.institution) }),
    expect: readInScope,
  },

  removedPupils: {
    type: 'Query',
    document: `query($c: String!) { removedPupils(institutionCode: $c) { reason } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  enrolPupil: {
    type: 'Mutation',
    document: `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
    variables: (t) => ({
      c: t.institution.code,
      i: pupilInput(
        t.institution.kind === 'CDC'
          ? { grade: 'CDC', birthDate: `${new Date().getUTCFullYear() - 3}-01-10` }
          : {},
      ),
    }),
    expect: institutionOnly,
  },

  correctPupil: {
    type: 'Mutation',
    document: `mutation($id: ID!) { correctPupil(pupilId: $id, input: { firstName: "แก้ไข" }) { id } }`,
    variables: async (t) => ({ id: await seedPupil(t.server.sys.store, t.institution) }),
    expect: institutionOnly,
  },

  removePupilAsNonExistent: {
    type: 'Mutation',
    document: `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: NEVER_ATTENDED) { reason } }`,
    variables: async (t) => ({ id: await seedPupil(t.server.sys.store, t.institution) }),
    expect: institutionOnly,
  },

  recordOtherSchoolCounts: {
    type: 'Mutation',
    document: `mutation($s: String!, $c: [GradeCountInput!]!) { recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total } }`,
    variables: (t) => ({
      s: t.tree.otherSchool.code,
      c: otherSchoolGrades.map((grade) => ({ grade, male: 1, female: 1 })),
    }),
    // The funding LAO only (DOMAIN.md, Records): not the province or the department above it.
    expect: signedIn({
      department: 'FORBIDDEN',
      province: 'FORBIDDEN',
      lao: inScope,
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  otherSchoolCounts: {
    type: 'Query',
    document: `query($s: String!) { otherSchoolCounts(schoolCode: $s) { recorded total } }`,
    variables: (t) => ({ s: t.tree.otherSchool.code }),
    expect: fundedSchoolsRead,
  },

  currentRound: {
    type: 'Query',
    scoped: false,
    document: `{ currentRound { id } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  rounds: {
    type: 'Query',
    scoped: false,
    document: `{ rounds { id } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  openRound: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
    variables: () => ({ i: ROUND }),
    expect: departmentOnly,
  },

  changeRoundDeadlines: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($i: RoundDeadlinesInput!) { changeRoundDeadlines(roundId: "2568-1", input: $i) { id } }`,
    variables: () => ({
      i: { institutionDeadline: '2025-06-21', laoDeadline: '2025-06-25', provinceDeadline: '2025-06-26' },
    }),
    expect: departmentOnly,
  },

  grantDeadlineExtension: {
    type: 'Mutation',
    document: `mutation($c: String!) { grantDeadlineExtension(roundId: "2568-1", orgUnitCode: $c, until: "2025-07-01", reason: "ทดสอบ") { id } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: departmentOnly,
  },

  // A round no test opens: the department's call is answered as bad input, which is not a refusal of scope.
  closeRound: {
    type: 'Mutation',
    scoped: false,
    document: `mutation { closeRound(roundId: "2999-2") { id } }`,
    expect: departmentOnly,
  },

  recordCdcBasicData: {
    type: 'Mutation',
    document: `mutation($c: String!, $i: CdcBasicDataInput!) { recordCdcBasicData(cdcCode: $c, input: $i) { version } }`,
    variables: (t) => ({
      c: t.tree.cdc.code,
      i: {
        teachers: 1,
        caregivers: 2,
        classrooms: 1,
        capacity: 20,
        buildingType: 'OWN_BUILDING',
        lunchProvision: 'COOKS_ITSELF',
      },
    }),
    // The CDC itself only (guideline 5.3.2 (3)): not its LAO or the levels above, nor a school.
    expect: signedIn({
      department: 'FORBIDDEN',
      province: 'FORBIDDEN',
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: inScope,
    }),
  },

  cdcBasicData: {
    type: 'Query',
    document: `query($c: String!) { cdcBasicData(cdcCode: $c) { version history { version } } }`,
    variables: (t) => ({ c: t.tree.cdc.code }),
    // The CDC itself and the levels above it; a school does not see it.
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: 'FORBIDDEN',
      cdc: inScope,
    }),
  },

  otherSchools: {
    type: 'Query',
    document: `query($l: String!) { otherSchools(laoCode: $l) { school { code } recorded total } }`,
    variables: (t) => ({ l: t.tree.lao.code }),
    expect: fundedSchoolsRead,
  },

  recordPupilLeft: {
    type: 'Mutation',
    document: `mutation($id: ID!, $d: String!) { recordPupilLeft(pupilId: $id, reason: WITHDREW, date: $d) { status } }`,
    variables: async (t) => ({
      id: await seedPupil(t.server.sys.store, t.institution),
      d: todayInBangkok(new Date()),
    }),
    expect: institutionOnly,
  },

  recordPupilTransferredIn: {
    type: 'Mutation',
    document: `mutation($c: String!, $i: PupilInput!, $d: String!) { recordPupilTransferredIn(institutionCode: $c, input: $i, date: $d) { id } }`,
    variables: (t) => ({
      c: t.institution.code,
      i: pupilInput(
        t.institution.kind === 'CDC'
          ? { grade: 'CDC', birthDate: `${new Date().getUTCFullYear() - 3}-01-10` }
          : {},
      ),
      d: todayInBangkok(new Date()),
    }),
    expect: institutionOnly,
  },

  promotePupils: {
    type: 'Mutation',
    // A dry run, so the shared trees' registers stay as the other cells expect (a CDC is told it has no promotion).
    document: `mutation($c: String!, $y: Int!) { promotePupils(institutionCode: $c, academicYear: $y, dryRun: true) { promoted } }`,
    variables: (t) => ({ c: t.institution.code, y: academicYearOf(todayInBangkok(new Date())) }),
    expect: institutionOnly,
  },

  holdBackPupil: {
    type: 'Mutation',
    // A pupil never promoted: the institution is told there is nothing to undo (BAD_USER_INPUT).
    document: `mutation($id: ID!) { holdBackPupil(pupilId: $id) { grade } }`,
    variables: async (t) => ({ id: await seedPupil(t.server.sys.store, t.institution) }),
    expect: institutionOnly,
  },

  requestPupilTransfer: {
    type: 'Mutation',
    document: `mutation($c: String!, $i: PupilInput!) { requestPupilTransfer(institutionCode: $c, input: $i) { id status } }`,
    variables: async (t) => ({ c: t.institution.code, i: await pupilHeldElsewhere(t) }),
    expect: institutionOnly,
  },

  answerTransferRequest: {
    type: 'Mutation',
    document: `mutation($id: ID!) { answerTransferRequest(requestId: $id, accept: false, note: "ยังเรียนอยู่ที่นี่") { status } }`,
    variables: async (t) => ({ id: await openTransferRequest(t) }),
    // The institution holding the pupil, or its LAO (which can always answer); nobody above the LAO.
    expect: signedIn({
      department: 'FORBIDDEN',
      province: 'FORBIDDEN',
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  transferRequests: {
    type: 'Query',
    document: `query($c: String!) { transferRequests(institutionCode: $c) { id status overdue } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  // Figures: a unit's own counts and everything below it (the caller's own unit, or one of its kind outside).
  enrolmentCounts: {
    type: 'Query',
    document: `query($c: String!) { enrolmentCounts(orgUnitCode: $c) { total rows { grade sex count } } }`,
    variables: (t) => ({ c: t.self.code }),
    expect: readInScope,
  },

  enrolmentCountsAsOf: {
    type: 'Query',
    document: `query($c: String!) { enrolmentCountsAsOf(orgUnitCode: $c, at: "2025-06-10") { total } }`,
    variables: (t) => ({ c: t.self.code }),
    expect: readInScope,
  },

  // Confirmation (DOMAIN.md, Confirmation): the unit itself confirms; the levels above revoke.
  confirm: {
    type: 'Mutation',
    document: `mutation($c: String!, $d: Dataset!) { confirm(orgUnitCode: $c, dataset: $d) { id } }`,
    variables: (t) => ({ c: t.self.code, d: t.self.kind === 'CDC' ? 'CHILDREN' : 'PUPILS' }),
    expect: signedIn({
      department: 'FORBIDDEN',
      province: inScope,
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  confirmReady: {
    type: 'Mutation',
    document: `mutation($c: String!) { confirmReady(orgUnitCode: $c) { done { id } failed { code } } }`,
    variables: (t) => ({ c: t.self.code }),
    expect: signedIn({
      department: 'FORBIDDEN',
      province: inScope,
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  revokeConfirmation: {
    type: 'Mutation',
    document: `mutation($c: String!) { revokeConfirmation(orgUnitCode: $c, dataset: PUPILS, reason: "ตรวจพบข้อมูลผิด") { id } }`,
    variables: (t) => ({ c: revocationTarget(t) }),
    // Institutions revoke nothing; nobody revokes their own confirmation.
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  revokeConfirmations: {
    type: 'Mutation',
    document: `mutation($c: String!) { revokeConfirmations(targets: [{ orgUnitCode: $c, dataset: PUPILS }], reason: "ตรวจพบข้อมูลผิด") { done { id } failed { code } } }`,
    variables: (t) => ({ c: revocationTarget(t) }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  confirmationStatus: {
    type: 'Query',
    document: `query($c: String!) { confirmationStatus(orgUnitCode: $c) { datasets { dataset confirmed ready } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  confirmationHistory: {
    type: 'Query',
    document: `query($c: String!) { confirmationHistory(orgUnitCode: $c) { id action } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  confirmationProgress: {
    type: 'Query',
    document: `query($c: String!) { confirmationProgress(orgUnitCode: $c) { levels { level datasets { units confirmed } } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  myTasks: {
    type: 'Query',
    scoped: false,
    document: `{ myTasks { kind message } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  drawSpotCheck: {
    type: 'Mutation',
    document: `mutation($p: String!) { drawSpotCheck(provinceCode: $p, sampleSize: 1) { id } }`,
    variables: (t) => ({ p: t.tree.provinceCode }),
    expect: provinceWork,
  },

  recordSpotCheckResult: {
    type: 'Mutation',
    document: `mutation($s: ID!, $p: ID!) { recordSpotCheckResult(spotCheckId: $s, pupilId: $p, result: FOUND) { id } }`,
    variables: async (t) => {
      const { id, pupilId } = await spotCheckOf(t);
      return { s: id, p: pupilId };
    },
    expect: provinceWork,
  },

  spotChecks: {
    type: 'Query',
    document: `query($p: String!) { spotChecks(provinceCode: $p) { id } }`,
    variables: (t) => ({ p: t.tree.provinceCode }),
    expect: provinceWork,
  },

  spotCheck: {
    type: 'Query',
    document: `query($id: ID!) { spotCheck(id: $id) { id pupils { citizenId } } }`,
    variables: async (t) => ({ id: (await spotCheckOf(t)).id }),
    expect: provinceWork,
  },

  spotCheckFlags: {
    type: 'Query',
    document: `query($c: String!) { spotCheckFlags(orgUnitCode: $c) { open } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope,
  },

  budgetRates: {
    type: 'Query',
    scoped: false,
    document: `{ budgetRates { effectiveFrom isDefault } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  setBudgetRates: {
    type: 'Mutation',
    scoped: false,
    document: `mutation($i: BudgetRatesInput!) { setBudgetRates(input: $i) { effectiveFrom } }`,
    variables: () => ({
      i: {
        effectiveFrom: '2024-05-16',
        lunchBands: [{ minPupils: 1, maxPupils: null, ratePerDay: 22 }],
        lunchDays: 200,
        milkPasteurisedPerBag: 6.89,
        milkUhtPerBox: 8.13,
        milkDays: 260,
      },
    }),
    expect: departmentOnly,
  },

  // The figures audit replays the whole log: the department's, nobody else's.
  figuresAudit: {
    type: 'Query',
    scoped: false,
    document: `{ figuresAudit(roundId: "2568-1") { ok discrepancies { orgUnitCode } } }`,
    expect: departmentOnly,
  },

  datasets: {
    type: 'Query',
    scoped: false,
    document: `{ datasets { dataset label firstLevel } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  // An LAO's budget preview: the LAO itself and the levels above it; its institutions do not see it.
  budgetPreview: {
    type: 'Query',
    document: `query($c: String!) { budgetPreview(orgUnitCode: $c) { live { total } confirmed { total } } }`,
    variables: (t) => ({ c: t.tree.lao.code }),
    expect: fundedSchoolsRead,
  },

  ...clerkMatrix,
};

/** The unit one level below the caller whose confirmation it would revoke (an institution: itself). */
function revocationTarget(t: Target): string {
  if (t.role === 'department' || t.role === 'province') return t.tree.lao.code;
  if (t.role === 'lao') return t.tree.school.code;
  return t.self.code;
}
