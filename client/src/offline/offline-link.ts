import { ApolloLink, CombinedGraphQLErrors, ServerError, type ApolloClient } from '@apollo/client';
import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode } from 'graphql';
import { Observable } from 'rxjs';
import { REGISTER_VERSION } from '../graphql/offline';
import { isReachable, markUnreachable } from './connectivity';
import { enqueue, QUEUED_FIELDS, setMeta, type QueuedField } from './queue';

/** The message a form shows when its write was queued instead of sent. */
export const QUEUED_MESSAGE =
  'ไม่มีสัญญาณอินเทอร์เน็ต: บันทึกไว้ในเครื่องแล้ว (รอส่ง) ระบบจะส่งให้เองเมื่อกลับมาออนไลน์ ดูรายการได้ที่แถบ "รอส่ง" ด้านล่าง';

function rootField(doc: DocumentNode): { operation: string; field: FieldNode } | null {
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return null;
  const field = op.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  return field ? { operation: op.operation, field } : null;
}

function argsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    (field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]),
  );
}

/** A failure to reach the server at all (not a refusal, not an HTTP error answer). */
function isNetworkFailure(e: unknown): boolean {
  return !CombinedGraphQLErrors.is(e) && !ServerError.is(e);
}

let client: ApolloClient | null = null;
export function setOfflineClient(c: ApolloClient): void {
  client = c;
}

/** After the device reads a register, keep its version: commands queued later were made against it. */
async function rememberVersion(institutionCode: unknown): Promise<void> {
  if (!client || typeof institutionCode !== 'string') return;
  try {
    const { data } = await client.query({
      query: REGISTER_VERSION,
      variables: { institutionCode },
      fetchPolicy: 'network-only',
    });
    if (data) await setMeta('registerVersion', data.registerVersion);
  } catch (e) {
    // Offline or not an institution's register: the last version known stays.
    if (isNetworkFailure(e)) markUnreachable();
  }
}

/**
 * In front of the HTTP link: an enrolment, correction, leave or removal made while offline (or
 * whose request cannot reach the server) is put in the device's queue, and the form is told so in
 * Thai instead of failing; everything else passes through. Sends from the queue itself pass.
 */
export const offlineLink = new ApolloLink((operation, forward) => {
  const root = rootField(operation.query);
  const field = root?.field.name.value;
  const queueable =
    root?.operation === 'mutation' &&
    QUEUED_FIELDS.includes(field as QueuedField) &&
    !operation.getContext().fromQueue;
  if (!queueable) {
    if (root?.operation === 'query' && field === 'pupils') {
      const code = argsOf(root.field, operation.variables).institutionCode;
      return forward(operation).pipe(
        (source) =>
          new Observable((observer) =>
            source.subscribe({
              next: (r) => {
                void rememberVersion(code);
                observer.next(r);
              },
              error: (e) => observer.error(e),
              complete: () => observer.complete(),
            }),
          ),
      );
    }
    return forward(operation);
  }
  const queued = (observer: {
    next: (r: never) => void;
    complete: () => void;
    error: (e: unknown) => void;
  }) =>
    enqueue(field as QueuedField, argsOf(root!.field, operation.variables)).then(
      () => {
        observer.next({
          errors: [{ message: QUEUED_MESSAGE, extensions: { code: 'QUEUED_OFFLINE' } }],
        } as never);
        observer.complete();
      },
      (e) => observer.error(e),
    );
  return new Observable((observer) => {
    if (!isReachable()) {
      void queued(observer);
      return;
    }
    const sub = forward(operation).subscribe({
      next: (r) => observer.next(r),
      error: (e) => {
        if (!isNetworkFailure(e)) return observer.error(e);
        markUnreachable();
        void queued(observer);
      },
      complete: () => observer.complete(),
    });
    return () => sub.unsubscribe();
  });
});
