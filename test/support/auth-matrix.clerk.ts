import { NEW_PASSWORD } from './factories';
import type { Cell, MatrixEntry, Role } from './auth-matrix';

// Local copies of auth-matrix.ts's helpers: that file spreads this one, so importing values back would be a cycle.
const inScope: Cell = { own: 'allowed', outside: 'FORBIDDEN' };
/** Reads of an institution's data: everyone above it, and the institution itself. */
const readInScope = (): Record<Role, Cell> =>
  signedIn({ department: 'allowed', province: inScope, lao: inScope, school: inScope, cdc: inScope });
function signedIn(cells: Record<Exclude<Role, 'anonymous' | 'fresh'>, Cell>): Record<Role, Cell> {
  return { anonymous: 'UNAUTHENTICATED', fresh: 'FIRST_LOGIN_REQUIRED', ...cells };
}

/**
 * Matrix entries of issue 12 (the clerk's day): accounts, revocation requests, notices, province
 * targets, review lists, changes since the last confirmation. Spread into authorizationMatrix.
 */
export const clerkMatrix: Record<string, MatrixEntry> = {
  passwordRules: {
    type: 'Query',
    scoped: false,
    document: `{ passwordRules }`,
    expect: {
      anonymous: 'allowed',
      fresh: 'allowed',
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    },
  },

  changePassword: {
    type: 'Mutation',
    scoped: false,
    // Whatever the role's password is by now, a wrong one is a refusal of input, not of access.
    document: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
    variables: (t) => ({ c: NEW_PASSWORD, n: t.newPassword() }),
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  credentialSheetPreview: {
    type: 'Query',
    document: `query($c: String!) { credentialSheetPreview(orgUnitCode: $c) { reissueCount } }`,
    variables: (t) => ({ c: t.tree.lao.code }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  // Without an open round or a confirmation the calls are answered as bad input: only scope is checked here
  // (test/e2e/levels-talking.e2e.spec.ts walks the whole request).
  requestRevocation: {
    type: 'Mutation',
    document: `mutation($c: String!) { requestRevocation(orgUnitCode: $c, dataset: PUPILS, reason: "ขอแก้ไข") { id } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: inScope,
      school: inScope,
      cdc: inScope,
    }),
  },

  refuseRevocationRequest: {
    type: 'Mutation',
    scoped: false,
    document: `mutation { refuseRevocationRequest(requestId: "00000000-0000-4000-8000-000000000000", reason: "ไม่อนุญาต") { id } }`,
    expect: signedIn({
      department: 'NOT_FOUND',
      province: 'NOT_FOUND',
      lao: 'NOT_FOUND',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  revocationRequests: {
    type: 'Query',
    document: `query($c: String!) { revocationRequests(orgUnitCode: $c) { id status } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope(),
  },

  setProvinceTargets: {
    type: 'Mutation',
    document: `mutation($p: String!) { setProvinceTargets(provinceCode: $p, input: { institutionTarget: "2999-01-01", laoTarget: "2999-01-02" }) { roundId } }`,
    variables: (t) => ({ p: t.tree.provinceCode }),
    expect: signedIn({
      department: 'FORBIDDEN',
      province: inScope,
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  // Every unit of the province reads its targets (the LAO and school trees A and B are both in 54).
  provinceTargets: {
    type: 'Query',
    document: `query($p: String!) { provinceTargets(provinceCode: $p) { laoTarget } }`,
    variables: (t) => ({ p: t.tree.provinceCode }),
    expect: signedIn({
      department: 'allowed',
      province: inScope,
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  postNotice: {
    type: 'Mutation',
    scoped: false,
    document: `mutation { postNotice(input: { title: "ทดสอบสิทธิ์", body: "ประกาศทดสอบสิทธิ์" }) { id } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'FORBIDDEN',
      school: 'FORBIDDEN',
      cdc: 'FORBIDDEN',
    }),
  },

  notices: {
    type: 'Query',
    scoped: false,
    document: `{ notices { id read } }`,
    expect: signedIn({
      department: 'allowed',
      province: 'allowed',
      lao: 'allowed',
      school: 'allowed',
      cdc: 'allowed',
    }),
  },

  // A notice nobody sent: every signed-in unit is told it is not there (no one's notice is readable by id outside its audience).
  markNoticeRead: {
    type: 'Mutation',
    scoped: false,
    document: `mutation { markNoticeRead(noticeId: "no-such-notice") { id } }`,
    expect: signedIn({
      department: 'NOT_FOUND',
      province: 'NOT_FOUND',
      lao: 'NOT_FOUND',
      school: 'NOT_FOUND',
      cdc: 'NOT_FOUND',
    }),
  },

  changesSinceConfirmation: {
    type: 'Query',
    document: `query($c: String!) { changesSinceConfirmation(orgUnitCode: $c, dataset: PUPILS) { totalAfter added { citizenId } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope(),
  },

  reviewLists: {
    type: 'Query',
    document: `query($c: String!) { reviewLists(orgUnitCode: $c) { gCodeCount institutions { items { citizenId } } } }`,
    variables: (t) => ({ c: t.institution.code }),
    expect: readInScope(),
  },
};
