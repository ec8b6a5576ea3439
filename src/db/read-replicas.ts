import { DataSource, type DataSourceOptions } from 'typeorm';

export interface ReplicaOptions {
  /** PostgreSQL URLs of streaming replicas (hot standbys) of the primary. */
  urls: string[];
  /** A replica further behind than this is not read from. */
  maxLagSeconds: number;
  /** How long a read waits for a replica to replay the caller's own last write. */
  waitMs: number;
}

/** Where one request's reads go, and how fresh they are. */
export interface ReadChoice {
  dataSource: DataSource;
  /** The replica's name (host:port), or null for the primary. */
  replica: string | null;
  /** The data are at least as fresh as this (for a replica); null for the primary (current). */
  asOf: Date | null;
}

interface ReplicaStatus {
  /** pg_last_wal_replay_lsn() as a number. */
  replayed: bigint;
  asOf: Date | null;
  lagSeconds: number;
  checkedAt: number;
}

interface StatusRow {
  recovering: boolean;
  replayed: string | null;
  caught_up: boolean;
  receiving: boolean;
  replayed_at: Date | null;
  now: Date;
}

/**
 * Caught up means: a WAL receiver is running and everything it received is replayed; then the data
 * are as of now. Otherwise (receiving stopped, or replay behind) they are as of the last replayed
 * commit. pg_stat_wal_receiver shows its row (pid) to any role; its details need pg_read_all_stats.
 */
const STATUS_SQL = `SELECT pg_is_in_recovery() AS recovering,
       pg_last_wal_replay_lsn()::text AS replayed,
       pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AS caught_up,
       EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL) AS receiving,
       pg_last_xact_replay_timestamp() AS replayed_at,
       now() AS now`;

/** A status younger than this is reused: replay only moves forward, so it is a safe lower bound. */
const STATUS_TTL_MS = 100;
/** A replica that failed to answer is left alone for this long. */
const DOWN_FOR_MS = 5000;
const POLL_MS = 15;

/** `16/B374D848` → a number that compares like the LSN. */
export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Replica {
  readonly dataSource: DataSource;
  readonly name: string;
  private ready: Promise<void> | null = null;
  private status: ReplicaStatus | null = null;
  private downUntil = 0;

  constructor(url: string, entities: NonNullable<DataSourceOptions['entities']>) {
    const u = new URL(url);
    this.name = `${u.hostname}:${u.port || 5432}`;
    // No migrations: a standby is read-only and gets its schema from the primary's WAL.
    this.dataSource = new DataSource({
      type: 'postgres',
      url,
      entities,
      synchronize: false,
      logging: false,
      parseInt8: true,
      poolSize: 20,
      applicationName: 'lec-read',
    });
  }

  get isDown(): boolean {
    return Date.now() < this.downUntil;
  }

  /** Its replay position and freshness: cached for a moment unless `fresh`; null when it cannot answer. */
  async check(fresh = false): Promise<ReplicaStatus | null> {
    if (this.isDown) return null;
    if (!fresh && this.status && Date.now() - this.status.checkedAt < STATUS_TTL_MS) return this.status;
    try {
      this.ready ??= this.dataSource.initialize().then(() => undefined);
      await this.ready;
      const [r]: StatusRow[] = await this.dataSource.query(STATUS_SQL);
      if (!r.recovering || !r.replayed) throw new Error(`${this.name} is not a standby`);
      const fresh = r.receiving && r.caught_up;
      const asOf = fresh ? r.now : r.replayed_at;
      this.status = {
        replayed: lsnToBigInt(r.replayed),
        asOf,
        lagSeconds: asOf ? Math.max(0, (r.now.getTime() - asOf.getTime()) / 1000) : Infinity,
        checkedAt: Date.now(),
      };
      return this.status;
    } catch {
      this.downUntil = Date.now() + DOWN_FOR_MS;
      if (!this.dataSource.isInitialized) this.ready = null;
      this.status = null;
      return null;
    }
  }

  async close(): Promise<void> {
    if (this.ready) await this.ready.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Routes read-only work to streaming replicas: one whose lag is within the bound and, when the
 * caller wrote lately, that has replayed that write (waiting briefly for it); otherwise the primary.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    private readonly primary: DataSource,
    readonly options: ReplicaOptions,
  ) {
    this.replicas = options.urls.map((u) => new Replica(u, primary.options.entities ?? []));
  }

  get size(): number {
    return this.replicas.length;
  }

  /** Each replica's lag now (seconds; null when it does not answer), for /metrics. */
  async lags(): Promise<{ name: string; lagSeconds: number | null }[]> {
    return Promise.all(
      this.replicas.map(async (r) => {
        const status = await r.check(true);
        return {
          name: r.name,
          lagSeconds: status && Number.isFinite(status.lagSeconds) ? status.lagSeconds : null,
        };
      }),
    );
  }

  dataSources(): { name: string; dataSource: DataSource }[] {
    return this.replicas.map((r) => ({ name: r.name, dataSource: r.dataSource }));
  }

  /** `mustHaveReplayed`: the primary's WAL position after the caller's last write (pg_lsn text). */
  async choose(mustHaveReplayed: string | null): Promise<ReadChoice> {
    const needed = mustHaveReplayed ? lsnToBigInt(mustHaveReplayed) : 0n;
    const start = this.next++ % Math.max(1, this.replicas.length);
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(start + i) % this.replicas.length];
      const status = await this.caughtUpTo(replica, needed);
      if (status && status.lagSeconds <= this.options.maxLagSeconds) {
        return { dataSource: replica.dataSource, replica: replica.name, asOf: status.asOf };
      }
    }
    return { dataSource: this.primary, replica: null, asOf: null };
  }

  private async caughtUpTo(replica: Replica, needed: bigint): Promise<ReplicaStatus | null> {
    let status = await replica.check();
    if (!status || status.replayed >= needed) return status;
    const deadline = Date.now() + this.options.waitMs;
    while (Date.now() < deadline) {
      status = await replica.check(true);
      if (!status || status.replayed >= needed) return status;
      await sleep(POLL_MS);
    }
    return null;
  }

  /** Waits (up to `timeoutMs`) until every replica that answers has replayed up to `lsn`. */
  async waitForReplay(lsn: string, timeoutMs = 5000): Promise<void> {
    const needed = lsnToBigInt(lsn);
    const deadline = Date.now() + timeoutMs;
    for (const r of this.replicas) {
      for (;;) {
        const status = await r.check(true);
        if (!status || status.replayed >= needed || Date.now() > deadline) break;
        await sleep(POLL_MS);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.close()));
  }
}

/** The primary's WAL position now, to compare with a replica's replay position. */
export async function currentWalLsn(ds: DataSource): Promise<string> {
  const [r]: { lsn: string }[] = await ds.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
  return r.lsn;
}
