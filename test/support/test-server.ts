import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app';
import type { RateLimit } from '../../src/http/rate-limit';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { ensureAdminAccount } from '../../src/modules/accounts/bootstrap-admin';
import { currentWalLsn } from '../../src/db/read-replicas';
import { createLogger } from '../../src/shared/logger';
import { openTestSystem, type TestSystem } from './test-system';

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

/** A GraphQL client of a server at `url` (a test server, or a server process a test started). */
export function gqlAt(url: string): TestServer['gql'] {
  return async (query, variables, opts = {}) => {
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
  };
}

/** The whole app over HTTP on a fresh database, as a client sees it. */
export async function startTestServer(
  opts: { clientDistDir?: string; openDataRateLimit?: RateLimit; metricsToken?: string } = {},
): Promise<TestServer> {
  const sys = await openTestSystem();
  await ensureAdminAccount(sys.store, 'admin', ADMIN_PASSWORD);
  const { app, apollo } = await createApp({
    dataSource: sys.dataSource,
    store: sys.store,
    logger: createLogger(process.env.LEC_TEST_LOG_LEVEL ?? 'silent'),
    production: false,
    authenticate: createAuthenticator(sys.dataSource),
    clientDistDir: opts.clientDistDir,
    openDataRateLimit: opts.openDataRateLimit,
    replicas: sys.replicas,
    metricsToken: opts.metricsToken,
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
      // Tests read right after writes made by other accounts (or straight through the store),
      // which production does not promise on a replica: wait for it to replay what is committed.
      if (sys.replicas) await sys.replicas.waitForReplay(await currentWalLsn(sys.dataSource));
      return gqlAt(url)(query, variables, opts);
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
