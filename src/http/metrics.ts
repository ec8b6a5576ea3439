import { timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ReadReplicas } from '../db/read-replicas';
import type { StoreObserver } from '../event-store/event-store.service';
import type { Logger } from '../shared/logger';

/** Distinct operation names kept as label values; past that they count as "other" (names come from clients). */
const MAX_OPERATION_LABELS = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

interface PoolLike {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/** One process's metrics, in its own registry (several apps in one test process do not collide). */
export class LecMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly graphqlRequests = new Counter({
    name: 'lec_graphql_requests_total',
    help: 'GraphQL operations served, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'lec_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'lec_graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly graphqlReads = new Counter({
    name: 'lec_graphql_reads_total',
    help: 'Read-only GraphQL operations by where they were read from (primary or a replica)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly appends = new Counter({
    name: 'lec_event_store_appends_total',
    help: 'Appends to the event store (one per stream write), by stream type',
    labelNames: ['stream_type'] as const,
    registers: [this.registry],
  });
  readonly appendedEvents = new Counter({
    name: 'lec_event_store_events_total',
    help: 'Events appended to the event store, by stream type',
    labelNames: ['stream_type'] as const,
    registers: [this.registry],
  });

  constructor(deps: { dataSource: DataSource; replicas?: ReadReplicas | null; logger: Logger }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'lec_' });
    const pools = () => [
      { pool: 'primary', ds: deps.dataSource },
      ...(deps.replicas?.dataSources() ?? []).map((r) => ({ pool: `replica ${r.name}`, ds: r.dataSource })),
    ];
    new Gauge({
      name: 'lec_db_pool_connections',
      help: 'Database pool connections by pool and state (total, idle, waiting clients)',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { pool, ds } of pools()) {
          if (!ds.isInitialized) continue;
          const p = (ds.driver as unknown as { master?: PoolLike }).master;
          if (typeof p?.totalCount !== 'number') continue;
          this.set({ pool, state: 'total' }, p.totalCount);
          this.set({ pool, state: 'idle' }, p.idleCount ?? 0);
          this.set({ pool, state: 'waiting' }, p.waitingCount ?? 0);
        }
      },
    });
    const replicas = deps.replicas;
    if (replicas?.size) {
      new Gauge({
        name: 'lec_replica_lag_seconds',
        help: 'How far each read replica is behind (0 when it has replayed all it received); absent when it does not answer',
        labelNames: ['replica'] as const,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const r of await replicas.lags())
            if (r.lagSeconds !== null) this.set({ replica: r.name }, r.lagSeconds);
        },
      });
    }
    // Rebuilds run in their own process (npm run projections:rebuild); its progress is in the
    // database, so every server process reports it.
    const rebuild = new Gauge({
      name: 'lec_projection_rebuild_events',
      help: 'The latest projection rebuild: events in the log when it started (total) and replayed so far (done)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        try {
          const [r]: { total: number; done: number; running: boolean }[] = await deps.dataSource.query(
            `SELECT events_total AS total, events_done AS done, finished_at IS NULL AS running
               FROM projection_rebuilds ORDER BY id DESC LIMIT 1`,
          );
          rebuild.reset();
          running.set(r?.running ? 1 : 0);
          if (r) {
            this.set({ state: 'total' }, Number(r.total));
            this.set({ state: 'done' }, Number(r.done));
          }
        } catch (e) {
          deps.logger.warn({ err: e }, 'metrics: could not read the rebuild progress');
        }
      },
    });
    const running = new Gauge({
      name: 'lec_projection_rebuild_running',
      help: '1 while a projection rebuild is replaying the log',
      registers: [this.registry],
    });
  }

  /** The label for an operation: its name when it looks like one and the set is not full. */
  operationLabel(name: string | null | undefined): string {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Counts the event store's appends. */
  storeObserver(): StoreObserver {
    return {
      appended: (streamType, events) => {
        this.appends.inc({ stream_type: streamType });
        this.appendedEvents.inc({ stream_type: streamType }, events);
      },
    };
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape: the bearer of LEC_METRICS_TOKEN, or a client on this machine that did not come
 * through a proxy (a reverse proxy on loopback forwards the world: its X-Forwarded-For gives it away).
 */
export function mayScrape(req: Request, token: string | undefined): boolean {
  const auth = req.header('authorization');
  if (token && auth?.startsWith('Bearer ') && tokenMatches(auth.slice(7).trim(), token)) return true;
  const direct = !req.header('x-forwarded-for') && !req.header('forwarded');
  return direct && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

export function mountMetrics(
  app: Express,
  metrics: LecMetrics,
  token: string | undefined,
  logger: Logger,
): void {
  app.get('/metrics', async (req, res) => {
    if (!mayScrape(req, token)) {
      res.status(403).type('text/plain; charset=utf-8').send('ไม่มีสิทธิ์อ่านตัววัดของระบบ (metrics)\n');
      return;
    }
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (e) {
      logger.error({ err: e }, 'metrics: scrape failed');
      res.status(503).type('text/plain; charset=utf-8').send('อ่านตัววัดของระบบไม่สำเร็จ ลองใหม่อีกครั้ง\n');
    }
  });
}
