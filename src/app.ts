import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Request } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from './event-store/event-store.service';
import type { GraphQLContext } from './modules/access/context';
import { createErrorFormatter } from './graphql/format-error';
import { RequestLoaders } from './graphql/request-loaders';
import { buildLecSchema } from './composition/schema';
import { variablePathsPlugin } from './graphql/input-errors';
import { mountClientApp } from './http/client-app';
import { mountCredentialSheets } from './modules/accounts/credential-sheet.route';
import { mountPupilExports } from './modules/imports/exports.route';
import { mountConfirmationStatusExport } from './modules/confirmation/status-export.route';
import { mountPupilImports } from './modules/imports/imports.route';
import { mountNameList } from './modules/other-schools/name-list.route';
import { mountNameListCheck } from './modules/cross-checks/name-list-check.route';
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
import { errorHandler, notFoundHandler } from './http/http-errors';
import { mountProbes } from './http/readiness';
import { securityHeaders } from './http/security-headers';
import { costLimitPlugin, depthAndAliasRules } from './graphql/query-limits';
import { inputSanitiserPlugin } from './graphql/sanitise-input';
import { isDatabaseUnavailable } from './db/unavailable';
import type { Viewer } from './modules/access/viewer';
import { defaultMessages, isLecError } from './shared/errors';
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
  /** The embedded database's folder, which /readyz checks for writing. */
  dataDir?: string;
  /** True once SIGTERM has been received: /readyz then fails so the balancer stops sending. */
  isDraining?: () => boolean;
}

/** HTTP 503 for an operation the database could not serve, as for every other route. */
const unavailableStatus: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')) response.http.status = 503;
      },
    };
  },
};

/** The signed-in account, or a Thai 503 when the database cannot tell (not "Context creation failed"). */
async function viewerOf(deps: AppDeps, req: Request): Promise<Viewer | null> {
  try {
    return await deps.authenticate(req);
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    throw new GraphQLError(defaultMessages.UNAVAILABLE, {
      originalError: e as Error,
      extensions: { code: 'UNAVAILABLE', http: { status: 503 } },
    });
  }
}

export async function createApp(deps: AppDeps) {
  const { dataSource, store, logger } = deps;
  const metrics = new LecMetrics({ dataSource, replicas: deps.replicas, logger });
  store.observers.push(metrics.storeObserver());
  const schema = await buildLecSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // Apollo's own messages through the one logger (JSON on stderr), not console.
    logger,
    // main.ts drains HTTP and closes the database on SIGTERM; Apollo's own handler would re-raise
    // the signal and end the process before the database is closed.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, { production: deps.production }),
    // Production does not describe its schema to strangers; GraphiQL (development only) needs it.
    introspection: !deps.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: depthAndAliasRules,
    plugins: [
      // Apollo's landing page loads from the internet; a browser at /graphql is sent to /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint, so Apollo's default cache-control plugin would only price
      // every resolved field to answer "no-store"; the /graphql route says that itself.
      ApolloServerPluginCacheControlDisabled(),
      variablePathsPlugin,
      metricsPlugin(metrics, errorCodeOf),
      ...(deps.replicas?.size ? [readRoutingPlugin(deps.replicas)] : []),
      inputSanitiserPlugin(),
      costLimitPlugin(schema),
      unavailableStatus,
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

  app.use(securityHeaders());
  mountProbes(app, { dataSource, logger, dataDir: deps.dataDir, isDraining: deps.isDraining });

  mountMetrics(app, metrics, deps.metricsToken, logger);

  if (!deps.production) mountGraphiQL(app, deps.clientDistDir);
  redirectBrowsersToGraphiQL(app, deps.production);

  app.use(
    '/graphql',
    (req, res, next) => {
      if (
        req.method === 'GET' ||
        req.method === 'POST' ||
        req.method === 'HEAD' ||
        req.method === 'OPTIONS'
      ) {
        // Answers hold pupils' details: no browser or proxy keeps a copy.
        res.setHeader('cache-control', 'no-store');
        return next();
      }
      res
        .status(405)
        .set('Allow', 'GET, POST')
        .json({
          code: 'BAD_USER_INPUT',
          message: `/graphql รับคำขอแบบ GET หรือ POST เท่านั้น (ได้รับ ${req.method})`,
        });
    },
    cookieParser(),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => ({
        requestId: requestIdOf(req),
        dataSource,
        store,
        loaders: new RequestLoaders(dataSource),
        viewer: await viewerOf(deps, req),
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
  mountNameListCheck(app, { dataSource, store, authenticate: deps.authenticate, logger });
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

  // The web client and its SPA fallback catch the pages the routes above did not;
  // then every other path is a JSON 404, and every error a JSON answer (src/http/http-errors.ts).
  mountClientApp(app, deps.clientDistDir);
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  return { app, apollo, metrics };
}
