import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import { requestIdOf } from '../../http/request-id';
import { badInput } from '../../shared/errors';
import { sendPdf } from '../../http/pdf-response';
import { requireViewer } from '../access/policy';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import { isInstitution, kindLabels } from '../chain/org-unit-kind';
import { renderConfirmedNameList } from './confirmed-name-list.pdf';
import { confirmedNameListOf, laoSummaryOf, roundOf } from './confirmed-reports.reads';
import { renderLaoSummary } from './lao-summary.pdf';
import type { RemovalRegisterDeps } from './removal-register.route';
import { sendHttpError } from '../../http/http-errors';

const roundParam = (req: Request) => (typeof req.query.roundId === 'string' ? req.query.roundId : null);

/**
 * `GET /reports/confirmed-name-list/<institution>.pdf[?roundId=]`: the institution's confirmed name
 * list (whole IDs for the institution itself, masked for its LAO, province and the department).
 * `GET /reports/lao-summary/<lao>.pdf[?roundId=]`: the LAO's confirmed totals for signature, for the
 * LAO, its province and the department. The round defaults to the open one, else the latest.
 */
export function mountConfirmedReports(app: IRouter, deps: RemovalRegisterDeps): void {
  const { dataSource, logger } = deps;
  const m = dataSource.manager;

  async function unitInScope(req: Request, param: string, what: string) {
    const viewer = requireViewer(await deps.authenticate(req));
    const code = String(req.params[param]);
    const unit = await requireUnitInScope(m, viewer, code, { what, notFound: true });
    return { viewer, unit };
  }

  app.get('/reports/confirmed-name-list/:code.pdf', cookieParser(), async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      const { viewer, unit } = await unitInScope(req, 'code', 'สถานศึกษา');
      if (!isInstitution(unit.kind))
        throw badInput(
          { institutionCode: 'บัญชีรายชื่อที่ยืนยันแล้วมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก' },
          `บัญชีรายชื่อที่ยืนยันแล้วมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก หน่วยงาน ${unit.code} เป็น${kindLabels[unit.kind]}`,
        );
      const round = await roundOf(m, roundParam(req));
      const data = await confirmedNameListOf(
        m,
        { ...unit, kind: unit.kind },
        round,
        viewer.orgUnit,
        new Date(),
      );
      const pdf = await renderConfirmedNameList(data);
      logger.info(
        {
          requestId,
          account: viewer.username,
          unit: unit.code,
          round: round.id,
          entries: data.entries.length,
        },
        'confirmed name list printed',
      );
      sendPdf(res, pdf, `confirmed-name-list-${unit.code}-${round.id}.pdf`);
    } catch (e) {
      sendHttpError(res, e, logger, { requestId, route: 'confirmed name list' });
    }
  });

  app.get('/reports/lao-summary/:code.pdf', cookieParser(), async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      const { viewer, unit } = await unitInScope(req, 'code', 'อปท.');
      if (unit.kind !== 'LAO')
        throw badInput(
          { laoCode: 'แบบสรุปสำหรับลงนามเป็นของ อปท.' },
          `แบบสรุปจำนวนที่ยืนยันแล้วสำหรับลงนามเป็นของ อปท. หน่วยงาน ${unit.code} เป็น${kindLabels[unit.kind]}`,
        );
      const round = await roundOf(m, roundParam(req));
      const data = await laoSummaryOf(m, unit, round, new Date());
      const pdf = await renderLaoSummary(data);
      logger.info(
        { requestId, account: viewer.username, unit: unit.code, round: round.id },
        'LAO summary printed',
      );
      sendPdf(res, pdf, `lao-summary-${unit.code}-${round.id}.pdf`);
    } catch (e) {
      sendHttpError(res, e, logger, { requestId, route: 'LAO summary' });
    }
  });
}
