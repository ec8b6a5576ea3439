import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/event-store.service';
import { metadataOf } from '../../graphql/context';
import { requestIdOf } from '../../http/request-id';
import { badInput, LecError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf, sendPdfRefusal } from '../../shared/pdf/pdf-response';
import { canIssueCredentials, requireKind } from '../access/policy';
import type { Viewer } from '../access/viewer';
import type { OrgUnitKind } from '../org-units/org-unit-kind';
import { kindLabels } from '../org-units/org-unit-kind';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { clientInfoOf } from './authenticate';
import { renderCredentialSheet, type CredentialCard } from './credential-sheet.pdf';
import { issueCredentials } from './issue-credentials';

export interface CredentialSheetDeps {
  dataSource: DataSource;
  store: EventStore;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

/** A unit under the sheet's unit that holds (or may hold) an account. */
interface Candidate {
  code: string;
  name: string;
  kind: OrgUnitKind;
  provinceCode: string | null;
  laoCode: string | null;
  district: string | null;
  laoName: string | null;
  accountId: string | null;
  mustCompleteFirstLogin: boolean | null;
}

/** Who may print the sheet of a unit: the department for any province or LAO; a province for itself and its LAOs. */
function canPrintSheet(viewer: Viewer, unit: OrgUnitRow): boolean {
  if (viewer.orgUnit.kind === 'DEPARTMENT') return true;
  if (viewer.orgUnit.kind === 'PROVINCE')
    return (
      unit.code === viewer.orgUnit.code || (unit.kind === 'LAO' && unit.provinceCode === viewer.orgUnit.code)
    );
  return false;
}

/** The units under a province (its LAOs, schools, CDCs) or an LAO (itself, its schools, CDCs), in handing-out order. */
async function candidatesOf(ds: DataSource, unit: OrgUnitRow): Promise<Candidate[]> {
  const scope = unit.kind === 'PROVINCE' ? 'u.province_code' : 'u.lao_code';
  return ds.query(
    `SELECT u.code, u.name, u.kind, u.province_code AS "provinceCode", u.lao_code AS "laoCode",
            COALESCE(u.district, l.district) AS district, l.name AS "laoName",
            a.id AS "accountId", a.must_complete_first_login AS "mustCompleteFirstLogin"
       FROM org_units u
       LEFT JOIN org_units l ON l.code = u.lao_code
       LEFT JOIN accounts a ON a.org_unit_code = u.code
      WHERE ${scope} = $1 AND u.kind IN ('LAO', 'SCHOOL', 'CDC')
      ORDER BY l.district NULLS LAST, u.lao_code, CASE u.kind WHEN 'LAO' THEN 0 WHEN 'SCHOOL' THEN 1 ELSE 2 END, u.code`,
    [unit.code],
  );
}

/** `?units=a,b` (or repeated), trimmed and without duplicates; null when not given. */
function unitCodesOf(req: Request): string[] | null {
  const raw = req.query.units;
  if (raw === undefined) return null;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [],
  );
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

function flagOf(req: Request, name: string): boolean {
  const v = req.query[name];
  return typeof v === 'string' && ['1', 'true', 'yes'].includes(v.toLowerCase());
}

/** Where the login page is: LEC_PUBLIC_URL in production, else where this request came in. */
function publicOrigin(req: Request): string {
  const configured = process.env.LEC_PUBLIC_URL?.trim().replace(/\/+$/, '');
  return configured || `${req.protocol}://${req.get('host')}`;
}

function headingOf(unit: OrgUnitRow): string {
  return unit.kind === 'PROVINCE' ? `จังหวัด${unit.name}` : unit.name;
}

function contextOf(sheetUnit: OrgUnitRow, c: Candidate): string | null {
  if (c.kind === 'LAO')
    return c.district && (/^(อำเภอ|เขต)/.test(c.district) ? c.district : `อำเภอ${c.district}`);
  return sheetUnit.kind === 'PROVINCE' ? c.laoName : null;
}

/**
 * `GET /credentials/<unitCode>.pdf`: the printable credential sheet of a province or an LAO.
 *
 * Printing (re)issues the credentials it shows — an initial password is shown only once — so by
 * default it covers only the units under the given one that have no account yet or have not
 * completed their first login (people at work are not reset); `?units=a,b` limits it to those
 * units (re-issuing them whatever their state: a forgotten password), `?all=1` re-issues everyone.
 * Every issue goes through issueCredentials: its events, its audit line, the end of the
 * account's sessions. The department prints for any province or LAO; a province for itself (its
 * LAOs and their institutions) and for any of its LAOs.
 */
export function mountCredentialSheets(app: IRouter, deps: CredentialSheetDeps): void {
  const { dataSource, store, logger } = deps;
  app.get('/credentials/:unitCode.pdf', cookieParser(), async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    const started = Date.now();
    try {
      // Express answers HEAD with the GET route: a probe must not re-issue passwords.
      if (req.method !== 'GET') {
        res.set('Allow', 'GET').status(405).end();
        return;
      }
      const viewer = requireKind(await deps.authenticate(req), 'DEPARTMENT', 'PROVINCE');
      // A GET that changes state, signed in by a SameSite=Lax cookie: refuse another site's link to it.
      const site = req.header('sec-fetch-site');
      if (!req.header('authorization') && site && site !== 'same-origin' && site !== 'none')
        throw new LecError('FORBIDDEN', 'กรุณาพิมพ์ใบแจ้งบัญชีผู้ใช้งานจากหน้าระบบ LEC');

      const code = String(req.params.unitCode);
      const unit = await dataSource.manager.findOneBy(OrgUnitRow, { code });
      if (!unit) throw new LecError('NOT_FOUND', `ไม่พบหน่วยงานรหัส ${code}`);
      if (unit.kind !== 'PROVINCE' && unit.kind !== 'LAO')
        throw badInput(
          { unitCode: 'พิมพ์ใบแจ้งบัญชีผู้ใช้งานได้เฉพาะของจังหวัดหรือองค์กรปกครองส่วนท้องถิ่น (อปท.)' },
          `พิมพ์ใบแจ้งบัญชีผู้ใช้งานได้เฉพาะของจังหวัดหรือองค์กรปกครองส่วนท้องถิ่น (อปท.) หน่วยงาน ${code} เป็น${kindLabels[unit.kind]}`,
        );
      if (!canPrintSheet(viewer, unit))
        throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์พิมพ์ใบแจ้งบัญชีผู้ใช้งานของหน่วยงาน ${code}`);

      const candidates = await candidatesOf(dataSource, unit);
      const codes = unitCodesOf(req);
      let selected: Candidate[];
      if (codes) {
        const known = new Set(candidates.map((c) => c.code));
        const unknown = codes.filter((c) => !known.has(c));
        if (!codes.length || unknown.length)
          throw badInput({
            units: codes.length
              ? `ไม่พบหน่วยงานรหัส ${unknown.join(', ')} ที่มีบัญชีผู้ใช้งานในสังกัดของ ${code}`
              : 'กรุณาระบุรหัสหน่วยงานอย่างน้อยหนึ่งหน่วยงาน',
          });
        const wanted = new Set(codes);
        selected = candidates.filter((c) => wanted.has(c.code));
      } else if (flagOf(req, 'all')) {
        selected = candidates;
      } else {
        selected = candidates.filter((c) => !c.accountId || c.mustCompleteFirstLogin);
      }
      if (selected.some((c) => !canIssueCredentials(viewer.orgUnit, c)))
        throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์ออกบัญชีผู้ใช้งานให้หน่วยงานในสังกัดของ ${code}`);

      const metadata = metadataOf({ viewer, requestId });
      const client = clientInfoOf(req, requestId);
      const origin = publicOrigin(req);
      const cards: CredentialCard[] = [];
      // One after another: each is its own transaction with its own audit line, and a sheet
      // that fails half-way leaves the issued accounts pending their first login, so printing
      // the sheet again picks them up.
      for (const c of selected) {
        const issued = await issueCredentials(store, { orgUnitCode: c.code }, metadata, client);
        cards.push({
          unitCode: c.code,
          unitName: c.name,
          kindLabel: kindLabels[c.kind],
          context: contextOf(unit, c),
          username: issued.username,
          initialPassword: issued.initialPassword,
          loginUrl: `${origin}/login?username=${encodeURIComponent(issued.username)}`,
        });
      }

      const issuedAt = new Date();
      const pdf = await renderCredentialSheet({
        title: headingOf(unit),
        unitCode: unit.code,
        issuedAt,
        loginPageUrl: `${origin}/login`,
        cards,
        emptyNote: candidates.length
          ? 'ไม่มีหน่วยงานที่ต้องออกบัญชีผู้ใช้งาน: ทุกหน่วยงานในสังกัดเข้าสู่ระบบครั้งแรกแล้ว หากต้องการออกรหัสผ่านใหม่ ให้ระบุหน่วยงาน'
          : 'ยังไม่มีหน่วยงานในสังกัดที่มีบัญชีผู้ใช้งานได้',
      });
      logger.info(
        {
          requestId,
          account: viewer.username,
          unit: unit.code,
          issued: cards.length,
          mode: codes ? 'units' : flagOf(req, 'all') ? 'all' : 'pending',
          ms: Date.now() - started,
        },
        'credential sheet printed',
      );
      const day = issuedAt.toISOString().slice(0, 10);
      // Passwords inside: sendPdf lets no cache keep a copy.
      sendPdf(res, pdf, `lec-credentials-${unit.code}-${day}.pdf`);
    } catch (e) {
      sendPdfRefusal(res, e, logger, { requestId, route: 'credential sheet' });
    }
  });
}
