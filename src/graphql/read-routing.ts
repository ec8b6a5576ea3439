import type { ApolloServerPlugin } from '@apollo/server';
import type { ReadReplicas } from '../db/read-replicas';
import { asOfNote } from '../http/read-source';
import type { RequestContext } from './context';
import { RequestLoaders } from './request-loaders';

/**
 * Sends read-only operations (queries) to a streaming replica: the context's data source and
 * loaders are swapped after the operation is known and before any resolver runs. Mutations, and
 * everything they read, stay on the primary (their writes go through the store, which is always
 * the primary's); an account that wrote is read from a replica only once it has replayed that
 * write (the mark the authenticator read), else from the primary. A response read from a replica
 * says how fresh it is: `extensions.readFrom = { source: 'REPLICA', asOf, note: 'ข้อมูล ณ …' }`.
 */
export function readRoutingPlugin(replicas: ReadReplicas): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          const choice = await replicas.choose(contextValue.viewer?.lastWriteLsn ?? null);
          contextValue.readFrom = choice;
          if (choice.replica) {
            contextValue.dataSource = choice.dataSource;
            contextValue.loaders = new RequestLoaders(choice.dataSource);
          }
        },
        async willSendResponse({ response, contextValue }) {
          const choice = contextValue.readFrom;
          if (!choice?.replica || response.body.kind !== 'single') return;
          const asOf = choice.asOf ?? new Date();
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            readFrom: { source: 'REPLICA', asOf: asOf.toISOString(), note: asOfNote(asOf) },
          };
        },
      };
    },
  };
}
