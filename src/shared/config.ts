import path from 'node:path';

/** Everything LEC reads from the environment, read once, in one place. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  production: boolean;
  demo: boolean;
  adminUsername: string;
  adminPassword: string | undefined;
  logLevel: string;
  /** Requests per minute and client on the public open-data routes. */
  openDataRateLimit: number;
  /** Streaming replicas that read-only GraphQL queries may be served from (LEC_DATABASE_REPLICA_URLS). */
  replicaUrls: string[];
  /** A replica further behind than this is not read from (the primary answers instead). */
  replicaMaxLagSeconds: number;
  /** How long a read waits for a replica to replay the caller's own last write before using the primary. */
  replicaWaitMs: number;
  /** `transaction` when the database is reached through a transaction-mode pooler (pgbouncer). */
  pooler: 'transaction' | undefined;
  /** Bearer token that opens GET /metrics to non-loopback scrapers; unset: loopback only. */
  metricsToken: string | undefined;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LEC_DATA_DIR || './data'),
    port: Number(env.PORT || 4000),
    production: env.NODE_ENV === 'production',
    demo: env.LEC_DEMO !== '0',
    adminUsername: env.LEC_ADMIN_USERNAME || 'admin',
    adminPassword: env.LEC_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    openDataRateLimit: Number(env.LEC_OPEN_DATA_RATE_LIMIT || 120),
    replicaUrls: listOf(env.LEC_DATABASE_REPLICA_URLS),
    replicaMaxLagSeconds: Number(env.LEC_REPLICA_MAX_LAG_SECONDS || 30),
    replicaWaitMs: Number(env.LEC_REPLICA_WAIT_MS || 250),
    pooler: env.LEC_POOLER === 'transaction' ? 'transaction' : undefined,
    metricsToken: env.LEC_METRICS_TOKEN || undefined,
  };
}
