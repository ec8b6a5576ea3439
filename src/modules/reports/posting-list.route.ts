import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { requestIdOf } from '../../http/request-id';
import { badInput } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf } from '../../http/pdf-response';
import { requireViewer } from '../access/policy';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import type { Viewer } from '../access/viewer';
import { isInstitution, kindLabels } from '../chain/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { gradeLabels, grades, type Grade } from '../pupils/rules/grades';
import { academicYearOf, todayInBangkok } from '../../shared/thai-calendar';
import { renderPostingList } from './posting-list.pdf';
import { sendHttpError } from '../../http/http-errors';

export interface PostingListDeps {
  dataSource: DataSource;
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

/**
 * `GET /reports/posting-list/<institutionCode>.pdf`: the public name list for posting (ปิดประกาศ):
 * the current register's names and grades, no IDs, at any time (not tied to a round). Readable by
 * the institution and the levels above it, like its register.
 */
export function mountPostingList(app: IRouter, deps: PostingListDeps): void {
  const { dataSource, logger } = deps;
  app.get(
    '/reports/posting-list/:institutionCode.pdf',
    cookieParser(),
    async (req: Request, res: Response) => {
      const requestId = requestIdOf(req);
      try {
        const viewer = requireViewer(await deps.authenticate(req));
        const code = String(req.params.institutionCode);
        const m = dataSource.manager;
        const unit = await requireUnitInScope(m, viewer, code, { what: 'สถานศึกษา', notFound: true });
        if (!isInstitution(unit.kind))
          throw badInput(
            { institutionCode: 'ประกาศรายชื่อมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก' },
            `ประกาศรายชื่อมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก หน่วยงาน ${code} เป็น${kindLabels[unit.kind]}`,
          );
        const pupils: { prefix: string; firstName: string; lastName: string; grade: Grade }[] = await m.query(
          `SELECT prefix, first_name AS "firstName", last_name AS "lastName", grade FROM pupils
          WHERE institution_code = $1 AND status = 'ACTIVE'`,
          [code],
        );
        const order = (g: Grade) => grades.indexOf(g);
        pupils.sort(
          (a, b) =>
            order(a.grade) - order(b.grade) ||
            a.firstName.localeCompare(b.firstName, 'th') ||
            a.lastName.localeCompare(b.lastName, 'th'),
        );
        const [lao, province] = await Promise.all([
          unit.laoCode ? m.findOneBy(OrgUnitRow, { code: unit.laoCode }) : null,
          unit.provinceCode ? m.findOneBy(OrgUnitRow, { code: unit.provinceCode }) : null,
        ]);
        const printedAt = new Date();
        const pdf = await renderPostingList({
          kind: unit.kind,
          institution: { code: unit.code, name: unit.name },
          laoName: lao?.name ?? null,
          district: unit.district ?? lao?.district ?? null,
          provinceName: province?.name ?? null,
          academicYear: academicYearOf(todayInBangkok(printedAt)),
          printedAt,
          entries: pupils.map((p) => ({
            name: `${p.prefix}${p.firstName} ${p.lastName}`,
            grade: gradeLabels[p.grade].short,
          })),
        });
        logger.info(
          { requestId, account: viewer.username, unit: code, entries: pupils.length },
          'posting list printed',
        );
        sendPdf(res, pdf, `posting-list-${code}-${todayInBangkok(printedAt)}.pdf`);
      } catch (e) {
        sendHttpError(res, e, logger, { requestId, route: 'posting list' });
      }
    },
  );
}
