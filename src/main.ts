import 'reflect-metadata';
import http from 'node:http';
import { createApp } from './app';
import { createAuthenticator } from './modules/accounts/authenticate';
import { ensureAdminAccount } from './modules/accounts/bootstrap-admin';
import { loadConfig } from './shared/config';
import { targetFromConfig } from './db/data-source';
import { isEmpty, seedDemo } from './modules/demo/seed-demo';
import { createLogger, type Logger } from './shared/logger';
import { describeStartError } from './shared/start-error';
import { openSystem, type LecSystem } from './system';

/** How long SIGTERM waits for requests under way before it cuts the remaining connections. */
const DRAIN_TIMEOUT_MS = 20_000;

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function main(logger: Logger) {
  const config = loadConfig();
  let system: LecSystem | null = null;
  try {
    // Locks the embedded folder first (a second process is refused here, before PGlite opens it).
    const target = targetFromConfig(config);
    logger.info(
      { database: target.kind === 'postgres' ? 'postgresql' : `embedded (${config.dataDir})` },
      'opening database',
    );
    system = await openSystem(target, { logger });
    const admin = await ensureAdminAccount(system.store, config.adminUsername, config.adminPassword);
    if (admin.created && !config.adminPassword) {
      // Printed once, on the first start only, to the console (not the log): the department signs in with it and must change it.
      process.stdout.write(
        `\nบัญชีกรมสร้างแล้ว — department account created: user name "${config.adminUsername}", ` +
          `initial password "${admin.password}" (shown only now)\n\n`,
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
    let draining = false;
    const { app, apollo } = await createApp({
      dataSource: system.dataSource,
      store: system.store,
      logger,
      production: config.production,
      openDataRateLimit: { limit: config.openDataRateLimit, windowSeconds: 60 },
      authenticate: createAuthenticator(system.dataSource),
      replicas: system.replicas,
      metricsToken: config.metricsToken,
      dataDir: target.kind === 'pglite' ? config.dataDir : undefined,
      isDraining: () => draining,
    });
    const server = http.createServer(app);
    try {
      await listen(server, config.port);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'EADDRINUSE'
          ? `พอร์ต ${config.port} ถูกใช้งานอยู่ กรุณาหยุดโปรแกรมที่ใช้พอร์ตนี้ หรือตั้ง PORT อื่น (port ${config.port} is already in use)`
          : `เปิดพอร์ต ${config.port} ไม่ได้ (cannot listen on port ${config.port}: ${code ?? String(e)})`,
        { cause: e },
      );
    }
    logger.info({ port: config.port }, `LEC is listening on http://localhost:${config.port}/graphql`);
    server.on('error', (e) => logger.error({ err: e }, 'HTTP server error'));

    const open = system;
    let stopping = false;
    const shutdown = async (signal: string, exitCode = 0) => {
      if (stopping) return;
      stopping = true;
      draining = true;
      logger.info({ signal }, 'shutting down: no new connections, waiting for requests under way');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
      try {
        await apollo.stop();
        await open.close();
        logger.info('database closed; stopped');
      } catch (e) {
        logger.error({ err: e }, 'closing failed');
        exitCode = exitCode || 1;
      }
      process.exit(exitCode);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('uncaughtException', (e) => {
      logger.fatal({ err: e }, 'uncaught exception: stopping');
      void shutdown('uncaughtException', 1);
    });
  } catch (e) {
    if (system) await system.close().catch(() => undefined);
    throw e;
  }
}

const logger = createLogger(loadConfig().logLevel);
process.on('unhandledRejection', (e) => logger.error({ err: e }, 'unhandled promise rejection'));
main(logger).catch((e) => {
  logger.fatal({ reason: describeStartError(e) }, `LEC failed to start: ${describeStartError(e)}`);
  process.exit(1);
});
