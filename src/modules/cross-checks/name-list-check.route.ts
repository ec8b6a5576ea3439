import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import { requestIdOf } from '../../http/request-id';
import { LecError } from '../../shared/errors';
import { todayInBangkok } from '../../shared/thai-calendar';
import { metadataOf } from '../access/context';
import { requireKind } from '../access/policy';
import { readNameListXlsx } from '../other-schools/name-list-form.xlsx';
import { checkNameList } from '../other-schools/name-list.check';
import {
  assertOtherSchool,
  otherSchoolOf,
  readUploadedFile,
  type NameListDeps,
} from '../other-schools/name-list.route';
import { readOtherSchoolCounts } from '../other-schools/other-school-counts.reads';
import { RoundRow } from '../rounds/round.entity';
import { storeCertifiedNameList, type StoredNameList } from './store-certified-name-list';
import { sendHttpError } from '../../http/http-errors';

/**
 * `POST /other-schools/<schoolCode>/name-list-check` (multipart `file`, .xlsx ≤ 5 MB): the funding LAO
 * checks the certified name list a school of another affiliation returned against the counts it
 * recorded (other-schools/name-list.route.ts serves the blank form).
 */
export function mountNameListCheck(app: IRouter, deps: NameListDeps): void {
  const { dataSource, logger } = deps;
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
              metadataOf({ viewer, requestId }),
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
        sendHttpError(res, e, logger, { requestId, route: 'name list check' });
      }
    },
  );
}
