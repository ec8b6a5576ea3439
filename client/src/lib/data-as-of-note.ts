/**
 * The server answers a query from a read replica with `extensions.readFrom.note` ("ข้อมูล ณ …"):
 * the time its data are as of. This keeps the note of the latest query's answer (none when the
 * primary answered, i.e. the data are current) for the page to show. No imports: the server's
 * jest project tests it.
 */
let note: string | null = null;
const listeners = new Set<() => void>();

/** Called with every answer: a query's sets the note (or clears it); a mutation's leaves it. */
export function noteAnswer(operationType: string, extensions: Record<string, unknown> | undefined): void {
  if (operationType !== 'query') return;
  const readFrom = extensions?.readFrom as { note?: unknown } | undefined;
  const next = typeof readFrom?.note === 'string' ? readFrom.note : null;
  if (next === note) return;
  note = next;
  for (const l of listeners) l();
}

/** The note of the latest query's answer when a replica gave it, else null. */
export function currentDataAsOf(): string | null {
  return note;
}

export function subscribeDataAsOf(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
