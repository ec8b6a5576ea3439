import { ApolloLink } from '@apollo/client';
import { useSyncExternalStore } from 'react';
import { map } from 'rxjs';
import { currentDataAsOf, noteAnswer, subscribeDataAsOf } from './data-as-of-note';

/** Passes every answer's extensions to the data-as-of note. */
export const dataAsOfLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(
    map((result) => {
      noteAnswer(operation.operationType, result.extensions);
      return result;
    }),
  ),
);

/** The "ข้อมูล ณ …" note of the latest answer read from a replica, or null; re-renders when it changes. */
export function useDataAsOf(): string | null {
  return useSyncExternalStore(subscribeDataAsOf, currentDataAsOf, () => null);
}
