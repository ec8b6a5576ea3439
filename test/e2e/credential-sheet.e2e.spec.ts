// Over 300 lines on purpose: one capability's scenarios against one server and unit tree set up once;
// split, every file would start and seed them again (each start costs seconds on 2 shared cores).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { readStream } from '../../src/event-store/event-store';
import { accountStreamId } from '../../src/modules/accounts/account.events';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { CARD_LAYOUT, SHEET_INSTRUCTION, thaiDate } from '../../src/modules/accounts/credential-sheet.pdf';
import { mountCredentialSheets } from '../../src/modules/accounts/credential-sheet.route';
import { defaultMessages } from '../../src/shared/errors';
import { createLogger } from '../../src/shared/logger';
import { completeFirstLogin, createLaoTree, login, signInAdmin, signInAs } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

const ME = `{ me { username mustCompleteFirstLogin orgUnit { code } } }`;

interface Card {
  code: string;
  username: string;
  password: string;
}

interface Sheet {
  text: string;
  cards: Card[];
  /** What each card's QR code reads, page by page, card by card. */
  qr: string[];
  pages: number;
}

/**
 * Opens the PDF as a reader would: its text (pdfkit writes SARA AM as the two glyphs Sarabun draws
 * it with, NIKHAHIT + SARA AA, and maps them back as "ำา": folded back here), and each page
 * rendered to pixels, every card's QR code decoded from the picture.
 */
async function readSheet(pdf: Buffer): Promise<Sheet> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = (await parser.getText()).text.replace(/\u0E33\u0E32/g, '\u0E33');
    const cards = [
      ...text.matchAll(/รหัสหน่วยงาน\n(\S+)\nชื่อผู้ใช้งาน \(User Login\)\n(\S+)\nรหัสผ่านเริ่มต้น \(Password\)\n(\S+)/g),
    ].map(([, code, username, password]) => ({ code, username, password }));
    const shots = await parser.getScreenshot({ scale: 2, imageBuffer: true });
    const qr: string[] = [];
    for (const shot of shots.pages) {
      const png = PNG.sync.read(Buffer.from(shot.data));
      const k = png.width / CARD_LAYOUT.pageWidth;
      for (let r = 0; r < CARD_LAYOUT.rows; r++) {
        for (let c = 0; c < CARD_LAYOUT.columns; c++) {
          const x0 = Math.floor((CARD_LAYOUT.left + c * CARD_LAYOUT.cardWidth) * k);
          const y0 = Math.floor((CARD_LAYOUT.top + r * CARD_LAYOUT.cardHeight) * k);
          const w = Math.floor(CARD_LAYOUT.cardWidth * k);
          const h = Math.floor(CARD_LAYOUT.cardHeight * k);
          if (y0 + h > png.height) continue;
          const crop = new Uint8ClampedArray(w * h * 4);
          for (let y = 0; y < h; y++)
            crop.set(
              png.data.subarray(((y0 + y) * png.width + x0) * 4, ((y0 + y) * png.width + x0 + w) * 4),
              y * w * 4,
            );
          const found = jsQR(crop, w, h);
          if (found) qr.push(found.data);
        }
      }
    }
    return { text, cards, qr, pages: shots.pages.length };
  } finally {
    await parser.destroy();
  }
}

