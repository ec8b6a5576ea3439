import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { probeWritable } from '../db/data-dir';
import { defaultMessages } from '../shared/errors';
import type { Logger } from '../shared/logger';

/** A probe that hangs (a server gone silent) is a failed probe, not a hung load balancer check. */
const PROBE_TIMEOUT_MS = 5_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`readiness probe timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the database takes a write (one row of
 * readiness_probe rewritten) and, for the embedded database, its folder takes a small file with
 * fsync, so a full or read-only disk is reported as not ready rather than failing every write.
 */
export function mountProbes(
  app: Express,
  deps: { dataSource: DataSource; logger: Logger; dataDir?: string; isDraining?: () => boolean },
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (deps.isDraining?.()) {
      res.status(503).json({ status: 'draining', code: 'UNAVAILABLE', message: defaultMessages.UNAVAILABLE });
      return;
    }
    try {
      await withTimeout(
        deps.dataSource.query('UPDATE readiness_probe SET probed_at = now() WHERE id = 1'),
        PROBE_TIMEOUT_MS,
      );
      if (deps.dataDir) probeWritable(deps.dataDir, 4096);
      res.json({ status: 'ready' });
    } catch (e) {
      deps.logger.warn({ err: e }, 'readiness check failed');
      res
        .status(503)
        .json({ status: 'unavailable', code: 'UNAVAILABLE', message: defaultMessages.UNAVAILABLE });
    }
  });
}
