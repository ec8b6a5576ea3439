import type { ApolloServerPlugin } from '@apollo/server';
import type { ReadReplicas } from '../db/read-replicas';
import { formatThaiDate, todayInBangkok } from '../modules/pupils/rules/thai-dates';
import type { GraphQLContext } from './context';
import { createLoaders } from './loaders';

/** `ข้อมูล ณ 2 ธ.ค. 2569 เวลา 20:31:05 น.` (Thailand time), the note beside figures read from a replica. */
export function asOfNote(at: Date): string {
  const bangkok = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `ข้อมูล ณ ${formatThaiDate(todayInBangkok(at))} เวลา ${bangkok.slice(11, 19)} น.`;
}

/**
 * Sends read-only operations (queries) to a streaming replica: the context's data source and
 * loaders are swapped after the operation is known and before any resolver runs. Mutations, and
 * everything they read, stay on the primary (their writes go through the store, which is always
 * the primary's); an account that wrote is read from a replica only once it has replayed that
 * write (the mark the authenticator read), else from the primary. A response read from a replica
 * says how fresh it is: `extensions.readFrom = { source: 'REPLICA', asOf, note: 'ข้อมูล ณ …' }`.
 */
export function readRoutingPlugin(replicas: ReadReplicas): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          const choice = await replicas.choose(contextValue.viewer?.lastWriteLsn ?? null);
          contextValue.readFrom = choice;
          if (choice.replica) {
            contextValue.dataSource = choice.dataSource;
            contextValue.loaders = createLoaders(choice.dataSource);
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
