import 'reflect-metadata';
import { createApp } from './app';
import { createAuthenticator } from './modules/accounts/authenticate';
import { ensureAdminAccount } from './modules/accounts/bootstrap-admin';
import { loadConfig } from './config';
import { targetFromConfig } from './db/data-source';
import { isEmpty, seedDemo } from './modules/demo/seed-demo';
import { createLogger } from './shared/logger';
import { openSystem } from './system';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const target = targetFromConfig(config);
  logger.info(
    { database: target.kind === 'postgres' ? 'postgresql' : `embedded (${config.dataDir})` },
    'opening database',
  );
  const system = await openSystem(target);
  const admin = await ensureAdminAccount(system.store, config.adminUsername, config.adminPassword);
  if (admin.created && !config.adminPassword) {
    // Printed once, on the first start only: the department signs in with it and must change it.
    logger.warn(
      { username: config.adminUsername },
      `department account created: user name "${config.adminUsername}", initial password "${admin.password}" (shown only now)`,
    );
  }
  if (config.demo && target.kind === 'pglite' && (await isEmpty(system.store))) {
    const accounts = await seedDemo(system.store);
    // Printed once, when the demo is seeded; the passwords are stored only as hashes.
    const lines = accounts.map((a) => `  ${a.username.padEnd(12)} ${a.initialPassword}  ${a.unitName}`);
    process.stdout.write(
      `\nข้อมูลตัวอย่าง (demo) พร้อมใช้งาน — demo accounts (user name, initial password):\n${lines.join('\n')}\n\n`,
    );
  }
  const { app, apollo } = await createApp({
    dataSource: system.dataSource,
    store: system.store,
    logger,
    production: config.production,
    openDataRateLimit: { limit: config.openDataRateLimit, windowSeconds: 60 },
    authenticate: createAuthenticator(system.dataSource),
    replicas: system.replicas,
    metricsToken: config.metricsToken,
  });
  const server = app.listen(config.port, () =>
    logger.info({ port: config.port }, `LEC is listening on http://localhost:${config.port}/graphql`),
  );

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    await apollo.stop();
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  process.stderr.write(`LEC failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
