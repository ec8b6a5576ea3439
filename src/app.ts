import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Request } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from './event-store/event-store.service';
import type { GraphQLContext } from './graphql/context';
import { createErrorFormatter } from './graphql/format-error';
import { createLoaders } from './graphql/loaders';
import { buildLecSchema } from './graphql/schema';
import { variablePathsPlugin } from './graphql/input-errors';
import { mountClientApp } from './http/client-app';
import { mountCredentialSheets } from './modules/accounts/credential-sheet.route';
import { mountPupilExports } from './modules/imports/exports.route';
import { mountConfirmationStatusExport } from './modules/confirmation/status-export.route';
import { mountPupilImports } from './modules/imports/imports.route';
import { mountNameList } from './modules/other-schools/name-list.route';
import { mountRemovalRegister } from './modules/reports/removal-register.route';
import { mountCountsExport } from './modules/figures/counts-export.route';
import { mountConfirmedReports } from './modules/reports/confirmed-reports.route';
import { mountPostingList } from './modules/reports/posting-list.route';
import { mountFavicon } from './http/favicon';
import { mountGraphiQL, redirectBrowsersToGraphiQL } from './http/graphiql';
import type { RateLimit } from './http/rate-limit';
import { DEFAULT_OPEN_DATA_RATE_LIMIT, mountOpenData } from './modules/open-data/open-data.route';
import { mountCrossCheckExport } from './modules/cross-checks/cross-check.route';
import { requestIdOf } from './http/request-id';
import { LecMetrics, mountMetrics } from './http/metrics';
import { readSourceFor } from './http/read-source';
import { metricsPlugin } from './graphql/metrics.plugin';
import { readRoutingPlugin } from './graphql/read-routing';
import type { ReadReplicas } from './db/read-replicas';
import type { Viewer } from './modules/access/viewer';
import { isLecError } from './shared/errors';
import type { Logger } from './shared/logger';

/** The code a client will see for an error, for the log line (LecErrors carry theirs inside). */
function errorCodeOf(e: GraphQLError): unknown {
  const original = unwrapResolverError(e);
  return isLecError(original) ? original.code : e.extensions?.code;
}

export interface AppDeps {
  dataSource: DataSource;
  store: EventStore;
  logger: Logger;
  production: boolean;
  /** Finds the signed-in account of a request (cookie or bearer token), or null. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  /** Where the built web client is (default client/dist); the browser tests build into a temp folder. */
  clientDistDir?: string;
  /** Requests per client and window on the public open-data routes and `publicCounts`. */
  openDataRateLimit?: RateLimit;
  /** Streaming replicas that read-only queries go to (LEC_DATABASE_REPLICA_URLS). */
  replicas?: ReadReplicas | null;
  /** Opens GET /metrics to scrapers that are not on this machine (LEC_METRICS_TOKEN). */
  metricsToken?: string;
}

export async function createApp(deps: AppDeps) {
  const { dataSource, store, logger } = deps;
  const metrics = new LecMetrics({ dataSource, replicas: deps.replicas, logger });
  store.observers.push(metrics.storeObserver());
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildLecSchema(),
    formatError: createErrorFormatter(logger),
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Apollo's landing page loads from the internet; a browser at /graphql is sent to /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      variablePathsPlugin,
      metricsPlugin(metrics, errorCodeOf),
      ...(deps.replicas?.size ? [readRoutingPlugin(deps.replicas)] : []),
      {
        // One line per operation: its name, duration and error codes; never its variables.
        async requestDidStart({ request, contextValue }) {
          const started = Date.now();
          return {
            async willSendResponse({ errors }) {
              logger.info(
                {
                  requestId: contextValue.requestId,
                  operation: request.operationName ?? null,
                  ms: Date.now() - started,
                  errors: errors?.map(errorCodeOf),
                },
                'graphql',
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // gzip or brotli for the client's files, GraphQL answers and exports (schools are on slow lines).
  app.use(compression());
  mountFavicon(app);
  const openDataRateLimit = deps.openDataRateLimit ?? DEFAULT_OPEN_DATA_RATE_LIMIT;
  // Read by publicCounts, whose anonymous calls count against the same limit as the routes.
  app.locals.openDataRateLimit = openDataRateLimit;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (e) {
      logger.warn({ err: e }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });

  mountMetrics(app, metrics, deps.metricsToken, logger);

  if (!deps.production) mountGraphiQL(app, deps.clientDistDir);
  redirectBrowsersToGraphiQL(app, deps.production);

  app.use(
    '/graphql',
    cookieParser(),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => ({
        requestId: requestIdOf(req),
        dataSource,
        store,
        loaders: createLoaders(dataSource),
        viewer: await deps.authenticate(req),
        req,
        res,
      }),
    }),
  );

  mountCredentialSheets(app, { dataSource, store, authenticate: deps.authenticate, logger });
  mountRemovalRegister(app, { dataSource, authenticate: deps.authenticate, logger });
  mountConfirmedReports(app, { dataSource, authenticate: deps.authenticate, logger });
  mountPostingList(app, { dataSource, authenticate: deps.authenticate, logger });
  mountNameList(app, { dataSource, store, authenticate: deps.authenticate, logger });
  mountPupilImports(app, { dataSource, store, authenticate: deps.authenticate, logger });
  mountPupilExports(app, { dataSource, store, authenticate: deps.authenticate, logger });
  const readFrom = readSourceFor(dataSource, deps.replicas);
  mountCountsExport(app, { dataSource, readFrom, authenticate: deps.authenticate, logger });
  mountConfirmationStatusExport(app, {
    dataSource,
    readFrom,
    store,
    authenticate: deps.authenticate,
    logger,
  });
  mountOpenData(app, { dataSource, logger, rateLimit: openDataRateLimit });
  mountCrossCheckExport(app, { dataSource, authenticate: deps.authenticate, logger });

  // Last: the web client and its SPA fallback catch what the routes above did not.
  mountClientApp(app, deps.clientDistDir);

  return { app, apollo, metrics };
}
