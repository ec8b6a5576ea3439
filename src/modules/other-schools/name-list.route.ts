import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/event-store.service';
import { receiveFile } from '../../http/multipart';
import { requestIdOf } from '../../http/request-id';
import { badInput, LecError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf } from '../../http/pdf-response';
import { requireKind } from '../access/policy';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import type { Viewer } from '../access/viewer';
import { kindLabels } from '../chain/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import { renderNameListPdf } from './name-list-form.pdf';
import { MAX_NAME_LIST_BYTES, renderNameListXlsx, type NameListFormData } from './name-list-form.xlsx';
import { notANameList } from './name-list.check';
import { sendHttpError } from '../../http/http-errors';

export interface NameListDeps {
  dataSource: DataSource;
  store: EventStore;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The school of another affiliation a request names; 404 / 400 in Thai when there is none. */
export async function otherSchoolOf(ds: DataSource, req: Request): Promise<OrgUnitRow> {
  const code = String(req.params.schoolCode);
  const unit = await ds.manager.findOneBy(OrgUnitRow, { code });
  if (!unit) throw new LecError('NOT_FOUND', `ไม่พบสถานศึกษารหัส ${code}`);
  return unit;
}

export function assertOtherSchool(unit: OrgUnitRow): void {
  if (unit.kind !== 'OTHER_SCHOOL')
    throw badInput(
      { schoolCode: 'แบบรับรองรายชื่อนักเรียนใช้กับสถานศึกษาสังกัดอื่นที่ อปท. อุดหนุนเท่านั้น' },
      `แบบรับรองรายชื่อนักเรียนใช้กับสถานศึกษาสังกัดอื่นที่ อปท. อุดหนุนเท่านั้น หน่วยงาน ${unit.code} เป็น${kindLabels[unit.kind]}`,
    );
}

/** The header block: the school, its funding LAO and province, and the academic year of the open round (else today's). */
async function formDataOf(ds: DataSource, unit: OrgUnitRow): Promise<NameListFormData> {
  const m = ds.manager;
  const [lao, province, round] = await Promise.all([
    unit.laoCode ? m.findOneBy(OrgUnitRow, { code: unit.laoCode }) : null,
    unit.provinceCode ? m.findOneBy(OrgUnitRow, { code: unit.provinceCode }) : null,
    m.findOne(RoundRow, { where: { status: 'OPEN' }, order: { openedAt: 'DESC' } }),
  ]);
  return {
    school: { code: unit.code, name: unit.name },
    lao: lao && { code: lao.code, name: lao.name },
    provinceName: province?.name ?? null,
    academicYear: round?.academicYear ?? academicYearOf(todayInBangkok(new Date())),
  };
}

/** The file of a `multipart/form-data` request, field `file`, up to 5 MB; a Thai 400 / 413 otherwise (src/http/multipart.ts). */
export async function readUploadedFile(req: Request): Promise<Buffer> {
  const r = await receiveFile(req, { maxBytes: MAX_NAME_LIST_BYTES, maxFields: 10, maxParts: 20 });
  if (r.ok) return r.bytes;
  throw notANameList(
    r.problem === 'too-large'
      ? `ไฟล์มีขนาดเกิน ${MAX_NAME_LIST_BYTES / 1024 / 1024} MB แบบรับรองรายชื่อนักเรียนไม่ควรใหญ่ขนาดนี้`
      : r.problem === 'no-file'
        ? 'กรุณาแนบไฟล์แบบรับรองรายชื่อนักเรียน (.xlsx) ในช่อง file'
        : r.problem === 'not-multipart'
          ? 'กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file (ไฟล์ Excel .xlsx)'
          : 'อ่านไฟล์ที่ส่งมาไม่ได้ (ข้อมูลไม่สมบูรณ์) กรุณาส่งใหม่',
  );
}

/**
 * The certified name list of a school of another affiliation (แบบรับรองรายชื่อนักเรียน; DOMAIN.md,
 * Records; source 004 item 2):
 * - `GET /other-schools/<schoolCode>/name-list-form.xlsx` and `.pdf`: the blank form the LAO sends
 *   the school, for its funding LAO, its province and the department;
 * - `POST /other-schools/<schoolCode>/name-list-check`: in cross-checks/name-list-check.route.ts (it keeps
 *   the list for the cross-check).
 * Signed in by the session cookie or a bearer token; refusals are JSON with the API's code and a
 * Thai message.
 */
export function mountNameList(app: IRouter, deps: NameListDeps): void {
  const { dataSource, logger } = deps;

  const form = (ext: 'xlsx' | 'pdf') => async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      const viewer = requireKind(await deps.authenticate(req), 'DEPARTMENT', 'PROVINCE', 'LAO');
      const unit = await requireUnitInScope(dataSource.manager, viewer, String(req.params.schoolCode), {
        what: 'สถานศึกษา',
        notFound: true,
      });
      assertOtherSchool(unit);
      const data = await formDataOf(dataSource, unit);
      const filename = `name-list-form-${unit.code}.${ext}`;
      logger.info({ requestId, account: viewer.username, unit: unit.code, ext }, 'name list form');
      if (ext === 'pdf') {
        sendPdf(res, await renderNameListPdf(data), filename);
        return;
      }
      const file = await renderNameListXlsx(data);
      res
        .status(200)
        .set({
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Content-Length': String(file.length),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        .end(file);
    } catch (e) {
      sendHttpError(res, e, logger, { requestId, route: 'name list form' });
    }
  };
  app.get('/other-schools/:schoolCode/name-list-form.xlsx', cookieParser(), form('xlsx'));
  app.get('/other-schools/:schoolCode/name-list-form.pdf', cookieParser(), form('pdf'));
}
