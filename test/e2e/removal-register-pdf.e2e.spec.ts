import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { systemMetadata } from '../../src/event-store/event';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { SESSION_COOKIE } from '../../src/modules/accounts/sessions';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { reasonLabels } from '../../src/modules/pupils/rules/reason-labels';
import { runPupilCommand } from '../../src/modules/pupils/run-pupil-command';
import { maskPupilId } from '../../src/modules/pupils/rules/citizen-id';
import { mountRemovalRegister } from '../../src/modules/reports/removal-register.route';
import { defaultMessages } from '../../src/shared/errors';
import { createLogger } from '../../src/shared/logger';
import { thaiDate } from '../../src/shared/pdf/thai-pdf';
import { createLaoTree, createUnit, login, PROFILE, signInAdmin, signInAs } from '../support/factories';
import { flat, grouped, readPdfText, type PdfText } from '../support/pdf-text';
import { seedPupil } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const REMOVE = `mutation($id: ID!, $r: NonExistenceReason!, $n: String) { removePupilAsNonExistent(pupilId: $id, reason: $r, note: $n) { removedAt } }`;
const CORRECT = `mutation($id: ID!, $i: PupilPatch!) { correctPupil(pupilId: $id, input: $i) { id } }`;

describe('removal register: GET /reports/removal-register/<institution>.pdf', () => {
  let server: TestServer;
  let reports: Server;
  let base: string;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string;
  let lao: string;

  beforeAll(async () => {
    server = await startTestServer();
    // src/app.ts is the lead's to wire: the route is mounted here on its own app, same database.
    const app = express();
    mountRemovalRegister(app, {
      dataSource: server.sys.dataSource,
      authenticate: createAuthenticator(server.sys.dataSource),
      logger: createLogger('silent'),
    });
    reports = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    // Parsing a PDF blocks this process's event loop, which the server shares.
    reports.keepAliveTimeout = 60_000;
    base = `http://127.0.0.1:${(reports.address() as AddressInfo).port}`;
    tree = await createLaoTree(server.sys.store, '54');
    [school, lao] = await Promise.all([signInAs(server, tree.school.code), signInAs(server, tree.lao.code)]);
  });
  afterAll(async () => {
    await new Promise((r) => reports.close(r));
    await server.close();
  });

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
  const pathOf = (code: string) => `/reports/removal-register/${code}.pdf`;

  async function print(code: string, token: string): Promise<PdfText> {
    const res = await get(pathOf(code), token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return readPdfText(pdf);
  }

  const citizenIdOf = async (id: string) =>
    (await server.sys.dataSource.manager.findOneByOrFail(PupilRow, { id })).citizenId;

  /** Three removed pupils (one renamed first, one with a note) and one still on the register. */
  let removed: {
    id: string;
    citizenId: string;
    name: string;
    reason: keyof typeof reasonLabels;
    at: string;
  }[];
  let activeId: string;
  beforeAll(async () => {
    const store = server.sys.store;
    const ids = [
      await seedPupil(store, tree.school),
      await seedPupil(store, tree.school),
      await seedPupil(store, tree.school),
    ];
    activeId = await citizenIdOf(await seedPupil(store, tree.school));
    const renamed = await server.gql(
      CORRECT,
      { id: ids[1], i: { firstName: 'กิตติพัฒน์', lastName: 'วงศ์สวัสดิ์' } },
      { token: school },
    );
    expect(renamed.errors).toBeUndefined();
    const reasons = ['LEFT_WITHOUT_NOTICE', 'NEVER_ATTENDED', 'ABSENT_UNREACHABLE'] as const;
    removed = [];
    for (const [i, id] of ids.entries()) {
      const res = await server.gql<{ removePupilAsNonExistent: { removedAt: string } }>(
        REMOVE,
        { id, r: reasons[i], n: i === 2 ? 'ครูประจำชั้นติดตามที่บ้านแล้ว ไม่พบผู้ปกครอง' : null },
        { token: school },
      );
      expect(res.errors).toBeUndefined();
      removed.push({
        id,
        citizenId: await citizenIdOf(id),
        name: i === 1 ? 'ด.ช.กิตติพัฒน์ วงศ์สวัสดิ์' : 'ด.ช.ธนากร ใจงาม',
        reason: reasons[i],
        at: res.data!.removePupilAsNonExistent.removedAt,
      });
    }
  });

  it('the school prints its own register: heading, every removed pupil with the whole ID, Thai reason, note, date and who, then the signatures', async () => {
    const reg = await print(tree.school.code, school);
    expect(reg.pages).toHaveLength(1);
    expect(reg.text).toContain('ทะเบียนนักเรียนที่ไม่มีตัวตน');
    expect(reg.flat).toContain(flat(`${tree.school.name} รหัส ${tree.school.code}`));
    expect(reg.flat).toContain(flat(`สังกัด${tree.lao.name} อำเภอเมือง จังหวัดแพร่`));
    expect(reg.text).toContain(`พิมพ์เมื่อวันที่ ${thaiDate(new Date())}`);
    expect(reg.text).toContain('จำนวน 3 ราย');
    for (const header of [
      'ลำดับ',
      'เลขประจำตัวประชาชน',
      'ชื่อ–สกุล',
      'ระดับชั้น',
      'หมายเหตุ',
      'วันที่นำออก',
      'ผู้ดำเนินการ',
    ])
      expect(reg.flat).toContain(flat(header));

    for (const p of removed) {
      expect(reg.text).toContain(grouped(p.citizenId));
      expect(reg.flat).toContain(flat(p.name));
      expect(reg.flat).toContain(flat(reasonLabels[p.reason]));
      expect(reg.text).toContain(thaiDate(new Date(p.at), { short: true }));
    }
    expect(reg.flat).toContain(flat('(2) ออกระหว่างภาคเรียนโดยไม่ได้ลาออกหรือแจ้งสถานศึกษา'));
    expect(reg.flat).toContain(flat('ครูประจำชั้นติดตามที่บ้านแล้ว ไม่พบผู้ปกครอง'));
    expect(reg.text).toContain('ป.1');
    // Who removed them: the school's responsible person in force, by name and position.
    expect(reg.flat).toContain(flat(`${PROFILE.firstName} ${PROFILE.lastName}${PROFILE.position}`));
    // In the order they were removed.
    const order = removed.map((p) => reg.text.indexOf(grouped(p.citizenId)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // A pupil still on the register is not in it.
    expect(reg.text).not.toContain(grouped(activeId));
    expect(reg.text).not.toContain(maskPupilId(activeId));

    expect(reg.text).toContain('ขอรับรองว่าข้อมูลข้างต้นถูกต้องตามความเป็นจริง');
    expect(reg.text).toMatch(/ลงชื่อ \.+ ผู้รับผิดชอบ/);
    expect(reg.text).toMatch(/ลงชื่อ \.+ ผู้บริหารสถานศึกษา/);
    expect(reg.text).toContain(`( ${PROFILE.firstName} ${PROFILE.lastName} )`);
    expect(reg.text).toContain('หน้า 1/1');
  });

  it('its LAO, the province and the department print it with masked IDs', async () => {
    for (const token of [lao, await signInAs(server, '54'), await signInAdmin(server)]) {
      const reg = await print(tree.school.code, token);
      expect(reg.text).toContain('ทะเบียนนักเรียนที่ไม่มีตัวตน');
      expect(reg.text).toContain('แสดงเพียงบางส่วน');
      for (const p of removed) {
        expect(reg.text).toContain(maskPupilId(p.citizenId));
        expect(reg.text).not.toContain(grouped(p.citizenId));
        expect(reg.flat).not.toContain(p.citizenId);
        expect(reg.flat).toContain(flat(p.name));
        expect(reg.flat).toContain(flat(reasonLabels[p.reason]));
      }
    }
  });

  it("a CDC's register is of young children, by age, signed by the head of the centre; an empty one says so", async () => {
    const cdc = await signInAs(server, tree.cdc.code);
    const child = await seedPupil(server.sys.store, tree.cdc);
    const res = await server.gql(REMOVE, { id: child, r: 'NEVER_ATTENDED' }, { token: cdc });
    expect(res.errors).toBeUndefined();
    const reg = await print(tree.cdc.code, cdc);
    expect(reg.text).toContain('ทะเบียนเด็กเล็กที่ไม่มีตัวตน');
    expect(reg.text).toContain('จำนวน 1 ราย');
    expect(reg.text).toContain(grouped(await citizenIdOf(child)));
    expect(reg.text).toMatch(/(^|\s)[23] ปี(\s|$)/);
    expect(reg.text).toMatch(/ลงชื่อ \.+ หัวหน้าศูนย์พัฒนาเด็กเล็ก/);

    const empty = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    const none = await print(empty.code, lao);
    expect(none.text).toContain('จำนวน 0 ราย');
    expect(none.flat).toContain(flat('ไม่มีนักเรียนที่นำข้อมูลออกจากระบบเพราะไม่มีตัวตน'));
  });

  it('a long register runs onto more pages, each with the header row and its page number', async () => {
    const big = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    const store = server.sys.store;
    for (let i = 0; i < 24; i++) {
      const id = await seedPupil(store, big);
      await runPupilCommand(
        store,
        big.code,
        { type: 'RemovePupilAsNonExistent', pupilId: id, reason: 'ABSENT_UNREACHABLE', note: null },
        systemMetadata('test'),
      );
    }
    const reg = await print(big.code, lao);
    expect(reg.pages.length).toBeGreaterThan(1);
    reg.pages.forEach((page, i) => {
      expect(flat(page)).toContain(flat('เลขประจำตัวประชาชน'));
      expect(page).toContain(`หน้า ${i + 1}/${reg.pages.length}`);
    });
    expect(reg.text).toContain('จำนวน 24 ราย');
    expect(reg.text).toMatch(/\n\s*24\s/);
    // Removed by the system (no account): said so, not left blank.
    expect(reg.text).toContain('ระบบ');
    expect(reg.pages.at(-1)).toMatch(/ลงชื่อ \.+ ผู้บริหารสถานศึกษา/);
  });

  it('signs in by the session cookie too, and refuses with the Thai messages of the API', async () => {
    const path = pathOf(tree.school.code);
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: defaultMessages.UNAUTHENTICATED,
    });

    const fresh = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    const issued = await issueCredentials(
      server.sys.store,
      { orgUnitCode: fresh.code },
      systemMetadata('test'),
      {
        ip: null,
        userAgent: null,
        requestId: 'test',
      },
    );
    const notYet = await get(
      pathOf(fresh.code),
      await login(server, issued.username, issued.initialPassword),
    );
    expect(notYet.status).toBe(403);
    expect(await notYet.json()).toEqual({
      code: 'FIRST_LOGIN_REQUIRED',
      message: defaultMessages.FIRST_LOGIN_REQUIRED,
    });

    // Outside the caller's part of the hierarchy: another institution of the same LAO, another LAO.
    const other = await createLaoTree(server.sys.store, '54');
    for (const [code, token] of [
      [tree.school.code, await signInAs(server, tree.cdc.code)],
      [tree.school.code, await signInAs(server, other.lao.code)],
      [other.school.code, school],
    ]) {
      const res = await get(pathOf(code), token);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        code: 'FORBIDDEN',
        message: `ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของหน่วยงาน ${code}`,
      });
    }

    const unknown = await get(pathOf('NO-SUCH-SCHOOL'), lao);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/ไม่พบสถานศึกษา/),
    });
    const notAnInstitution = await get(pathOf(tree.lao.code), lao);
    expect(notAnInstitution.status).toBe(400);
    expect(await notAnInstitution.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { institutionCode: expect.any(String) },
    });

    const byCookie = await get(path, undefined, { cookie: `${SESSION_COOKIE}=${school}` });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('content-type')).toBe('application/pdf');
    expect(byCookie.headers.get('content-disposition')).toMatch(
      new RegExp(`^inline; filename="removal-register-${tree.school.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`),
    );
  });
});