describe('credential sheet: GET /credentials/<unit>.pdf', () => {
  let server: TestServer;
  let sheets: Server;
  let base: string;
  let adminToken: string;
  const savedPublicUrl = process.env.LEC_PUBLIC_URL;

  beforeAll(async () => {
    delete process.env.LEC_PUBLIC_URL;
    server = await startTestServer();
    // src/app.ts is the lead's to wire: the route is mounted here on its own app, same database.
    const app = express();
    mountCredentialSheets(app, {
      dataSource: server.sys.dataSource,
      store: server.sys.store,
      authenticate: createAuthenticator(server.sys.dataSource),
      logger: createLogger('silent'),
    });
    sheets = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    // Reading a sheet (rendering, QR decoding) blocks this process's event loop for seconds, and
    // the server shares it: a 5 s keep-alive would drop a pooled connection just as fetch reuses it.
    sheets.keepAliveTimeout = 60_000;
    base = `http://127.0.0.1:${(sheets.address() as AddressInfo).port}`;
    adminToken = await signInAdmin(server);
  });
  afterAll(async () => {
    if (savedPublicUrl === undefined) delete process.env.LEC_PUBLIC_URL;
    else process.env.LEC_PUBLIC_URL = savedPublicUrl;
    await new Promise((r) => sheets.close(r));
    await server.close();
  });

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  /** Prints as the page does once the person has confirmed the re-issue (`confirm=1`). */
  async function print(path: string, token: string): Promise<Sheet> {
    const res = await get(`${path}${path.includes('?') ? '&' : '?'}confirm=1`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return readSheet(pdf);
  }

  it("prints an LAO's sheet: a card per unit with an account, Thai names, a QR code of the login page, passwords that log in", async () => {
    const tree = await createLaoTree(server.sys.store);
    const sheet = await print(`/credentials/${tree.lao.code}.pdf`, adminToken);

    expect(sheet.pages).toBe(1);
    expect(sheet.text).toContain(`${tree.lao.name} (รหัส ${tree.lao.code})`);
    expect(sheet.text).toContain(`ออกเมื่อ ${thaiDate(new Date())}`);
    expect(thaiDate(new Date('2026-11-22T03:00:00Z'))).toBe('22 พฤศจิกายน 2569');
    expect(sheet.text).toContain(SHEET_INSTRUCTION);
    for (const unit of [tree.lao, tree.school, tree.cdc]) expect(sheet.text).toContain(unit.name);
    expect(sheet.text).not.toContain(tree.otherSchool.name);
    // The LAO first, then its school and its CDC; the user name of a unit is its code.
    expect(sheet.cards.map((c) => c.code)).toEqual([tree.lao.code, tree.school.code, tree.cdc.code]);
    for (const card of sheet.cards) {
      expect(card.username).toBe(card.code);
      expect(card.password).toMatch(/^[A-Za-z2-9]{10}$/);
    }
    expect(sheet.qr).toEqual(sheet.cards.map((c) => `${base}/login?username=${c.username}`));

    const school = sheet.cards[1];
    const token = await login(server, school.username, school.password);
    const me = await server.gql<{ me: { mustCompleteFirstLogin: boolean; orgUnit: { code: string } } }>(
      ME,
      {},
      { token },
    );
    expect(me.data?.me).toMatchObject({ mustCompleteFirstLogin: true, orgUnit: { code: tree.school.code } });

    // Every issue is an event of the account's stream and a line of the audit, by the department.
    const events = await readStream(server.sys.dataSource.manager, accountStreamId(tree.cdc.code));
    expect(events.map((e) => e.type)).toContain('CredentialsIssued');
    expect(events.at(-1)?.metadata.orgUnitCode).toBe('DLA');
    const audit: { action: string }[] = await server.sys.dataSource.query(
      `SELECT action FROM auth_audit WHERE org_unit_code = $1 AND action = 'CREDENTIALS_ISSUED'`,
      [tree.lao.code],
    );
    expect(audit).toHaveLength(1);
  });

  it('by default re-issues only units that have not completed their first login; ?units= and ?all=1 choose', async () => {
    const tree = await createLaoTree(server.sys.store);
    const first = await print(`/credentials/${tree.lao.code}.pdf`, adminToken);
    const schoolCard = first.cards.find((c) => c.code === tree.school.code)!;
    const cdcCard = first.cards.find((c) => c.code === tree.cdc.code)!;
    const schoolToken = await login(server, schoolCard.username, schoolCard.password);
    await completeFirstLogin(server, schoolToken);

    // The school is at work: not reset. The others are printed again, with new passwords.
    const again = await print(`/credentials/${tree.lao.code}.pdf`, adminToken);
    expect(again.cards.map((c) => c.code)).toEqual([tree.lao.code, tree.cdc.code]);
    expect(again.text).not.toContain(tree.school.name);
    const oldCdcLogin = await server.gql(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      {
        u: cdcCard.username,
        p: cdcCard.password,
      },
    );
    expect(oldCdcLogin.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, { token: schoolToken })).data?.me).toMatchObject({
      username: tree.school.code,
    });

    // Asked for by code, a working unit is reset: a forgotten password. Its sessions end.
    const one = await print(`/credentials/${tree.lao.code}.pdf?units=${tree.school.code}`, adminToken);
    expect(one.cards.map((c) => c.code)).toEqual([tree.school.code]);
    expect(one.qr).toEqual([`${base}/login?username=${tree.school.code}`]);
    expect((await server.gql(ME, {}, { token: schoolToken })).data).toEqual({ me: null });
    await login(server, tree.school.code, one.cards[0].password);

    const all = await print(`/credentials/${tree.lao.code}.pdf?all=1`, adminToken);
    expect(all.cards.map((c) => c.code)).toEqual([tree.lao.code, tree.school.code, tree.cdc.code]);
    expect(all.qr).toHaveLength(3);

    // Once every unit is at work, the default sheet has no card and says why.
    for (const card of all.cards)
      await completeFirstLogin(server, await login(server, card.username, card.password));
    const none = await print(`/credentials/${tree.lao.code}.pdf`, adminToken);
    expect(none.cards).toEqual([]);
    expect(none.text).toContain('ทุกหน่วยงานในสังกัดเข้าสู่ระบบครั้งแรกแล้ว');

    const bad = await get(
      `/credentials/${tree.lao.code}.pdf?units=${tree.school.code},${tree.otherSchool.code}`,
      adminToken,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(tree.otherSchool.code),
    });
  });

  it("a province prints its own sheet (its LAOs and their institutions) and its LAOs'; LEC_PUBLIC_URL sets the login page", async () => {
    const a = await createLaoTree(server.sys.store, '55');
    const b = await createLaoTree(server.sys.store, '55');
    const elsewhere = await createLaoTree(server.sys.store, '50');
    const province = await signInAs(server, '55');

    process.env.LEC_PUBLIC_URL = 'https://lec.dla.go.th/';
    try {
      const sheet = await print(`/credentials/55.pdf`, province);
      expect(sheet.text).toContain('จังหวัดน่าน (รหัส 55)');
      expect(sheet.cards.map((c) => c.code).sort()).toEqual(
        [a.lao, a.school, a.cdc, b.lao, b.school, b.cdc].map((u) => u.code).sort(),
      );
      expect(sheet.text).not.toContain(elsewhere.lao.name);
      // Institutions say which LAO they belong to, to hand the cards out.
      expect(sheet.text).toContain(`โรงเรียน · ${a.lao.name}`);
      expect(sheet.text).toContain('https://lec.dla.go.th/login');
      expect(sheet.qr).toContain(`https://lec.dla.go.th/login?username=${b.cdc.code}`);
      expect(sheet.qr).toHaveLength(6);
    } finally {
      delete process.env.LEC_PUBLIC_URL;
    }

    const lao = await print(`/credentials/${a.lao.code}.pdf?all=1`, province);
    expect(lao.cards.map((c) => c.code)).toEqual([a.lao.code, a.school.code, a.cdc.code]);

    for (const path of [`/credentials/${elsewhere.lao.code}.pdf`, `/credentials/50.pdf`]) {
      const res = await get(path, province);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/ไม่มีสิทธิ์/) });
    }
    const audit: { n: number }[] = await server.sys.dataSource.query(
      `SELECT count(*)::int AS n FROM auth_audit WHERE org_unit_code = $1 AND action = 'CREDENTIALS_ISSUED'`,
      [elsewhere.lao.code],
    );
    expect(audit[0].n).toBe(0);
  });

  it('signs in by the session cookie too, and refuses with the Thai messages of the API', async () => {
    const tree = await createLaoTree(server.sys.store);
    const path = `/credentials/${tree.lao.code}.pdf`;

    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: defaultMessages.UNAUTHENTICATED,
    });

    const school = await signInAs(server, tree.school.code);
    const bySchool = await get(path, school);
    expect(bySchool.status).toBe(403);
    expect(await bySchool.json()).toEqual({ code: 'FORBIDDEN', message: defaultMessages.FORBIDDEN });
    const byLao = await get(path, await signInAs(server, tree.lao.code));
    expect(byLao.status).toBe(403);

    const fresh = await server.gql<{ issueCredentials: { initialPassword: string } }>(
      `mutation { issueCredentials(orgUnitCode: "56") { initialPassword } }`,
      {},
      { token: adminToken },
    );
    const notYet = await login(server, '56', fresh.data!.issueCredentials.initialPassword);
    const firstLogin = await get(`/credentials/56.pdf`, notYet);
    expect(firstLogin.status).toBe(403);
    expect(await firstLogin.json()).toEqual({
      code: 'FIRST_LOGIN_REQUIRED',
      message: defaultMessages.FIRST_LOGIN_REQUIRED,
    });

    const unknown = await get(`/credentials/9999999.pdf`, adminToken);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    const notAnLao = await get(`/credentials/${tree.school.code}.pdf`, adminToken);
    expect(notAnLao.status).toBe(400);
    expect(await notAnLao.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/จังหวัดหรือ/),
    });

    // A probe re-issues nothing; a link from another site cannot use the cookie to reset accounts.
    expect(
      (await fetch(`${base}${path}`, { method: 'HEAD', headers: { authorization: `Bearer ${adminToken}` } }))
        .status,
    ).toBe(405);
    const cookie = { cookie: `lec_session=${adminToken}` };
    const crossSite = await get(path, undefined, { ...cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const issuedSoFar: { n: number }[] = await server.sys.dataSource.query(
      `SELECT count(*)::int AS n FROM auth_audit WHERE org_unit_code = $1 AND action = 'CREDENTIALS_ISSUED'`,
      [tree.cdc.code],
    );
    expect(issuedSoFar[0].n).toBe(0);

    const byCookie = await get(`${path}?confirm=1`, undefined, {
      ...cookie,
      'sec-fetch-site': 'same-origin',
    });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('content-type')).toBe('application/pdf');
  });
});
