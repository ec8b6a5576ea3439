import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { systemMetadata } from '../../src/event-store/event';
import { buildLecSchema } from '../../src/composition/schema';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { createSession } from '../../src/modules/accounts/sessions';
import {
  authorizationMatrix,
  roles,
  scopes,
  type LaoTree,
  type MatrixEntry,
  type Outcome,
  type Role,
  type Scope,
  type Target,
  type UnitRef,
} from '../support/auth-matrix';
import { createLaoTree, createUnit, login, signInAdmin, signInAs, uniqueCode } from '../support/factories';
import { startTestServer, type GqlResponse, type TestServer } from '../support/test-server';

const CLIENT = { ip: null, userAgent: null, requestId: 'authorization-matrix' };
const FRESH_PASSWORD = 'Fresh-pass-2568';
const PROBE_PASSWORD = 'Probe-pass-2568';

/** A role as the run holds it: its unit, its session (null when anonymous) and its two targets. */
interface Actor {
  unit: UnitRef;
  accountId: string | null;
  token: string | null;
  places: Record<Scope, { self: UnitRef; tree: LaoTree }>;
}

interface World {
  actors: Record<Role, Actor>;
  loginProbe: { username: string; password: string };
}

interface Case {
  op: string;
  role: Role;
  scope: Scope | null;
  expected: Outcome;
  title: string;
}

function casesOf(op: string, entry: MatrixEntry): Case[] {
  return roles.flatMap((role) => {
    const cell = entry.expect[role];
    const scoped = entry.scoped ?? true;
    return (scoped ? scopes : [null]).map((scope) => {
      const expected = typeof cell === 'string' ? cell : cell[scope ?? 'own'];
      const where = scope ? `, ${scope} scope` : '';
      return { op, role, scope, expected, title: `${role}${where} → ${expected}` };
    });
  });
}

const ref = (u: { code: string; kind: UnitRef['kind'] }): UnitRef => ({ code: u.code, kind: u.kind });
const treeRef = (t: Awaited<ReturnType<typeof createLaoTree>>): LaoTree => ({
  provinceCode: t.provinceCode,
  lao: ref(t.lao),
  school: ref(t.school),
  cdc: ref(t.cdc),
  otherSchool: ref(t.otherSchool),
});

async function accountIdOf(server: TestServer, orgUnitCode: string): Promise<string> {
  const rows: { id: string }[] = await server.sys.dataSource.query(
    `SELECT id FROM accounts WHERE org_unit_code = $1`,
    [orgUnitCode],
  );
  return rows[0].id;
}

/** Issues (or re-issues) the fresh account: credentials given, first login not done. */
async function signInFresh(server: TestServer, orgUnitCode: string): Promise<string> {
  const issued = await issueCredentials(
    server.sys.store,
    { orgUnitCode, password: FRESH_PASSWORD },
    systemMetadata('test'),
    CLIENT,
  );
  return login(server, issued.username, FRESH_PASSWORD);
}

/** Two LAO trees in Phrae (54), one in Phrae's neighbour Nan (55), and a session for every role. */
async function buildWorld(server: TestServer): Promise<World> {
  const store = server.sys.store;
  const a = treeRef(await createLaoTree(store, '54'));
  const b = treeRef(await createLaoTree(store, '54'));
  const c = treeRef(await createLaoTree(store, '55'));
  const dla: UnitRef = { code: 'DLA', kind: 'DEPARTMENT' };
  const p54: UnitRef = { code: '54', kind: 'PROVINCE' };
  const p55: UnitRef = { code: '55', kind: 'PROVINCE' };
  const probe = await createUnit(store, 'SCHOOL', a.lao.code);
  await issueCredentials(
    store,
    { orgUnitCode: probe.code, password: PROBE_PASSWORD },
    systemMetadata('test'),
    CLIENT,
  );

  const actor = async (
    role: Role,
    unit: UnitRef,
    own: { self: UnitRef; tree: LaoTree },
    outside: { self: UnitRef; tree: LaoTree },
  ): Promise<Actor> => {
    const token =
      role === 'anonymous'
        ? null
        : role === 'fresh'
          ? await signInFresh(server, unit.code)
          : role === 'department'
            ? await signInAdmin(server)
            : await signInAs(server, unit.code);
    const accountId = token ? await accountIdOf(server, unit.code) : null;
    return { unit, token, accountId, places: { own, outside } };
  };
  const actors: Record<Role, Actor> = {
    anonymous: await actor('anonymous', a.school, { self: a.school, tree: a }, { self: c.school, tree: c }),
    // The fresh account is a province's: the most an account could do before its first login.
    fresh: await actor('fresh', p55, { self: p55, tree: c }, { self: p54, tree: a }),
    department: await actor('department', dla, { self: dla, tree: a }, { self: dla, tree: c }),
    province: await actor('province', p54, { self: p54, tree: a }, { self: p55, tree: c }),
    lao: await actor('lao', a.lao, { self: a.lao, tree: a }, { self: b.lao, tree: b }),
    school: await actor('school', a.school, { self: a.school, tree: a }, { self: b.school, tree: b }),
    cdc: await actor('cdc', a.cdc, { self: a.cdc, tree: a }, { self: b.cdc, tree: b }),
  };
  return { actors, loginProbe: { username: probe.code, password: PROBE_PASSWORD } };
}

