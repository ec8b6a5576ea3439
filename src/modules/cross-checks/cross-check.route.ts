import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import type { Viewer } from '../access/viewer';
import { jsonRoute } from '../../http/json-route';
import { crossCheckReport } from './cross-check.reads';
import { crossCheckWorkbook } from './cross-check.xlsx';

export interface CrossCheckExportDeps {
  dataSource: DataSource;
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** `GET /exports/name-list-cross-check.xlsx?roundId=&orgUnitCode=`: the nameListCrossCheck report as xlsx. */
export function mountCrossCheckExport(app: IRouter, deps: CrossCheckExportDeps): void {
  const { dataSource, logger } = deps;
  const route = jsonRoute(
    logger,
    'cross-check export',
    async (req: Request, res: Response, requestId: string) => {
      const viewer = await deps.authenticate(req);
      const report = await crossCheckReport(dataSource.manager, viewer, {
        roundId: text(req.query.roundId),
        orgUnitCode: text(req.query.orgUnitCode),
      });
      const bytes = await crossCheckWorkbook(report);
      // Counts only in the log: never an ID.
      logger.info(
        {
          requestId,
          account: viewer?.username,
          unit: report.unit.code,
          duplicates: report.duplicates.length,
        },
        'cross-check exported',
      );
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="name-list-cross-check-${report.unit.code}-${report.roundId}.xlsx"`,
      });
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(bytes);
    },
  );
  app.get('/exports/name-list-cross-check.xlsx', cookieParser(), route);
}
