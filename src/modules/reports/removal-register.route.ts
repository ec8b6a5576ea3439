import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import { In, type DataSource } from 'typeorm';
import { requestIdOf } from '../../http/request-id';
import { badInput } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf } from '../../http/pdf-response';
import { requireViewer, seesWholeCitizenId } from '../access/policy';
import { requireUnitInScope } from '../org-units/org-unit.loaders';
import type { Viewer } from '../access/viewer';
import { AccountRow, ProfileRow } from '../accounts/account.entity';
import { isInstitution, kindLabels } from '../chain/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { PupilRow } from '../pupils/pupil.entity';
import { nonExistenceReasons } from '../pupils/pupil.events';
import { reasonLabels } from '../pupils/rules/reason-labels';
import { citizenIdFor, formatPupilId } from '../pupils/rules/citizen-id';
import { gradeLabels, isSchoolGrade } from '../pupils/rules/grades';
import { ageOn, todayInBangkok } from '../../shared/thai-calendar';
import {
  renderRemovalRegister,
  type RemovalRegisterData,
  type RemovalRegisterEntry,
} from './removal-register.pdf';
import { sendHttpError } from '../../http/http-errors';

export interface RemovalRegisterDeps {
  dataSource: DataSource;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

/** The reason as the guideline numbers it: "(2) ออกระหว่างภาคเรียน…". */
const reasonText = (r: PupilRow['removalReason']) =>
  r ? `(${nonExistenceReasons.indexOf(r) + 1}) ${reasonLabels[r]}` : '';

/** A school pupil's grade (ป.1); a CDC child's age in whole years on the day of removal. */
function gradeText(p: PupilRow): string {
  if (isSchoolGrade(p.grade)) return gradeLabels[p.grade].short;
  return p.removedAt ? `${ageOn(p.birthDate, todayInBangkok(p.removedAt))} ปี` : gradeLabels[p.grade].short;
}

async function registerOf(
  ds: DataSource,
  unit: OrgUnitRow & { kind: 'SCHOOL' | 'CDC' },
  looker: { code: string },
  printedAt: Date,
): Promise<RemovalRegisterData> {
  const m = ds.manager;
  const pupils = await m.find(PupilRow, {
    select: {
      id: true,
      citizenId: true,
      prefix: true,
      firstName: true,
      lastName: true,
      grade: true,
      birthDate: true,
      removalReason: true,
      removalNote: true,
      removedAt: true,
      removedByAccount: true,
      removedByProfile: true,
    },
    where: { institutionCode: unit.code, status: 'REMOVED' },
    // A register runs in the order its entries were made.
    order: { removedAt: 'ASC', lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
  });
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [lao, province, account, accounts, profiles] = await Promise.all([
    unit.laoCode ? m.findOneBy(OrgUnitRow, { code: unit.laoCode }) : null,
    unit.provinceCode ? m.findOneBy(OrgUnitRow, { code: unit.provinceCode }) : null,
    m.findOneBy(AccountRow, { orgUnitCode: unit.code }),
    m.findBy(AccountRow, { id: In(ids(pupils.map((p) => p.removedByAccount))) }),
    m.findBy(ProfileRow, { id: In(ids(pupils.map((p) => p.removedByProfile))) }),
  ]);
  const responsible = account?.profileId ? await m.findOneBy(ProfileRow, { id: account.profileId }) : null;
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const profileOf = new Map(profiles.map((p) => [p.id, p]));
  const entries = pupils.map((p): RemovalRegisterEntry => {
    const profile = p.removedByProfile ? profileOf.get(p.removedByProfile) : undefined;
    const username = p.removedByAccount ? accountOf.get(p.removedByAccount)?.username : undefined;
    return {
      pupilId: citizenIdFor(looker, unit.code, p.citizenId, formatPupilId),
      name: `${p.prefix}${p.firstName} ${p.lastName}`,
      grade: gradeText(p),
      reason: reasonText(p.removalReason),
      note: p.removalNote,
      removedAt: p.removedAt ?? printedAt,
      by: profile
        ? { name: `${profile.firstName} ${profile.lastName}`, position: profile.position }
        : { name: username ?? 'ระบบ', position: null },
    };
  });
  return {
    kind: unit.kind,
    institution: { code: unit.code, name: unit.name },
    laoName: lao?.name ?? null,
    district: unit.district ?? lao?.district ?? null,
    provinceName: province?.name ?? null,
    printedAt,
    masked: !seesWholeCitizenId(looker, unit.code),
    responsible: responsible && {
      name: `${responsible.firstName} ${responsible.lastName}`,
      position: responsible.position,
    },
    entries,
  };
}

/**
 * `GET /reports/removal-register/<institutionCode>.pdf`: the register of pupils (or a CDC's
 * children) removed as non-existent, which the institution keeps on file (guideline 5.3.4).
 * Readable where `removedPupils` is: the institution itself (with whole IDs), its LAO, province
 * and the department (with masked IDs). Signed in by the session cookie or a bearer token;
 * refusals are JSON with the API's code and a Thai message.
 */
export function mountRemovalRegister(app: IRouter, deps: RemovalRegisterDeps): void {
  const { dataSource, logger } = deps;
  app.get(
    '/reports/removal-register/:institutionCode.pdf',
    cookieParser(),
    async (req: Request, res: Response) => {
      const requestId = requestIdOf(req);
      const started = Date.now();
      try {
        const viewer = requireViewer(await deps.authenticate(req));
        const code = String(req.params.institutionCode);
        const unit = await requireUnitInScope(dataSource.manager, viewer, code, {
          what: 'สถานศึกษา',
          notFound: true,
        });
        if (!isInstitution(unit.kind))
          throw badInput(
            { institutionCode: 'ทะเบียนนักเรียนที่ไม่มีตัวตนมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก' },
            `ทะเบียนนักเรียนที่ไม่มีตัวตนมีเฉพาะของโรงเรียนและศูนย์พัฒนาเด็กเล็ก หน่วยงาน ${code} เป็น${kindLabels[unit.kind]}`,
          );
        const printedAt = new Date();
        const data = await registerOf(dataSource, { ...unit, kind: unit.kind }, viewer.orgUnit, printedAt);
        const pdf = await renderRemovalRegister(data);
        logger.info(
          {
            requestId,
            account: viewer.username,
            unit: unit.code,
            entries: data.entries.length,
            masked: data.masked,
            ms: Date.now() - started,
          },
          'removal register printed',
        );
        sendPdf(res, pdf, `removal-register-${unit.code}-${todayInBangkok(printedAt)}.pdf`);
      } catch (e) {
        sendHttpError(res, e, logger, { requestId, route: 'removal register' });
      }
    },
  );
}
