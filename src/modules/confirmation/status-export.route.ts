import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { ReadSourceFor } from '../../http/read-source';
import { badInput } from '../../shared/errors';
import { requireViewer } from '../access/policy';
import { jsonRoute } from '../../http/json-route';
import { writeXlsx } from '../../shared/table-file';
import type { RouteDeps } from '../access/context';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import { todayInBangkok } from '../../shared/thai-calendar';
import { unitAndChildrenStatus } from './confirmation-status';
import { roundForReading } from './confirmation.reads';
import { confirmationStatusTable } from './status-export';

/**
 * `GET /exports/confirmation-status.xlsx?orgUnitCode=…&roundId=…`: who has and has not confirmed,
 * for the unit and each unit directly under it (the round named, else the open or latest one).
 */
export function mountConfirmationStatusExport(
  app: IRouter,
  deps: RouteDeps & { readFrom?: ReadSourceFor },
): void {
  const { logger } = deps;
  const route = jsonRoute(logger, 'confirmation status export', async (req: Request, res: Response) => {
    const viewer = requireViewer(await deps.authenticate(req));
    const dataSource = deps.readFrom ? await deps.readFrom(viewer, res) : deps.dataSource;
    const code =
      typeof req.query.orgUnitCode === 'string' ? req.query.orgUnitCode.trim() : viewer.orgUnit.code;
    const unit = await requireUnitInScope(dataSource.manager, viewer, code);
    const roundId = typeof req.query.roundId === 'string' && req.query.roundId ? req.query.roundId : null;
    const round = await roundForReading(dataSource.manager, roundId);
    if (!round) throw badInput({ roundId: 'ยังไม่มีรอบการบันทึกข้อมูล' });
    const { self, children } = await unitAndChildrenStatus(
      dataSource.manager,
      round.id,
      unit,
      todayInBangkok(new Date()),
    );
    const statuses = [self, ...children];
    const table = await confirmationStatusTable(dataSource.manager, statuses);
    const fileName = `confirmation-status-${unit.code}-${round.id}.xlsx`;
    res.set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${fileName}"` });
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeXlsx(table, `สถานะการยืนยัน ${round.id}`, res);
  });
  app.get('/exports/confirmation-status.xlsx', cookieParser(), route);
}
