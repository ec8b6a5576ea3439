import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { LecMetrics } from '../http/metrics';
import type { RequestContext } from './context';

/** Counts and times every operation by name and type, and its errors by code. */
export function metricsPlugin(
  metrics: LecMetrics,
  codeOf: (e: GraphQLError) => unknown,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let type = 'unknown';
      let name = request.operationName;
      return {
        async didResolveOperation({ operation, operationName }) {
          type = operation?.operation ?? 'unknown';
          // The name in the document, when the request did not give one.
          name = operationName ?? name;
        },
        async willSendResponse({ errors, contextValue }) {
          const labels = { operation: metrics.operationLabel(name), type };
          metrics.graphqlRequests.inc(labels);
          metrics.graphqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          for (const e of errors ?? []) {
            const code = codeOf(e);
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
          if (type === 'query')
            metrics.graphqlReads.inc({ source: contextValue.readFrom?.replica ? 'replica' : 'primary' });
        },
      };
    },
  };
}
