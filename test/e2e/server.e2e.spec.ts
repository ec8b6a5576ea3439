import { readAll } from '../../src/event-store/event-store';
import { signInAdmin } from '../support/factories';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

describe('HTTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=%7Bversion%7D`, { method: 'GET' });
    expect(res.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ version }"}',
    });
    expect(form.status).toBe(400);
  });

  it('turns malformed requests into BAD_USER_INPUT in Thai, and keeps serving', async () => {
    const parse = await server.gql(`{ orgUnit(code: }`);
    expect(codeOf(parse)).toBe('BAD_USER_INPUT');
    expect(parse.errors?.[0].message).toMatch(/คำขอไม่ถูกต้อง/);
    const unknown = await server.gql(`{ noSuchField }`);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    const badVar = await server.gql(`query($c: String!) { orgUnit(code: $c) { name } }`, { c: 12 });
    expect(codeOf(badVar)).toBe('BAD_USER_INPUT');
    const junk = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(junk.status).toBe(400);
    expect((await server.gql<{ version: string }>(`{ version }`)).data?.version).toBeTruthy();
  });

  it('refuses a bad input object with the fields named', async () => {
    const token = await signInAdmin(server);
    const res = await server.gql(
      `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code } }`,
      { i: { code: 'a b', name: 'x', kind: 'LAO', parentCode: '54' } },
      { token },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors?.[0].extensions?.fields ?? {})).toEqual(
      expect.arrayContaining(['code', 'name']),
    );
  });

  it('carries the caller’s request id and the acting account into the events it records', async () => {
    const token = await signInAdmin(server);
    const res = await server.gql(
      `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code } }`,
      {
        i: {
          code: '5498765',
          name: 'เทศบาลตำบลทดสอบ',
          kind: 'LAO',
          parentCode: '54',
          district: 'ร้องกวาง',
          laoType: 'SUBDISTRICT_MUNICIPALITY',
        },
      },
      { token, headers: { 'x-request-id': 'req-abc-123' } },
    );
    expect(res.errors).toBeUndefined();
    const events = await readAll(server.sys.dataSource.manager, 0, 100_000);
    const registered = events.find((e) => e.streamId === 'OrgUnit-5498765')!;
    expect(registered.metadata).toMatchObject({ requestId: 'req-abc-123', orgUnitCode: 'DLA' });
    expect(registered.metadata.accountId).toBeTruthy();
    expect(registered.metadata.profileId).toBeTruthy();
  });
});
