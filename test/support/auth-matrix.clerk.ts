import { NEW_PASSWORD } from './factories';
import type { Cell, MatrixEntry, Role } from './auth-matrix';

// Local copies of auth-matrix.ts's helpers: that file spreads this one, so importing values back would be a cycle.
const inScope: Cell = { own: 'allowed', outside: 'FORBIDDEN' };
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
};
