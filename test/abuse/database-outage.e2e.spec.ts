import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { ensureAdminAccount } from '../../src/modules/accounts/bootstrap-admin';
import { openSystem, type LecSystem } from '../../src/system';
import { testLogger } from '../support/test-server';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';

/**
 * PostgreSQL stopped and started again while requests flow (its own throwaway server): meanwhile
 * every answer is a Thai 503 UNAVAILABLE (GraphQL, login, the HTTP routes, /readyz), never a 500;
 * afterwards the same process serves again without a restart and nothing acknowledged is lost.
 */
let pg: ThrowawayPostgres | null;
let system: LecSystem;
let server: Server;
let base: string;
let stopApollo: () => Promise<void>;
const PASSWORD = 'Outage-pass-001';

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  if (!pg) return;
  system = await openSystem({ kind: 'postgres', url: pg.url });
  await ensureAdminAccount(system.store, 'admin', PASSWORD);
  const { app, apollo } = await createApp({
    dataSource: system.dataSource,
    store: system.store,
    logger: testLogger(),
    production: false,
    authenticate: createAuthenticator(system.dataSource),
  });
  stopApollo = () => apollo.stop();
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (!pg) return;
  await new Promise((r) => server.close(r));
  await stopApollo();
  pg.start(); // so that the pool closes cleanly
  await system.close().catch(() => undefined);
  pg.remove();
});

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions: { code: string } }[];
  };
  return { status: res.status, body };
}

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

async function waitFor(check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
}

it('answers 503 UNAVAILABLE in Thai while the database is down, and recovers by itself', async () => {
  if (!pg) return;
  const first = await gql(LOGIN, { u: 'admin', p: PASSWORD });
  const token = (first.body.data!.login as { token: string }).token;
  expect((await fetch(`${base}/readyz`)).status).toBe(200);

  // Requests flow throughout: each answer must be a success or a 503 UNAVAILABLE, nothing else.
  const seen = new Map<string, number>();
  let flowing = true;
  const flow = (async () => {
    while (flowing) {
      const r = await gql(`{ me { username } }`, {}, token).catch(() => ({ status: 0, body: {} as never }));
      const key = `${r.status} ${(r.body as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'ok'}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  })();

  await new Promise((r) => setTimeout(r, 300));
  pg.stop();
  await new Promise((r) => setTimeout(r, 500));

  const login = await gql(LOGIN, { u: 'admin', p: PASSWORD });
  expect({ status: login.status, code: login.body.errors?.[0]?.extensions.code }).toEqual({
    status: 503,
    code: 'UNAVAILABLE',
  });
  expect(login.body.errors![0].message).toMatch(/[\u0e00-\u0e7f]/);
  const me = await gql(`{ me { username } }`, {}, token);
  expect({ status: me.status, code: me.body.errors?.[0]?.extensions.code }).toEqual({
    status: 503,
    code: 'UNAVAILABLE',
  });
  const write = await gql(`mutation { logout }`, {}, token);
  expect({ status: write.status, code: write.body.errors?.[0]?.extensions.code }).toEqual({
    status: 503,
    code: 'UNAVAILABLE',
  });
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  const route = await fetch(`${base}/imports/00000000-0000-0000-0000-000000000000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect({ status: route.status, body: await route.json() }).toEqual({
    status: 503,
    body: { code: 'UNAVAILABLE', message: expect.any(String) },
  });

  pg.start();
  await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200);
  flowing = false;
  await flow;

  const again = await gql(LOGIN, { u: 'admin', p: PASSWORD });
  expect(again.status).toBe(200);
  expect(again.body.errors).toBeUndefined();
  expect((await gql(`{ me { username } }`, {}, token)).body.data).toEqual({ me: { username: 'admin' } });
  const codes = [...seen.keys()];
  expect(codes.every((k) => k === '200 ok' || k === '503 UNAVAILABLE')).toBe(true);
  expect(codes).toContain('503 UNAVAILABLE');
}, 120_000);
