import cookieParser from 'cookie-parser';
import type { IRouter, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/event-store.service';
import { metadataOf } from '../access/context';
import { requestIdOf } from '../../http/request-id';
import { LecError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import { sendPdf } from '../../http/pdf-response';
import { canIssueCredentials, requireKind } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { kindLabels } from '../chain/org-unit-kind';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { clientInfoOf } from './authenticate';
import { renderCredentialSheet, type CredentialCard } from './credential-sheet.pdf';
import {
  candidatesOf,
  selectCandidates,
  sheetUnit,
  unconfirmedReissue,
  type Candidate,
} from './credential-sheet.selection';
import { issueCredentials } from './issue-credentials';
import { sendHttpError } from '../../http/http-errors';

export interface CredentialSheetDeps {
  dataSource: DataSource;
  store: EventStore;
  /** Finds the signed-in account of a request (cookie or bearer token), or null: as for GraphQL. */
  authenticate: (req: Request) => Promise<Viewer | null>;
  logger: Logger;
}

/** `?units=a,b` (or repeated), or `?only=<code>` for one unit's card, trimmed and without duplicates; null when not given. */
function unitCodesOf(req: Request): string[] | null {
  const raw = req.query.units ?? req.query.only;
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
 * completed their first login (people at work are not reset); `?units=a,b` (or `?only=<code>`, one
 * unit's card) limits it to those units (re-issuing them whatever their state: a forgotten
 * password), `?all=1` re-issues everyone. It never re-issues silently: without `?confirm=1` a
 * print that would issue any password is refused, naming the units (`credentialSheetPreview`
 * lists them beforehand).
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

      const unit = await sheetUnit(dataSource, viewer, String(req.params.unitCode));
      const code = unit.code;
      const candidates = await candidatesOf(dataSource, unit);
      const codes = unitCodesOf(req);
      const selected = selectCandidates(unit, candidates, { units: codes, all: flagOf(req, 'all') });
      if (selected.some((c) => !canIssueCredentials(viewer.orgUnit, c)))
        throw new LecError('FORBIDDEN', `ท่านไม่มีสิทธิ์ออกบัญชีผู้ใช้งานให้หน่วยงานในสังกัดของ ${code}`);
      if (selected.length && !flagOf(req, 'confirm')) throw unconfirmedReissue(selected);

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
      sendHttpError(res, e, logger, { requestId, route: 'credential sheet' });
    }
  });
}
