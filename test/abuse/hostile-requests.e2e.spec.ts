import { gzipSync } from 'node:zlib';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

/**
 * Probes a hostile or careless client would send, over HTTP: every answer is JSON `{ code, message }`
 * (or a GraphQL error) in Thai with a stable code, never HTML, a stack trace or a 500, and the
 * server still answers afterwards.
 */
let server: TestServer;
let admin: string;
let schoolToken: string;
let schoolCode: string;

const THAI = /[\u0e00-\u0e7f]/;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAdmin(server);
  const tree = await createLaoTree(server.sys.store);
  schoolCode = tree.school.code;
  schoolToken = await signInAs(server, schoolCode);
});
afterAll(() => server.close());

async function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

function expectJsonRefusal(r: { status: number; type: string; text: string }, status: number) {
  expect({ status: r.status, json: r.type.startsWith('application/json') }).toEqual({ status, json: true });
  const body = JSON.parse(r.text) as { code: string; message: string };
  expect(body.code).toMatch(/^[A-Z_]+$/);
  expect(body.message).toMatch(THAI);
  expect(r.text).not.toMatch(/at .*\.(js|ts):\d+|<html|<!DOCTYPE|Error:/i);
}

async function stillServes() {
  expect((await server.gql('{ version }')).data).toEqual({ version: expect.any(String) });
}

describe('malformed HTTP requests get JSON in Thai, not an HTML page', () => {
  const json = { 'content-type': 'application/json' };
  it.each([
    ['truncated JSON', '{"query":"{ version', json, 400],
    ['null', 'null', json, 400],
    ['a JSON string', '"{ version }"', json, 400],
    [
      'an unknown charset',
      '{"query":"{ version }"}',
      { 'content-type': 'application/json; charset=klingon' },
      415,
    ],
    ['an unknown encoding', '{"query":"{ version }"}', { ...json, 'content-encoding': 'br2' }, 415],
    [
      'broken gzip',
      Buffer.from('1f8b0800000000000003ffff', 'hex'),
      { ...json, 'content-encoding': 'gzip' },
      400,
    ],
  ] as const)('%s', async (_what, body, headers, status) => {
    expectJsonRefusal(
      await post('/graphql', body as string | Buffer, headers as Record<string, string>),
      status,
    );
    await stillServes();
  });

  it('a body over 2 MB, plain or as a small gzip that inflates past it', async () => {
    const big = JSON.stringify({ query: '{ version }', variables: { x: 'ก'.repeat(1_100_000) } });
    expectJsonRefusal(await post('/graphql', big, json), 413);
    expectJsonRefusal(await post('/graphql', gzipSync(big), { ...json, 'content-encoding': 'gzip' }), 413);
    await stillServes();
  });

  it('an unknown path or method', async () => {
    const r = await fetch(`${server.url}/no/such/thing`, { method: 'DELETE' });
    expectJsonRefusal(
      { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() },
      404,
    );
    const put = await fetch(`${server.url}/graphql`, { method: 'PUT', headers: json, body: '{}' });
    expectJsonRefusal(
      { status: put.status, type: put.headers.get('content-type') ?? '', text: await put.text() },
      405,
    );
    const asset = await fetch(`${server.url}/assets/missing.js`);
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type')).toMatch(/json/);
  });

  it('the secret and IDs of a malformed body are not echoed back', async () => {
    const r = await post(
      '/graphql',
      '{"query":"mutation { login(username:\\"admin\\", password:\\"Initial-pass-001',
      json,
    );
    expect(r.text).not.toContain('Initial-pass-001');
  });
});

