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
  };
}