let passwords = 0;
function targetOf(server: TestServer, world: World, role: Role, scope: Scope): Target {
  const { self, tree } = world.actors[role].places[scope];
  return {
    role,
    scope,
    self,
    tree,
    institution: role === 'cdc' ? tree.cdc : tree.school,
    newUnit: async (kind, parentCode) => ref(await createUnit(server.sys.store, kind, parentCode)),
    uniqueCode: (digits = 10) => uniqueCode(digits),
    // Letters and a fixed digit, so that it never holds a user name (which are digits).
    newPassword: () => `Matrix-${(++passwords).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d])}-pass7`,
    loginProbe: world.loginProbe,
    server,
  };
}

/** The session a case calls with: the role's own for the run, or one made just for this call. */
async function tokenFor(server: TestServer, actor: Actor, entry: MatrixEntry): Promise<string | undefined> {
  if (!actor.token || !actor.accountId) return undefined;
  if (entry.session !== 'own') return actor.token;
  return (await createSession(server.sys.dataSource.manager, actor.accountId, CLIENT)).token;
}

/**
 * After a mutation, puts the role back as the run expects it (signed in; first login done, or
 * not done for the fresh account) if the call changed that, so one cell cannot break the next.
 */
async function restore(server: TestServer, role: Role, actor: Actor): Promise<void> {
  if (!actor.token) return;
  const me = await server.gql<{ me: { mustCompleteFirstLogin: boolean } | null }>(
    `{ me { mustCompleteFirstLogin } }`,
    {},
    { token: actor.token },
  );
  if (me.data?.me && me.data.me.mustCompleteFirstLogin === (role === 'fresh')) return;
  actor.token =
    role === 'fresh' ? await signInFresh(server, actor.unit.code) : await signInAs(server, actor.unit.code);
}

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'FIRST_LOGIN_REQUIRED', 'INTERNAL_SERVER_ERROR']);

/** 'as expected', or what happened instead, with the response to show what broke. */
function verdict(expected: Outcome, op: string, res: GqlResponse): string {
  const errors = res.errors ?? [];
  const malformed = errors.find((e) => e.extensions?.reason);
  if (malformed) return `the matrix document was refused before any resolver ran: ${malformed.message}`;
  const codes = errors.map((e) => e.extensions?.code ?? 'NO_CODE');
  const answer = res.data?.[op];
  const ok =
    expected === 'allowed'
      ? !codes.some((c) => REFUSALS.has(c))
      : expected === 'null'
        ? codes.length === 0 && answer === null
        : codes[0] === expected;
  if (ok) return 'as expected';
  const got = codes.length ? codes.join(', ') : answer === null ? 'null' : 'allowed';
  return `expected ${expected}, got ${got}: ${JSON.stringify(res.errors ?? res.data)}`;
}

const entries = Object.entries(authorizationMatrix);

describe('authorization matrix (test/support/auth-matrix.ts)', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  afterAll(() => server?.close());

  it('has an entry for every operation of the schema, and none for an operation that is gone', async () => {
    const schema = await buildLecSchema();
    const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) => (type ? Object.keys(type.getFields()).map((name) => `${type.name}.${name}`) : []),
    );
    const inMatrix = entries.map(([name, entry]) => `${entry.type}.${name}`);
    const problems = [
      ...inSchema
        .filter((op) => !inMatrix.includes(op))
        .map((op) => `${op} has no entry in test/support/auth-matrix.ts: add how to call it and who may`),
      ...inMatrix
        .filter((op) => !inSchema.includes(op))
        .map((op) => `${op} has an entry in test/support/auth-matrix.ts but is not in the schema: remove it`),
    ];
    expect(problems).toEqual([]);
  });

  it('calls each operation with a document valid against the schema, whose root field is that operation', async () => {
    const schema = await buildLecSchema();
    const problems = entries.flatMap(([name, entry]) => {
      const doc = parse(entry.document);
      const errors = validate(schema, doc).map((e) => `${name}: ${e.message}`);
      const ops = doc.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      const roots = ops.flatMap((o) =>
        o.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '?')),
      );
      const type = ops.map((o) => o.operation);
      if (ops.length !== 1 || roots.join() !== name || type[0] !== entry.type.toLowerCase())
        errors.push(`${name}: the document must be one ${entry.type.toLowerCase()} calling only ${name}`);
      return errors;
    });
    expect(problems).toEqual([]);
  });

  describe.each(entries.map(([op, entry]) => ({ op, entry, label: `${entry.type}.${op}` })))(
    '$label',
    ({ op, entry }) => {
      it.each(casesOf(op, entry))('$title', async ({ role, scope, expected }) => {
        const actor = world.actors[role];
        const target = targetOf(server, world, role, scope ?? 'own');
        const variables = (await entry.variables?.(target)) ?? {};
        const token = await tokenFor(server, actor, entry);
        try {
          const res = await server.gql(entry.document, variables, { token });
          expect(verdict(expected, op, res)).toBe('as expected');
        } finally {
          if (entry.type === 'Mutation') await restore(server, role, actor);
        }
      });
    },
  );
});