describe('security headers', () => {
  it('every response carries a CSP that fits the client, frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const path of ['/', '/graphql?query=%7Bversion%7D', '/healthz', '/no/such']) {
      const r = await fetch(`${server.url}${path}`, {
        headers: { accept: 'text/html', 'apollo-require-preflight': '1' },
      });
      const csp = r.headers.get('content-security-policy') ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe|unsafe-eval|https?:/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
      expect(r.headers.get('strict-transport-security')).toBeNull(); // plain http here
    }
  });

  it('HSTS when the request came over https (a TLS proxy on loopback says so)', async () => {
    const r = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it("GraphiQL gets its own policy (Monaco's blob: workers), still nothing off-host", async () => {
    const r = await fetch(`${server.url}/graphiql`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
  });
});

describe('strings: NUL and lone surrogates are BAD_USER_INPUT naming the field, never a 500', () => {
  const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id nationality firstName } }`;
  const bad = ['ไท\u0000ย', 'ไทย\ud800', '\udfffไทย'];

  it.each(bad.map((b) => [JSON.stringify(b), b]))(
    'enrolPupil nationality, religion, extra: %s',
    async (_n, b) => {
      for (const over of [{ nationality: b }, { religion: b }, { extra: { address: b } }]) {
        const res = await server.gql(ENROL, { c: schoolCode, i: pupilInput(over) }, { token: schoolToken });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(Object.keys(res.errors![0].extensions!.fields!)).toEqual([
          Object.keys(over)[0] === 'extra' ? 'address' : Object.keys(over)[0],
        ]);
        expect(res.errors![0].message).toMatch(THAI);
      }
    },
  );

  it('in arguments written into the query itself, and in every other place the probes found', async () => {
    const probes = [
      [`{ pupils(institutionCode: "${schoolCode}", search: "a\\u0000b") { totalCount } }`, 'search'],
      [
        `mutation($pupilId: ID!) { correctPupil(pupilId: $pupilId, input: {}) { id } }`,
        'pupilId',
        { pupilId: 'x\ud800' },
      ],
      [
        `mutation { registerOrgUnit(input: { code: "9990001", kind: LAO, name: "อบต\\u0000", parentCode: "54", district: "เมือง", laoType: SAO }) { code } }`,
        'name',
      ],
      [
        `mutation($input: OrgUnitInput!) { registerOrgUnit(input: $input) { code } }`,
        'parentCode',
        {
          input: {
            code: '9990001',
            kind: 'LAO',
            name: 'อบต',
            parentCode: '5\udc004',
            district: 'เมือง',
            laoType: 'SAO',
          },
        },
      ],
      [
        `mutation { registerOrgUnit(input: { code: "9990001", kind: LAO, name: "อบต", parentCode: "54", district: "\\u0000", laoType: SAO }) { code } }`,
        'district',
      ],
    ] as [string, string, Record<string, unknown>?][];
    for (const [query, field, variables] of probes) {
      const res = await server.gql(query, variables ?? {}, {
        token: field === 'name' || field === 'parentCode' || field === 'district' ? admin : schoolToken,
      });
      expect({ field, code: codeOf(res), fields: res.errors?.[0]?.extensions?.fields }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        fields: { [field]: expect.stringMatching(THAI) },
      });
    }
    // A lone surrogate escaped in the query text is refused by the GraphQL parser itself.
    const literal = await server.gql(
      `mutation { correctPupil(pupilId: "x\\ud800", input: {}) { id } }`,
      {},
      { token: schoolToken },
    );
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    await stillServes();
  });

  it('text is stored in NFC and trimmed', async () => {
    const res = await server.gql<{ enrolPupil: { nationality: string; firstName: string } }>(
      ENROL,
      { c: schoolCode, i: pupilInput({ firstName: '  ธนากร ', nationality: ' Franc\u0327aise ' }) },
      { token: schoolToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.enrolPupil.firstName).toBe('ธนากร');
    expect(res.data!.enrolPupil.nationality).toBe('Fran\u00e7aise');
  });

  it('login with a user name over 50 characters is refused as a wrong name, and recorded in the audit', async () => {
    const name = 'ผ'.repeat(80);
    const res = await server.gql(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      {
        u: name,
        p: 'whatever',
      },
    );
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const [row] = await server.sys.dataSource.query(
      `SELECT username FROM auth_audit WHERE action = 'LOGIN_FAILED' AND username LIKE 'ผผผ%' ORDER BY at DESC LIMIT 1`,
    );
    expect(row.username).toBe(name.slice(0, 50));
  });
});

describe('query limits', () => {
  /** `orgUnit(DLA) { children { code children { code … } } }`, `depth` levels of children. */
  const nested = (depth: number) => {
    let q = 'code';
    for (let i = 0; i < depth; i++) q = `code children { ${q} }`;
    return `{ orgUnit(code: "DLA") { ${q} } }`;
  };

  it('refuses a 25-deep query, 500 aliases and a six-level walk over the provinces, each before running it', async () => {
    let deep = 'code';
    for (let i = 0; i < 25; i++) deep = `parent { code children { code ${deep} } }`;
    const tooDeep = await server.gql(`{ orgUnit(code: "54") { ${deep} } }`, {}, { token: admin });
    expect(codeOf(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors![0].message).toMatch(THAI);

    const aliases = Array.from(
      { length: 500 },
      (_, i) => `a${i}: enrolmentCountsAsOf(orgUnitCode: "DLA", at: "2025-01-01") { at }`,
    );
    const many = await server.gql(`{ ${aliases.join(' ')} }`, {}, { token: admin });
    expect(codeOf(many)).toBe('BAD_USER_INPUT');

    const wide = await server.gql(nested(6), {}, { token: admin });
    expect(codeOf(wide)).toBe('BAD_USER_INPUT');
    expect(wide.errors![0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
    expect(wide.data ?? null).toBeNull();

    // Ten as-of replays: within the alias limit, over the cost budget.
    const replays = Array.from(
      { length: 11 },
      (_, i) => `a${i}: enrolmentCountsAsOf(orgUnitCode: "DLA", at: "2025-01-01") { at }`,
    );
    expect(codeOf(await server.gql(`{ ${replays.join(' ')} }`, {}, { token: admin }))).toBe('BAD_USER_INPUT');
  });

  it('prices an operation once when its variables cannot change its cost, and per request when a page size can', async () => {
    // The same costly text twice: refused both times (the second from the price kept for it).
    const wideWithVariable = `query Wide($code: String!) ${nested(6).replace('"DLA"', '$code')}`;
    for (let i = 0; i < 2; i++) {
      const res = await server.gql(wideWithVariable, { code: 'DLA' }, { token: admin });
      expect(res.errors![0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
    }
    // A page size is a variable the price follows: the same text is answered, then refused.
    const page = `query Page($first: Int!) { notices(first: $first) { id } }`;
    const small = await server.gql(page, { first: 10 }, { token: admin });
    expect(small.errors).toBeUndefined();
    const huge = await server.gql(page, { first: 100_000 }, { token: admin });
    expect(huge.errors![0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
  });

  it('still answers what a page asks: a unit and two levels below it', async () => {
    const res = await server.gql(nested(2), {}, { token: admin });
    expect(res.errors).toBeUndefined();
  });
});
