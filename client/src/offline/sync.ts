import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import { QUEUED_CORRECT, QUEUED_ENROL, QUEUED_LEFT, QUEUED_REMOVE } from '../graphql/offline';
import { problemOf } from '../lib/errors';
import { isReachable, markUnreachable, onReachabilityChange, startConnectivityWatch } from './connectivity';
import { dropQueued, listQueued, saveQueued, type QueuedField } from './queue';

const DOCUMENTS = {
  enrolPupil: QUEUED_ENROL,
  correctPupil: QUEUED_CORRECT,
  recordPupilLeft: QUEUED_LEFT,
  removePupilAsNonExistent: QUEUED_REMOVE,
} satisfies Record<QueuedField, unknown>;

let running: Promise<void> | null = null;

/**
 * Sends the waiting commands in the order they were made, each with its key and version. A
 * refusal (DUPLICATE_PUPIL, DATA_CONFIRMED, CONFLICT, …) is kept on the item with the server's
 * Thai message, to be fixed or dropped; losing the connection again stops, the rest waits.
 */
export function syncQueue(client: ApolloClient): Promise<void> {
  running ??= (async () => {
    let sent = 0;
    try {
      for (const c of await listQueued()) {
        if (c.state !== 'PENDING') continue;
        if (!isReachable()) break;
        try {
          await client.mutate({
            mutation: DOCUMENTS[c.field],
            variables: { ...c.args, idempotencyKey: c.idempotencyKey, basedOnVersion: c.basedOnVersion },
            context: { fromQueue: true },
          });
          await dropQueued(c.id);
          sent++;
        } catch (e) {
          if (!CombinedGraphQLErrors.is(e)) {
            // No answer at all: wait for the server to be reachable again.
            markUnreachable();
            break;
          }
          const problem = problemOf(e)!;
          if (problem.code === 'UNAVAILABLE') break;
          await saveQueued({ ...c, state: 'REFUSED', problem });
        }
      }
    } finally {
      running = null;
    }
    if (sent) await client.refetchQueries({ include: 'active' });
  })();
  return running;
}

/**
 * Sends when the server answers again (connectivity.ts probes while it is out of reach), at start,
 * and every 15 seconds while anything waits.
 */
export function startOfflineSync(client: ApolloClient): void {
  const go = () => void syncQueue(client).catch(() => {});
  onReachabilityChange((reachable) => {
    if (reachable) go();
  });
  startConnectivityWatch();
  go();
  setInterval(go, 15_000);
}
