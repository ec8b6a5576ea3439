import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import { QUEUED_CORRECT, QUEUED_ENROL, QUEUED_LEFT, QUEUED_REMOVE } from '../graphql/offline';
import { problemOf } from '../lib/errors';
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
        if (!navigator.onLine) break;
        try {
          await client.mutate({
            mutation: DOCUMENTS[c.field],
            variables: { ...c.args, idempotencyKey: c.idempotencyKey, basedOnVersion: c.basedOnVersion },
            context: { fromQueue: true },
          });
          await dropQueued(c.id);
          sent++;
        } catch (e) {
          if (!CombinedGraphQLErrors.is(e)) break;
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
 * Sends when the connection comes back (and again shortly after: the first requests after the
 * "online" event may still fail), at start, and every 15 seconds while anything waits.
 */
export function startOfflineSync(client: ApolloClient): void {
  const go = () => void syncQueue(client).catch(() => {});
  window.addEventListener('online', () => {
    go();
    setTimeout(go, 2_000);
    setTimeout(go, 6_000);
  });
  go();
  setInterval(go, 15_000);
}
