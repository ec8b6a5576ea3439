import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './config';
import { targetFromConfig } from './db/data-source';
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
  const { app, apollo } = await createApp({
    dataSource: system.dataSource,
    store: system.store,
    logger,
    production: config.production,
    authenticate: async () => null,
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
