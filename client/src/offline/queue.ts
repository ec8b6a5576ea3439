/**
 * The offline queue (issue 15): register writes made without a connection, kept in IndexedDB on
 * this device until they are sent. Each has an idempotency key `<device id>:<command id>` (the
 * server returns the first result for a key sent again) and the register version the device had
 * when it was made.
 */

export type QueuedField = 'enrolPupil' | 'correctPupil' | 'recordPupilLeft' | 'removePupilAsNonExistent';
export const QUEUED_FIELDS: readonly QueuedField[] = [
  'enrolPupil',
  'correctPupil',
  'recordPupilLeft',
  'removePupilAsNonExistent',
];

export interface QueuedProblem {
  code?: string;
  message: string;
  fields: Record<string, string>;
}

export interface QueuedCommand {
  id: string;
  idempotencyKey: string;
  field: QueuedField;
  args: Record<string, unknown>;
  basedOnVersion: number | null;
  createdAt: string;
  state: 'PENDING' | 'REFUSED';
  problem: QueuedProblem | null;
}

const DB = 'lec-offline';
const COMMANDS = 'commands';
const META = 'meta';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(COMMANDS, { keyPath: 'id' });
      req.result.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(
  store: string,
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const listeners = new Set<() => void>();
/** Called whenever the queue changes (the bar and the queue page re-read it). */
export function onQueueChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
const changed = () => listeners.forEach((f) => f());

export async function listQueued(): Promise<QueuedCommand[]> {
  const all = await run<QueuedCommand[]>(
    COMMANDS,
    'readonly',
    (s) => s.getAll() as IDBRequest<QueuedCommand[]>,
  );
  return all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export async function saveQueued(c: QueuedCommand): Promise<void> {
  await run(COMMANDS, 'readwrite', (s) => s.put(c));
  changed();
}

export async function dropQueued(id: string): Promise<void> {
  await run(COMMANDS, 'readwrite', (s) => s.delete(id));
  changed();
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return run<T | undefined>(META, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await run(META, 'readwrite', (s) => s.put(value, key));
}

/** This device's id, made once: the first half of every idempotency key it sends. */
export async function deviceId(): Promise<string> {
  const known = await getMeta<string>('deviceId');
  if (known) return known;
  const id = `d${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await setMeta('deviceId', id);
  return id;
}

export async function enqueue(field: QueuedField, args: Record<string, unknown>): Promise<QueuedCommand> {
  const id = crypto.randomUUID();
  const command: QueuedCommand = {
    id,
    idempotencyKey: `${await deviceId()}:${id}`,
    field,
    args,
    basedOnVersion: (await getMeta<number>('registerVersion')) ?? null,
    createdAt: new Date().toISOString(),
    state: 'PENDING',
    problem: null,
  };
  await saveQueued(command);
  return command;
}
