import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import { badInput, LecError } from '../../shared/errors';
import { assertWithin, requireViewer, seesWholeCitizenId } from '../access/policy';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { jsonRoute } from '../../http/json-route';
import { csvOf, writeXlsx } from '../../shared/table-file';
import type { ImportRoutesDeps } from './imports.route';
import { pupilsExportTable } from './pupils-export';
import { isInstitution } from '../chain/org-unit-kind';

const HEADERS = {
  // Personal data: no cache keeps a copy.
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * `GET /exports/pupils.xlsx?institutionCode=…` and `/exports/pupils.csv`: an institution's current
 * pupils in the columns the import reads, Buddhist-era dates and Thai grade labels. Whoever may
 * read the institution's pupils may export them; only the institution itself gets whole citizen
 * IDs and the extra columns.
 */
export function mountPupilExports(app: IRouter, deps: ImportRoutesDeps): void {
  const { dataSource, logger } = deps;
  const exportAs = (format: 'xlsx' | 'csv') =>
    jsonRoute(logger, 'pupil export', async (req: Request, res: Response, requestId: string) => {
      const viewer = requireViewer(await deps.authenticate(req));
      const given = req.query.institutionCode;
      const own = isInstitution(viewer.orgUnit.kind);
      const code =
        typeof given === 'string' && given.trim() ? given.trim() : own ? viewer.orgUnit.code : null;
      if (!code) throw badInput({ institutionCode: 'กรุณาระบุรหัสสถานศึกษา (institutionCode)' });
      const unit = await dataSource.manager.findOneBy(OrgUnitRow, { code });
      if (!unit || !isInstitution(unit.kind))
        throw new LecError('NOT_FOUND', `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${code}`);
      assertWithin(viewer, unit);
      const full = seesWholeCitizenId(viewer.orgUnit, unit.code);
      const table = await pupilsExportTable(dataSource.manager, unit.code, viewer.orgUnit);
      logger.info(
        {
          requestId,
          account: viewer.username,
          institution: unit.code,
          format,
          rows: table.rows.length,
          full,
        },
        'pupils exported',
      );
      const fileName = `pupils-${unit.code}-${new Date().toISOString().slice(0, 10)}.${format}`;
      res.set({ ...HEADERS, 'Content-Disposition': `attachment; filename="${fileName}"` });
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8').send(csvOf(table));
        return;
      }
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await writeXlsx(table, unit.kind === 'CDC' ? 'เด็กเล็ก' : 'นักเรียน', res);
    });
  app.get('/exports/pupils.xlsx', cookieParser(), exportAs('xlsx'));
  app.get('/exports/pupils.csv', cookieParser(), exportAs('csv'));
}
