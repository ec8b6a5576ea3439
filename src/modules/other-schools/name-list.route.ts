import busboy from 'busboy';
import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/event-store.service';
import { requestIdOf } from '../../http/request-id';
import { badInput, LecError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf, sendPdfRefusal } from '../../shared/pdf/pdf-response';
import { assertWithin, requireKind } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { kindLabels } from '../org-units/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { academicYearOf, todayInBangkok } from '../pupils/rules/thai-dates';
import { RoundRow } from '../rounds/round.entity';
import { renderNameListPdf } from './name-list-form.pdf';
import {
  MAX_NAME_LIST_BYTES,
  readNameListXlsx,
  renderNameListXlsx,
  type NameListFormData,
} from './name-list-form.xlsx';
import { checkNameList, notANameList } from './name-list.check';
import { readOtherSchoolCounts } from './other-school-counts.read';
import { storeCertifiedNameList, type StoredNameList } from '../cross-checks/store-certified-name-list';

export interface NameListDeps {
  dataSource: DataSource;
  store: EventStore;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The school of another affiliation a request names; 404 / 400 in Thai when there is none. */
async function otherSchoolOf(ds: DataSource, req: Request): Promise<OrgUnitRow> {
  const code = String(req.params.schoolCode);
  const unit = await ds.manager.findOneBy(OrgUnitRow, { code });
  if (!unit) throw new LecError('NOT_FOUND', `ไม่พบสถานศึกษารหัส ${code}`);
  return unit;
}

function assertOtherSchool(unit: OrgUnitRow): void {
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

/** The file of a `multipart/form-data` request, field `file`, up to 5 MB; a Thai 400 / 413 otherwise. */
function readUploadedFile(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_NAME_LIST_BYTES, files: 1, fields: 10, parts: 20 },
      });
    } catch {
      reject(notANameList('กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file (ไฟล์ Excel .xlsx)'));
      return;
    }
    const chunks: Buffer[] = [];
    let got = false;
    let truncated = false;
    parser.on('file', (name, stream) => {
      if (name !== 'file' || got) {
        stream.resume();
        return;
      }
      got = true;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', () => reject(notANameList('อ่านไฟล์ที่ส่งมาไม่ได้ (ข้อมูลไม่สมบูรณ์) กรุณาส่งใหม่')));
    parser.on('close', () => {
      if (truncated)
        reject(
          notANameList(
            `ไฟล์มีขนาดเกิน ${MAX_NAME_LIST_BYTES / 1024 / 1024} MB แบบรับรองรายชื่อนักเรียนไม่ควรใหญ่ขนาดนี้`,
          ),
        );
      else if (!got) reject(notANameList('กรุณาแนบไฟล์แบบรับรองรายชื่อนักเรียน (.xlsx) ในช่อง file'));
      else resolve(Buffer.concat(chunks));
    });
    req.pipe(parser);
  });
}

/**
 * The certified name list of a school of another affiliation (แบบรับรองรายชื่อนักเรียน; DOMAIN.md,
 * Records; source 004 item 2):
 * - `GET /other-schools/<schoolCode>/name-list-form.xlsx` and `.pdf`: the blank form the LAO sends
 *   the school, for its funding LAO, its province and the department;
 * - `POST /other-schools/<schoolCode>/name-list-check` (multipart `file`, .xlsx ≤ 5 MB): the funding
 *   LAO checks the returned list against the counts it recorded.
 * Signed in by the session cookie or a bearer token; refusals are JSON with the API's code and a
 * Thai message.
 */
export function mountNameList(app: IRouter, deps: NameListDeps): void {
  const { dataSource, logger } = deps;

  const form = (ext: 'xlsx' | 'pdf') => async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      const viewer = requireKind(await deps.authenticate(req), 'DEPARTMENT', 'PROVINCE', 'LAO');
      const unit = await otherSchoolOf(dataSource, req);
      assertWithin(viewer, unit);
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
      sendPdfRefusal(res, e, logger, { requestId, route: 'name list form' });
    }
  };
  app.get('/other-schools/:schoolCode/name-list-form.xlsx', cookieParser(), form('xlsx'));
  app.get('/other-schools/:schoolCode/name-list-form.pdf', cookieParser(), form('pdf'));

  // A check of the returned list against the recorded counts; during an open round the list is
  // also kept as the school's certified list of that round (an event with the file's digest and the
  // valid IDs, grades and sexes; no names), for the cross-check across affiliations. The LAO still
  // records counts with recordOtherSchoolCounts.
  app.post(
    '/other-schools/:schoolCode/name-list-check',
    cookieParser(),
    async (req: Request, res: Response) => {
      const requestId = requestIdOf(req);
      const started = Date.now();
      try {
        const viewer = requireKind(await deps.authenticate(req), 'LAO');
        const unit = await otherSchoolOf(dataSource, req);
        if (unit.laoCode !== viewer.orgUnit.code)
          throw new LecError(
            'FORBIDDEN',
            `${unit.name} (${unit.code}) ไม่ได้อยู่ในความรับผิดชอบของ อปท. ของท่าน: ตรวจสอบรายชื่อได้เฉพาะ อปท. ที่อุดหนุนสถานศึกษานั้น`,
          );
        assertOtherSchool(unit);
        const file = await readUploadedFile(req);
        const rows = await readNameListXlsx(file);
        const [view] = await readOtherSchoolCounts(dataSource.manager, [unit.code]);
        const today = todayInBangkok(new Date());
        const check = checkNameList(rows, view.counts, today);
        const round = await dataSource.manager.findOne(RoundRow, { where: { status: 'OPEN' } });
        const stored: StoredNameList | null = round
          ? await storeCertifiedNameList(
              deps.store,
              { roundId: round.id, schoolCode: unit.code, laoCode: viewer.orgUnit.code, file, rows, today },
              {
                accountId: viewer.accountId,
                profileId: viewer.profileId,
                orgUnitCode: viewer.orgUnit.code,
                requestId,
                at: new Date().toISOString(),
              },
            )
          : null;
        // Counts only: the log never holds a name or an ID.
        logger.info(
          {
            requestId,
            account: viewer.username,
            unit: unit.code,
            rows: check.rows,
            invalid: check.invalidRows.length,
            differences: check.differences.length,
            stored: stored && { roundId: stored.roundId, appended: stored.appended },
            ms: Date.now() - started,
          },
          'name list checked',
        );
        res
          .status(200)
          .set({ 'Cache-Control': 'no-store' })
          .json({
            school: { code: unit.code, name: unit.name },
            recordedAt: view.recordedAt,
            ...check,
            stored,
            message: `${check.message} ${
              stored
                ? stored.appended
                  ? `เก็บแบบรับรองรายชื่อนี้เป็นของรอบ ${stored.roundId} แล้ว`
                  : `แบบรับรองรายชื่อนี้เก็บไว้สำหรับรอบ ${stored.roundId} แล้ว (ไฟล์เดียวกัน ไม่ได้เก็บซ้ำ)`
                : 'ไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่ จึงตรวจสอบได้แต่ไม่ได้เก็บรายชื่อไว้'
            }`,
          });
      } catch (e) {
        // An upload refused before its body was read: drain it, so the client gets the answer.
        if (!req.readableEnded) req.resume();
        sendPdfRefusal(res, e, logger, { requestId, route: 'name list check' });
      }
    },
  );
}
