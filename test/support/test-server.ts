import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { ensureAdminAccount } from '../../src/modules/accounts/bootstrap-admin';
import { testLogger } from './test-logger';
import { openTestSystem, type TestSystem } from './test-system';

export { testLogger };

export const ADMIN_PASSWORD = 'Initial-pass-001';

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown };
  }[];
}

export interface TestServer {
  url: string;
  sys: TestSystem;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** The whole app over HTTP on a fresh database, as a client sees it. */
export async function startTestServer(
  opts: { clientDistDir?: string; production?: boolean } = {},
): Promise<TestServer> {
  const sys = await openTestSystem();
  await ensureAdminAccount(sys.store, 'admin', ADMIN_PASSWORD);
  const { app, apollo } = await createApp({
    dataSource: sys.dataSource,
    store: sys.store,
    logger: testLogger(),
    production: opts.production ?? false,
    authenticate: createAuthenticator(sys.dataSource),
    clientDistDir: opts.clientDistDir,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Longer than a slow test step, so fetch never reuses a connection the server is closing.
  server.keepAliveTimeout = 60_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sys,
    async gql(query, variables, opts = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResponse<never>;
    },
    async close() {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await sys.close();
    },
  };
}

export function codeOf(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
