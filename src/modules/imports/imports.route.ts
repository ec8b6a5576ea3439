import cookieParser from 'cookie-parser';
import type { IRouter, Request } from 'express';
import { jsonRoute } from '../../http/json-route';
import { progressStream, wantsProgress } from '../../http/progress-stream';
import { LecError } from '../../shared/errors';
import { metadataOf, type RouteDeps } from '../access/context';
import { requireViewer } from '../access/policy';
import { commitImport } from './commit-import';
import { discardImport } from './discard-import';
import { assertOwnImport, institutionForImport } from './import-access';
import { findImport } from './import-store';
import { importView } from './import-view';
import type { Timings } from './phase-timer';
import { previewImport } from './preview-import';
import { MAX_UPLOAD_BYTES, readUpload, tooLarge } from './read-upload';

export type ImportRoutesDeps = RouteDeps;

/** A change signed in by the SameSite=Lax cookie must come from LEC's own pages. */
function refuseCrossSite(req: Request): void {
  const site = req.header('sec-fetch-site');
  if (!req.header('authorization') && site && site !== 'same-origin' && site !== 'none')
    throw new LecError('FORBIDDEN', 'กรุณานำเข้าข้อมูลจากหน้าระบบ LEC');
}

const queryText = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * `POST /imports` (multipart, field `file`: .xlsx or CSV, at most 20 MB and 100,000 rows) checks
 * a file of pupils and keeps it as a preview; `GET /imports/:id` shows the preview again;
 * `POST /imports/:id/commit` enrols every row or none; `POST /imports/:id/discard` drops it.
 * A client sending `Accept: application/x-ndjson` to the preview or the commit gets lines of JSON
 * instead: `{"progress": {phase, done, total}}` as the rows are read, checked and committed, then
 * `{"result": …}` (the same body) or `{"error": {code, message, status, …}}`.
 * Only the institution itself, signed in, imports into its register.
 */
export function mountPupilImports(app: IRouter, deps: ImportRoutesDeps): void {
  const { store, logger } = deps;
  const m = deps.dataSource.manager;

  app.post(
    '/imports',
    cookieParser(),
    jsonRoute(logger, 'import preview', async (req, res, requestId) => {
      const started = Date.now();
      refuseCrossSite(req);
      const viewer = requireViewer(await deps.authenticate(req));
      // Who may import is known before the body is read: a stranger's 20 MB is not.
      await institutionForImport(m, viewer, queryText(req.query.institutionCode));
      if (Number(req.header('content-length')) > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
      const upload = await readUpload(req);
      const { institution } = await institutionForImport(
        m,
        viewer,
        queryText(req.query.institutionCode) ?? upload.fields.institutionCode,
      );
      const ms: Timings = {};
      // Asked for (Accept: application/x-ndjson): rows read and checked told as the work goes.
      const stream = wantsProgress(req) ? progressStream(res) : null;
      const view = await previewImport(store, viewer, institution, upload, requestId, ms, stream?.report);
      logger.info(
        {
          requestId,
          account: viewer.username,
          institution: institution.code,
          importId: view.importId,
          bytes: upload.bytes.length,
          rows: view.totalRows,
          errorRows: view.errorRowCount,
          ms: Date.now() - started,
          phases: ms,
        },
        'import previewed',
      );
      if (stream) stream.end(view);
      else res.status(201).location(`/imports/${view.importId}`).json(view);
    }),
  );

  app.get(
    '/imports/:id',
    cookieParser(),
    jsonRoute(logger, 'import view', async (req, res) => {
      const rec = assertOwnImport(await deps.authenticate(req), await findImport(m, String(req.params.id)));
      res.json(importView(rec));
    }),
  );

  app.post(
    '/imports/:id/commit',
    cookieParser(),
    jsonRoute(logger, 'import commit', async (req, res, requestId) => {
      const started = Date.now();
      refuseCrossSite(req);
      const viewer = await deps.authenticate(req);
      const id = String(req.params.id);
      const ms: Timings = {};
      const stream = wantsProgress(req) ? progressStream(res) : null;
      const result = await commitImport(store, viewer, id, metadataOf({ viewer, requestId }), {
        timings: ms,
        progress: stream?.report,
      });
      logger.info(
        {
          requestId,
          account: viewer?.username,
          importId: id,
          ...result,
          ms: Date.now() - started,
          phases: ms,
        },
        'import committed',
      );
      if (stream) stream.end({ importId: id, ...result });
      else res.json({ importId: id, ...result });
    }),
  );

  app.post(
    '/imports/:id/discard',
    cookieParser(),
    jsonRoute(logger, 'import discard', async (req, res, requestId) => {
      refuseCrossSite(req);
      res.json(await discardImport(store, await deps.authenticate(req), String(req.params.id), requestId));
    }),
  );
}
