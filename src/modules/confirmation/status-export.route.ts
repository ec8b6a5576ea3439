import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import { badInput } from '../../shared/errors';
import { assertWithin, requireViewer } from '../access/policy';
import { jsonRoute, type ImportRoutesDeps } from '../imports/imports.route';
import { writeXlsx } from '../imports/pupils-export';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { todayInBangkok } from '../pupils/rules/thai-dates';
import { confirmationStatuses } from './confirmation-status';
import { roundForReading } from './confirmation.reads';
import { confirmationStatusTable } from './status-export';

/**
 * `GET /exports/confirmation-status.xlsx?orgUnitCode=…&roundId=…`: who has and has not confirmed,
 * for the unit and each unit directly under it (the round named, else the open or latest one).
 */
export function mountConfirmationStatusExport(app: IRouter, deps: ImportRoutesDeps): void {
  const { dataSource, logger } = deps;
  const route = jsonRoute(logger, 'confirmation status export', async (req: Request, res: Response) => {
    const viewer = requireViewer(await deps.authenticate(req));
    const code =
      typeof req.query.orgUnitCode === 'string' ? req.query.orgUnitCode.trim() : viewer.orgUnit.code;
    const unit = await dataSource.manager.findOneBy(OrgUnitRow, { code });
    if (!unit) throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${code}` });
    assertWithin(viewer, unit);
    const roundId = typeof req.query.roundId === 'string' && req.query.roundId ? req.query.roundId : null;
    const round = await roundForReading(dataSource.manager, roundId);
    if (!round) throw badInput({ roundId: 'ยังไม่มีรอบการบันทึกข้อมูล' });
    const children: { code: string; kind: string }[] = await dataSource.query(
      `SELECT code, kind FROM org_units WHERE parent_code = $1 AND kind IN ('PROVINCE', 'LAO', 'SCHOOL', 'CDC') ORDER BY code`,
      [unit.code],
    );
    const statuses = await confirmationStatuses(
      dataSource.manager,
      round.id,
      [{ code: unit.code, kind: unit.kind }, ...children],
      todayInBangkok(new Date()),
    );
    const table = await confirmationStatusTable(dataSource.manager, statuses);
    const fileName = `confirmation-status-${unit.code}-${round.id}.xlsx`;
    res.set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${fileName}"` });
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsx(table, `สถานะการยืนยัน ${round.id}`, res);
  });
  app.get('/exports/confirmation-status.xlsx', cookieParser(), route);
}
