import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadSourceFor } from '../../http/read-source';
import type { Logger } from '../../shared/logger';
import { requireViewer } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { jsonRoute } from '../../http/json-route';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { RoundRow } from '../rounds/round.entity';
import { countsWorkbook, type ChildCounts } from './counts-xlsx';
import { enrolmentCounts, enrolmentCountsAsOf, type CountsRequest } from './enrolment-counts.reads';
import { ageGroupsOf } from './figures.view';
import { readLiveAgeGroups } from './read-live-counts';

export interface CountsExportDeps {
  dataSource: DataSource;
  /** A replica for this read when one is fresh enough (LEC_DATABASE_REPLICA_URLS). */
  readFrom?: ReadSourceFor;
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The units one level down: provinces, LAOs (of a district), institutions and funded schools. */
async function childrenOf(ds: DataSource, unit: OrgUnitRow, district: string | null): Promise<OrgUnitRow[]> {
  return ds.manager.find(OrgUnitRow, {
    where: { parentCode: unit.code, ...(district ? { district } : {}) },
    order: { code: 'ASC' },
  });
}

/**
 * `GET /exports/counts/<unit>.xlsx?roundId=&confirmedOnly=true&district=&at=`: the figures of a
 * unit as enrolmentCounts (or enrolmentCountsAsOf with `at`) gives them, with a sheet of the units
 * directly below it. Whoever may read the unit's counts may export them.
 */
export function mountCountsExport(app: IRouter, deps: CountsExportDeps): void {
  const { logger } = deps;
  const route = jsonRoute(logger, 'counts export', async (req: Request, res: Response, requestId: string) => {
    const viewer = requireViewer(await deps.authenticate(req));
    const dataSource = deps.readFrom ? await deps.readFrom(viewer, res) : deps.dataSource;
    const m = dataSource.manager;
    const unitCode = String(req.params.unit);
    const at = text(req.query.at);
    const base: CountsRequest = {
      orgUnitCode: unitCode,
      roundId: text(req.query.roundId),
      confirmedOnly: text(req.query.confirmedOnly) === 'true',
      district: text(req.query.district),
    };
    const countsOf = (orgUnitCode: string, district: string | null) =>
      at
        ? enrolmentCountsAsOf(m, viewer, { orgUnitCode, at, district })
        : enrolmentCounts(m, viewer, { ...base, orgUnitCode, district });
    const counts = await countsOf(unitCode, base.district ?? null);
    const unit = (await m.findOneBy(OrgUnitRow, { code: counts.orgUnitCode }))!;
    const children: ChildCounts[] = [];
    for (const child of await childrenOf(dataSource, unit, counts.district))
      children.push({ unit: child, counts: await countsOf(child.code, null) });
    const ageGroups =
      counts.cdcAgeGroups !== undefined
        ? counts.cdcAgeGroups
        : ageGroupsOf(await readLiveAgeGroups(m, counts.scope, counts.referenceDate));
    const round = counts.roundId ? await m.findOneBy(RoundRow, { id: counts.roundId }) : null;
    const bytes = await countsWorkbook({
      unit,
      counts,
      ageGroups,
      children,
      roundName: round && `ครั้งที่ ${round.roundNo} ปีการศึกษา ${round.academicYear}`,
    });
    logger.info(
      { requestId, account: viewer.username, unit: unit.code, mode: counts.mode, children: children.length },
      'counts exported',
    );
    const fileName = `counts-${unit.code}-${counts.mode.toLowerCase()}-${new Date().toISOString().slice(0, 10)}.xlsx`;
    res.set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${fileName}"` });
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(bytes);
  });
  app.get('/exports/counts/:unit.xlsx', cookieParser(), route);
}
