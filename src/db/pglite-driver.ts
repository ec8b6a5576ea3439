import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * A `pg`-shaped driver over one embedded PGlite database, for TypeORM's `driver` option.
 *
 * PGlite is a single PostgreSQL session. Sharing it between TypeORM connections would let one
 * connection's ROLLBACK undo another's work (this is why `typeorm-pglite` is not used), so the
 * pool lends the session to one client at a time, under a FIFO lock held until `release()`, and
 * rolls back any transaction a client left open when it gives the session back.
 */

type Callback<T> = (err: Error | null, result?: T) => void;

export interface PgLikeResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  command: string | undefined;
  fields: { name: string; dataTypeID: number }[];
}

const ACQUIRE_TIMEOUT_MS = 60_000;

function toPgResult(r: Results): PgLikeResult {
  return {
    rows: r.rows as Record<string, unknown>[],
    rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length,
    command: r.command,
    fields: r.fields,
  };
}

/** Runs one statement (or, without parameters, a script of several, as pg's simple protocol does). */
async function run(db: PGlite, text: string, params?: unknown[]): Promise<PgLikeResult> {
  if (params && params.length > 0) return toPgResult(await db.query(text, params));
  const results = await db.exec(text);
  const last = results[results.length - 1];
  return last ? toPgResult(last) : { rows: [], rowCount: 0, command: undefined, fields: [] };
}

class SessionLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error('embedded database busy: a connection was held too long (nested connection use?)'));
      }, ACQUIRE_TIMEOUT_MS);
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

export class PGliteClient {
  private released = false;
  constructor(
    private readonly db: PGlite,
    private readonly onRelease: () => void,
  ) {}

  query(
    text: string | { text: string; values?: unknown[] },
    params?: unknown[] | Callback<PgLikeResult>,
    cb?: Callback<PgLikeResult>,
  ): Promise<PgLikeResult> | void {
    const sql = typeof text === 'string' ? text : text.text;
    const values =
      typeof params === 'function'
        ? typeof text === 'string'
          ? undefined
          : text.values
        : (params ?? (typeof text === 'string' ? undefined : text.values));
    const callback = typeof params === 'function' ? params : cb;
    if (this.released) {
      const err = new Error('PGlite client used after release');
      if (callback) return callback(err);
      return Promise.reject(err);
    }
    const p = run(this.db, sql, values);
    if (!callback) return p;
    p.then(
      (r) => callback(null, r),
      (e: Error) => callback(e),
    );
  }

  // PGlite emits no connection events; TypeORM only (un)subscribes to 'error'.
  on(): this {
    return this;
  }

  removeListener(): this {
    return this;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease();
  }
}

export function createPGliteDriver(db: PGlite) {
  const lock = new SessionLock();

  const release = async () => {
    try {
      // A client that gave the session back mid-transaction must not leak it to the next one.
      if (db.isInTransaction()) await db.exec('ROLLBACK');
    } finally {
      lock.release();
    }
  };

  class Pool {
    totalCount = 1;
    idleCount = 1;
    waitingCount = 0;

    async acquire(): Promise<PGliteClient> {
      await lock.acquire();
      await db.waitReady;
      return new PGliteClient(db, () => void release());
    }

    connect(
      cb?: (err: Error | null, client?: PGliteClient, done?: (err?: Error) => void) => void,
    ): Promise<PGliteClient> | void {
      const p = this.acquire();
      if (!cb) return p;
      p.then(
        (client) => cb(null, client, () => client.release()),
        (e: Error) => cb(e),
      );
    }

    async query(text: string, params?: unknown[]): Promise<PgLikeResult> {
      const client = await this.acquire();
      try {
        return (await client.query(text, params)) as PgLikeResult;
      } finally {
        client.release();
      }
    }

    on(): this {
      return this;
    }

    end(cb?: (err?: Error) => void): Promise<void> | void {
      if (cb) cb();
      else return Promise.resolve();
    }
  }

  return { Pool };
}
