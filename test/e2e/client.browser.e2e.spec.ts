// Over 300 lines on purpose: one Chromium and one server, started once, for every role's day in the
// web client (each start costs ~10 s); the offline client has its own file.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { systemMetadata } from '../../src/event-store/event';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import {
  browserWalk,
  buildClient,
  launchChromium,
  newPerson,
  pageErrors,
  screenshots,
} from '../support/browser';
import {
  createLaoTree,
  createUnit,
  NEW_PASSWORD,
  PROFILE,
  signInAdmin,
  signInAs,
} from '../support/factories';
import { openRoundDirect } from '../support/confirmation';
import { pupilInput, validCitizenId } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The web client in real Chromium against the whole server: each role's walk through its main
 * screen, with screenshots at desktop and phone widths under test/screenshots/.
 */
/** The error message tied to an input by aria-describedby (what a screen reader reads with it). */
async function fieldError(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .filter((id) => id.endsWith('-err'));
  return ids.length ? ((await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '') : '';
}

browserWalk()('web client in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let built: Awaited<ReturnType<typeof buildClient>>;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  /** The citizen ID of the pupil the institution enrols through the form. */
  const good = validCitizenId();

  beforeAll(async () => {
    built = await buildClient();
    server = await startTestServer({ clientDistDir: built.dir });
    browser = await launchChromium();
    tree = await createLaoTree(server.sys.store);
    await openRoundDirect(server.sys.store);
  }, 240_000);
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    built?.remove();
  });

  async function signIn(username: string, password = NEW_PASSWORD): Promise<Page> {
    const page = await (await newPerson(browser, server.url)).newPage();
    await page.goto(`/login?username=${username}`);
    await page.getByLabel('รหัสผ่าน').fill(password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    return page;
  }

  it('an institution logs in from its QR link, completes the first login and enrols a pupil', async () => {
    const issued = await issueCredentials(
      server.sys.store,
      { orgUnitCode: tree.school.code },
      systemMetadata('test'),
      {
        ip: null,
        userAgent: null,
        requestId: 'test',
      },
    );
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    // What the login page costs a phone: every response's bytes on the wire (compressed), from
    // Chromium's own network events, fonts included.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e) => {
      transferred += e.encodedDataLength;
    });
    await page.goto(`/login?username=${issued.username}`, { waitUntil: 'networkidle' });
    await page.evaluate('document.fonts.ready');
    await page.waitForLoadState('networkidle');
    console.info(`login page: ${transferred} bytes transferred`);
    expect(transferred).toBeLessThan(200_000);
    await cdp.detach();
    await expect(page.getByLabel('ชื่อผู้ใช้งาน (User Login)').inputValue()).resolves.toBe(tree.school.code);
    await screenshots(page, 'login');

    await page.getByLabel('รหัสผ่าน').fill('not-the-password');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/[ก-๙]/);

    await page.getByLabel('รหัสผ่าน').fill(issued.initialPassword);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบครั้งแรก' }).waitFor();
    await screenshots(page, 'first-login');

    await page.getByLabel('ชื่อ', { exact: true }).fill(PROFILE.firstName);
    await page.getByLabel('ชื่อสกุล').fill(PROFILE.lastName);
    await page.getByLabel('ตำแหน่ง').fill(PROFILE.position);
    await page.getByLabel('หมายเลขโทรศัพท์').fill('08123');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'บันทึกและเริ่มใช้งาน' }).click();
    // The server's own Thai message, beside the field it names.
    const phone = page.getByLabel('หมายเลขโทรศัพท์');
    await page.locator('.field-error').first().waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    // "08123" is told what is wrong with it (its length), not to "please enter" it.
    expect(await fieldError(page, phone)).toMatch(/กรอกมา 5 หลัก/);
    await page.getByLabel('หมายเลขโทรศัพท์').fill(PROFILE.phone);
    await page.getByRole('button', { name: 'บันทึกและเริ่มใช้งาน' }).click();

    await page.getByRole('heading', { name: 'สิ่งที่ต้องทำตอนนี้' }).waitFor();
    await page.locator('.task-list li').first().waitFor();
    await page.getByRole('link', { name: 'เพิ่มข้อมูลนักเรียน' }).click();
    const form = page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' });
    const year = new Date().getUTCFullYear() - 7;
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    await form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(bad);
    await form.getByLabel('คำนำหน้า').fill('ด.ช.');
    await form.getByLabel('ชื่อ', { exact: true }).fill('ธนากร');
    await form.getByLabel('นามสกุล').fill('ใจงาม');
    await form.getByLabel('เพศ').selectOption('MALE');
    await form.getByLabel('วันเกิด: วันที่').selectOption('15');
    await form.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มีนาคม' });
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(year + 543));
    await form.getByLabel('ระดับชั้น').selectOption('P1');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();

    const idField = form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G');
    await page.locator('.field-error').first().waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    // Focus lands on the field the server named, for keyboard and screen-reader users.
    expect(await idField.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await fieldError(page, idField)).toMatch(/เลขประจำตัวประชาชน/);
    await screenshots(page, 'institution-enrol-error');

    await idField.fill(good);
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    await page.getByText('บันทึกข้อมูล ธนากร ใจงาม เรียบร้อยแล้ว').waitFor();

    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    await page.getByRole('row', { name: /ด\.ช\.ธนากร ใจงาม/ }).waitFor();
    expect(await page.getByText('พบ 1 คน').count()).toBe(1);
    // Buddhist-era birth date with the Thai month name.
    await page.getByText(`15 มีนาคม ${year + 543}`).waitFor();
    await screenshots(page, 'institution');

    // Spreadsheet round trip: the export read back is refused row by row (already on the register)
    // and discarded; with a new pupil's ID and name it previews clean and is committed.
    await page.getByRole('link', { name: 'นำเข้า / ส่งออก' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(good);
    const upload = (text: string) =>
      page
        .getByLabel(/^ไฟล์ Excel/)
        .setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await upload(csv);
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await page.getByText('มีอยู่ในทะเบียนแล้ว', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: /^นำเข้า / }).isDisabled()).toBe(true);
    await screenshots(page, 'institution-import-errors');
    await page.getByRole('button', { name: 'ยกเลิกไฟล์นี้' }).click();
    await page.getByText('ยกเลิกการนำเข้าไฟล์นี้แล้ว').waitFor();

    await upload(csv.replace(good, validCitizenId()).replace('ธนากร', 'ธนพล'));
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await page.getByRole('button', { name: 'นำเข้า 1 คน' }).click();
    await page.getByText('นำเข้าข้อมูลเรียบร้อยแล้ว 1 คน').waitFor();

    // On a slow line (upload held to 100 kB/s) a large file shows how far it has come, in Thai.
    const [header, row] = csv.split(/\r?\n/);
    const big = [header, ...Array.from({ length: 3_000 }, () => row.replace(good, validCitizenId()))];
    const line = await page.context().newCDPSession(page);
    await line.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: 1_000_000,
      uploadThroughput: 100_000,
    });
    await upload(big.join('\r\n'));
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    const bar = page.getByRole('status').filter({ hasText: /กำลังส่งไฟล์ .* MB/ });
    await bar.waitFor();
    expect(await bar.locator('progress').getAttribute('max')).toMatch(/^\d+$/);
    await screenshots(page, 'institution-import-progress');
    await page.getByText('ทั้งหมด 3,000 แถว').waitFor();
    await line.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await line.detach();
    await page.getByRole('button', { name: 'ยกเลิกไฟล์นี้' }).click();
    await page.getByText('ยกเลิกการนำเข้าไฟล์นี้แล้ว').waitFor();

    // Correct one pupil; remove the other as non-existent, with one of the three reasons.
    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    await page.getByRole('button', { name: 'แก้ไข ด.ช.ธนากร ใจงาม' }).click();
    const edit = page.getByRole('form', { name: 'แก้ไขข้อมูลนักเรียน' });
    await edit.getByLabel('นามสกุล').fill('ใจงามดี');
    await edit.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await page.getByText('แก้ไขข้อมูล ธนากร ใจงามดี เรียบร้อยแล้ว').waitFor();
    await page.getByRole('button', { name: 'นำออก (ไม่มีตัวตน) ด.ช.ธนพล ใจงาม' }).click();
    await page.getByRole('radio', { name: 'ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้' }).check();
    await page.getByRole('button', { name: 'นำข้อมูลออกจากระบบ' }).click();
    await page.getByText('นำข้อมูล ด.ช.ธนพล ใจงาม ออกจากระบบ (ไม่มีตัวตน) แล้ว', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'ทะเบียนนักเรียนที่ไม่มีตัวตน' }).click();
    await page.getByRole('row', { name: /ธนพล.*ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้/ }).waitFor();
    await screenshots(page, 'institution-removal-register');

    // Confirm: a summary of what is confirmed first, then the register is locked.
    await page.getByRole('link', { name: 'ไปที่หน้ายืนยันข้อมูล' }).click();
    await page.getByRole('button', { name: 'ยืนยันข้อมูลนักเรียน (โรงเรียน)' }).click();
    const summary = page.getByRole('group', { name: 'สรุปข้อมูลที่จะยืนยัน' });
    await summary.getByRole('row', { name: /ป\.1\s*1/ }).waitFor();
    await screenshots(page, 'institution-confirm-summary');
    await summary.getByRole('button', { name: 'ยืนยันข้อมูลตามนี้' }).click();
    await page.getByText('ยืนยันข้อมูลนักเรียน (โรงเรียน)เรียบร้อยแล้ว รวม 1 คน').waitFor();
    const report = await page.getByRole('link', { name: 'พิมพ์รายชื่อที่ยืนยันแล้ว (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(report!);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const locked = page.locator('.alert-locked');
    await locked.waitFor();
    expect(await locked.textContent()).toMatch(/องค์กรปกครองส่วนท้องถิ่น \(อปท\.\) ต้นสังกัดยกเลิกการยืนยัน/);
    // A mistake found after confirming: the school asks its LAO to revoke (answered in the LAO's walk).
    await page.getByRole('button', { name: 'ขอให้ยกเลิกการยืนยัน ข้อมูลนักเรียน (โรงเรียน)' }).click();
    await page.getByLabel('เหตุผลที่ขอให้ยกเลิกการยืนยัน (เช่น ต้องแก้ไขข้อมูลใด)').fill('พบชื่อนักเรียนสะกดผิด 1 คน');
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await page.getByText(/^ส่งคำขอให้ยกเลิกการยืนยัน.*รอการพิจารณา$/).waitFor();
    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    expect(await page.getByRole('button', { name: 'แก้ไข ด.ช.ธนากร ใจงามดี' }).isDisabled()).toBe(true);
    await screenshots(page, 'institution-confirmed');

    // The school's own figures: live, then the confirmed figures of the round (the same ป.1 pupil).
    await page.getByRole('link', { name: 'ตัวเลข', exact: true }).click();
    const byGrade = page.getByRole('table', { name: 'จำนวนนักเรียนรายชั้น แยกชาย หญิง' });
    await byGrade.getByRole('row', { name: /ป\.1\s*1\s*0\s*1/ }).waitFor();
    await page.getByRole('radio', { name: 'ข้อมูลที่ยืนยันแล้วของรอบ' }).check();
    await page.getByText('ข้อมูลที่ยืนยันแล้วของรอบ (ตัวเลขที่ใช้อ้างอิง)').waitFor();
    await byGrade.getByRole('row', { name: /ป\.1\s*1\s*0\s*1/ }).waitFor();
    await screenshots(page, 'institution-figures');
  }, 120_000);

  it('an LAO: confirm is blocked until its CDC confirms, then allowed; other-affiliation counts; drill-in', async () => {
    await signInAs(server, tree.lao.code);
    const page = await signIn(tree.lao.code);
    await page.getByRole('heading', { name: 'สิ่งที่ต้องทำตอนนี้' }).waitFor();
    // The school's request to revoke waits in the LAO's tasks; the LAO refuses it with a reason.
    await page.getByRole('link', { name: 'พิจารณาคำขอ' }).first().waitFor();
    const waiting = page.getByRole('list', { name: 'คำขอที่รอท่านพิจารณา' });
    await waiting.getByText('เหตุผลที่ขอ: พบชื่อนักเรียนสะกดผิด 1 คน').waitFor();
    await screenshots(page, 'lao-revocation-request');
    await waiting.getByLabel('เหตุผลของท่าน (ยกเลิกการยืนยัน หรือปฏิเสธ)').fill('ตัวเลขรายชั้นไม่เปลี่ยน แก้ชื่อได้หลังรอบนี้');
    await waiting.getByRole('button', { name: `ปฏิเสธคำขอ ${tree.school.name}` }).click();
    await page
      .getByRole('list', { name: 'คำขอที่ส่งหรือพิจารณาแล้ว' })
      .getByText('เหตุผลที่ปฏิเสธ: ตัวเลขรายชั้นไม่เปลี่ยน แก้ชื่อได้หลังรอบนี้')
      .waitFor();
    await page.getByRole('link', { name: 'ยืนยันข้อมูล (ภาพรวม อปท.)' }).click();

    const children = page.getByRole('article', { name: 'ข้อมูลเด็กเล็ก (ศพด.)' });
    await children.getByText(tree.cdc.name, { exact: false }).waitFor();
    expect(await children.getByRole('button', { name: 'ยืนยันข้อมูลเด็กเล็ก (ศพด.)' }).isDisabled()).toBe(true);
    // The unit it waits on is a link to that unit's page.
    expect(await children.getByRole('link', { name: tree.cdc.name }).getAttribute('href')).toBe(
      `/units/${tree.cdc.code}`,
    );
    await screenshots(page, 'lao-confirm-blocked');

    // The CDC confirms its children (through the API, as its own person would).
    const cdc = await signInAs(server, tree.cdc.code);
    const year = new Date().getUTCFullYear();
    const child = pupilInput({ grade: 'CDC', birthDate: `${year - 3}-01-10` });
    const enrolled = await server.gql(
      `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
      { c: tree.cdc.code, i: child },
      { token: cdc },
    );
    expect(enrolled.errors).toBeUndefined();
    const confirmed = await server.gql(
      `mutation($c: String!) { confirm(orgUnitCode: $c, dataset: CHILDREN) { id } }`,
      { c: tree.cdc.code },
      { token: cdc },
    );
    expect(confirmed.errors).toBeUndefined();

    await page.reload();
    const button = children.getByRole('button', { name: 'ยืนยันข้อมูลเด็กเล็ก (ศพด.)' });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await page
      .getByRole('group', { name: 'สรุปข้อมูลที่จะยืนยัน' })
      .getByRole('row', { name: new RegExp(`${tree.cdc.name}\\s*1`) })
      .waitFor();
    await screenshots(page, 'lao-confirm-summary');
    await page.getByRole('button', { name: 'ยืนยันข้อมูลตามนี้' }).click();
    await page.getByText('ยืนยันข้อมูลเด็กเล็ก (ศพด.)เรียบร้อยแล้ว รวม 1 คน').waitFor();
    // "Confirm every dataset that is ready" shows the same summary first.
    await page.getByRole('button', { name: 'ยืนยันทุกฐานข้อมูลที่พร้อม (1)' }).click();
    const all = page.getByRole('group', { name: 'สรุปข้อมูลทุกฐานข้อมูลที่จะยืนยัน' });
    await all
      .getByRole('region', { name: 'ข้อมูลนักเรียน (โรงเรียน)' })
      .getByRole('row', { name: new RegExp(`${tree.school.name}\\s*1`) })
      .waitFor();
    await screenshots(page, 'lao-confirm-all-summary');
    await all.getByRole('button', { name: 'ยืนยันทุกรายการตามนี้' }).click();
    await page.getByText('สำเร็จ 1 รายการ').waitFor();

    // Revoking its school now waits on the province: the refusal names who must act, and offers a request.
    await page.getByRole('link', { name: 'สถานศึกษาและการยืนยัน' }).click();
    await page
      .getByRole('row', { name: new RegExp(tree.school.name) })
      .getByRole('checkbox', { name: /ข้อมูลนักเรียน \(โรงเรียน\)/ })
      .check();
    await page.getByLabel('เหตุผลที่ยกเลิกการยืนยัน').fill('ต้องแก้ชื่อนักเรียน');
    await page.getByRole('button', { name: 'ยกเลิกการยืนยันข้อมูลที่เลือก' }).click();
    await page
      .getByRole('alert')
      .getByText(/ต้องให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดยกเลิกการยืนยันของ/)
      .waitFor();
    await page
      .getByRole('form', { name: `ขอให้ยกเลิกการยืนยันข้อมูลนักเรียน (โรงเรียน) ${tree.school.name}` })
      .waitFor();
    await screenshots(page, 'lao-revoke-waits-on-province');

    // A closed school of another affiliation is recorded as 0 in every grade.
    await page.getByRole('link', { name: 'สถานศึกษาสังกัดอื่น' }).click();
    await page.getByRole('button', { name: 'บันทึกจำนวนนักเรียน' }).click();
    // A blank cell is answered in Thai at that cell; the form adds up what is typed.
    const grid = page.locator('form.counts-form');
    for (const grade of ['อ.1', 'อ.2', 'อ.3', 'ป.1', 'ป.2', 'ป.3', 'ป.4', 'ป.5', 'ป.6'])
      for (const sex of ['ชาย', 'หญิง'])
        if (!(grade === 'ป.2' && sex === 'หญิง'))
          await grid.getByLabel(`${grade} ${sex}`, { exact: true }).fill('2');
    await grid.getByRole('row', { name: /^รวมทุกชั้น\s*18\s*16\s*34$/ }).waitFor();
    await grid.getByRole('button', { name: 'บันทึกจำนวนนักเรียน' }).click();
    const blankCell = grid.getByLabel('ป.2 หญิง', { exact: true });
    await grid.locator('.field-error').first().waitFor();
    expect(await blankCell.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, blankCell)).toMatch(/[ก-๙]/);
    expect(await grid.locator('[aria-invalid="true"]').count()).toBe(1);
    await screenshots(page, 'lao-other-schools-blank-cell');
    await page.getByLabel('สถานะของสถานศึกษา').selectOption('CLOSED');
    await page.getByLabel(/^หมายเหตุ/).fill('ประกาศยุบสถานศึกษา');
    await page.getByRole('button', { name: 'บันทึกจำนวนนักเรียน' }).last().click();
    await page.getByText('บันทึกแล้ว 0 คน').waitFor();
    await screenshots(page, 'lao-other-schools');

    // Figures: the LAO's counts by grade as a chart with its table (1 pupil in ป.1, 1 CDC child).
    await page.getByRole('link', { name: 'ตัวเลข', exact: true }).click();
    const byGrade = page.getByRole('table', { name: 'จำนวนนักเรียนรายชั้น แยกชาย หญิง' });
    await byGrade.getByRole('row', { name: /ป\.1\s*1\s*0\s*1/ }).waitFor();
    expect(await page.locator('.grade-chart svg rect').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'ดาวน์โหลดจำนวนนักเรียน (Excel)' }).getAttribute('href')).toBe(
      `/exports/counts/${tree.lao.code}.xlsx`,
    );
    await page.getByRole('radio', { name: 'ข้อมูล ณ วันที่' }).check();
    // Today on Thailand's calendar (UTC+7): "as of" a date means the end of that day in Bangkok.
    const today = new Date(Date.now() + 7 * 3_600_000);
    await page.getByLabel('ดูข้อมูล ณ วันที่ (สิ้นวัน): วันที่').selectOption(String(today.getUTCDate()));
    await page.getByLabel('ดูข้อมูล ณ วันที่ (สิ้นวัน): เดือน').selectOption(String(today.getUTCMonth() + 1));
    await page.getByLabel('ดูข้อมูล ณ วันที่ (สิ้นวัน): ปี พ.ศ.').fill(String(today.getUTCFullYear() + 543));
    await page.getByText(/ตามที่บันทึกไว้ ณ /).waitFor();
    await byGrade.getByRole('row', { name: /ป\.1\s*1\s*0\s*1/ }).waitFor();
    const asOfXlsx = await page
      .getByRole('link', { name: 'ดาวน์โหลดจำนวนนักเรียน (Excel)' })
      .getAttribute('href');
    expect(asOfXlsx).toMatch(/\?at=\d{4}-\d{2}-\d{2}$/);
    const xlsx = await page.request.get(asOfXlsx!);
    expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    await screenshots(page, 'lao-figures');

    // Budget: the confirmed figures and, marked apart, the live estimate, line by institution.
    await page.getByRole('link', { name: 'งบประมาณ', exact: true }).click();
    const confirmedBudget = page.getByRole('region', { name: 'ตามข้อมูลที่ยืนยันแล้ว' });
    await confirmedBudget.getByRole('row', { name: new RegExp(tree.school.name) }).waitFor();
    await page
      .getByRole('region', { name: 'ประมาณการจากทะเบียนปัจจุบัน (ยังไม่ยืนยัน)' })
      .getByText('ยังไม่ยืนยัน', { exact: true })
      .waitFor();
    await page.getByRole('radio', { name: 'นม ยู.เอช.ที. (กล่อง)' }).check();
    await confirmedBudget.getByRole('row', { name: new RegExp(tree.school.name) }).waitFor();
    await screenshots(page, 'lao-budget');

    await page.getByRole('link', { name: 'สถานศึกษาและการยืนยัน' }).click();
    await page
      .getByRole('row', { name: new RegExp(tree.school.name) })
      .getByText('ยืนยันแล้ว')
      .waitFor();
    await screenshots(page, 'lao');
    // A CDC's register of non-existent children says เด็กเล็ก, not นักเรียน.
    await page.goto(`/units/${tree.cdc.code}?tab=removed`);
    await page.getByRole('heading', { name: 'ทะเบียนเด็กเล็กที่ไม่มีตัวตน' }).waitFor();
    expect(await page.getByRole('link', { name: 'ทะเบียนนักเรียนที่ไม่มีตัวตน' }).count()).toBe(0);
    await page.goto('/');
    await page.getByRole('table').getByRole('link', { name: tree.school.name }).click();
    await page.getByRole('row', { name: /ธนากร/ }).waitFor();
  }, 120_000);

  it('a province revokes its LAO’s confirmation with a reason', async () => {
    await signInAs(server, tree.provinceCode);
    const page = await signIn(tree.provinceCode);
    const row = page.getByRole('row', { name: new RegExp(tree.lao.name) });
    await row.getByText('ยืนยันแล้ว').first().waitFor();
    await screenshots(page, 'province');

    // The province's own targets, earlier than the department's deadlines, then shown per LAO.
    await page.getByRole('button', { name: 'กำหนดวันเสร็จของจังหวัด' }).click();
    const targets = page.getByRole('form', { name: 'กำหนดวันเสร็จของจังหวัด' });
    const pick = async (legend: string, daysAhead: number) => {
      const d = new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000);
      await targets.getByLabel(`${legend}: วันที่`).selectOption(String(d.getUTCDate()));
      await targets.getByLabel(`${legend}: เดือน`).selectOption(String(d.getUTCMonth() + 1));
      await targets.getByLabel(`${legend}: ปี พ.ศ.`).fill(String(d.getUTCFullYear() + 543));
    };
    await pick('สถานศึกษายืนยันภายในวันที่', 3);
    await pick('อปท. ยืนยันภายในวันที่', 8);
    await targets.getByRole('button', { name: 'บันทึกกำหนดเสร็จ' }).click();
    await page
      .getByRole('region', { name: 'กำหนดเสร็จของจังหวัด' })
      .getByText('อปท. ยืนยันภายในวันที่', { exact: true })
      .waitFor();
    await row.getByText(/กำหนดของจังหวัด/).waitFor();
    await screenshots(page, 'province-targets');

    // A notice to the province's LAOs and institutions; a blank title is answered at its field.
    await page.getByRole('link', { name: /^ประกาศ/ }).click();
    const post = page.getByRole('form', { name: 'ส่งประกาศ' });
    await post.getByLabel('ข้อความ').fill('ขอให้สถานศึกษาและ อปท. ยืนยันข้อมูลก่อนกำหนดของจังหวัด');
    await post.getByRole('button', { name: 'ส่งประกาศ' }).click();
    await post.locator('.field-error').first().waitFor();
    expect(await fieldError(page, post.getByLabel('หัวเรื่อง'))).toMatch(/[ก-๙]/);
    await post.getByLabel('หัวเรื่อง').fill('กำหนดยืนยันข้อมูลของจังหวัดแพร่');
    await post.getByRole('button', { name: 'ส่งประกาศ' }).click();
    await page.getByText('ส่งประกาศ “กำหนดยืนยันข้อมูลของจังหวัดแพร่” แล้ว').waitFor();
    await screenshots(page, 'province-notices');
    await page.getByRole('link', { name: 'LEC' }).click();
    await row.getByRole('checkbox', { name: /ข้อมูลนักเรียน \(โรงเรียน\)/ }).check();
    await page.getByLabel('เหตุผลที่ยกเลิกการยืนยัน').fill('สุ่มตรวจพบรายชื่อซ้ำ ให้ตรวจสอบใหม่');
    await page.getByRole('button', { name: 'ยกเลิกการยืนยันข้อมูลที่เลือก' }).click();
    await page.getByText('ยกเลิกการยืนยันข้อมูลเรียบร้อยแล้ว').waitFor();
    await row.getByText('ยกเลิกการยืนยันแล้ว รอยืนยันใหม่').waitFor();
    await row.getByText('เหตุผลที่ยกเลิก: สุ่มตรวจพบรายชื่อซ้ำ ให้ตรวจสอบใหม่').waitFor();
    await screenshots(page, 'province-revoked');

    // Spot check: draw, then a pupil not found needs a note (the server's Thai message says so).
    await page.getByRole('link', { name: 'สุ่มตรวจสอบ' }).click();
    await page.getByLabel('จำนวนที่สุ่ม (คน)').fill('2');
    await page.getByRole('button', { name: 'สุ่มรายชื่อ' }).click();
    await page.getByText('สุ่ม 2 คน จาก 2 คน', { exact: false }).waitFor();
    const first = page.locator('form.spot-result').first();
    await first.getByRole('combobox').selectOption('NOT_FOUND');
    await first.getByRole('button', { name: 'บันทึกผล' }).click();
    expect(await first.getByRole('alert').textContent()).toMatch(/หมายเหตุ/);
    await first.getByPlaceholder('หมายเหตุ').fill('ครูประจำชั้นแจ้งว่าไม่เคยมาเรียน');
    await first.getByRole('button', { name: 'บันทึกผล' }).click();
    await first.getByText('บันทึกแล้ว').waitFor();
    await screenshots(page, 'province-spot-check');

    // Credential sheets: the page names who would get a new password (a CDC without an account),
    // printing needs a confirmation, and one unit's card can be printed alone.
    const fresh = await createUnit(server.sys.store, 'CDC', tree.lao.code);
    await page.getByRole('link', { name: 'บัญชีผู้ใช้งาน' }).click();
    await page.getByLabel('ใบแจ้งของ').selectOption(tree.lao.code);
    const sheet = page.getByRole('table', { name: 'หน่วยงานในใบแจ้งบัญชีผู้ใช้งาน' });
    await sheet
      .getByRole('row', { name: new RegExp(fresh.name) })
      .getByText('จะได้รหัสผ่านใหม่')
      .waitFor();
    await sheet
      .getByRole('row', { name: new RegExp(tree.school.name) })
      .getByText('เข้าสู่ระบบแล้ว')
      .waitFor();
    expect(await page.getByRole('button', { name: 'พิมพ์ใบแจ้งบัญชีผู้ใช้งาน (PDF)' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /ยืนยันออกรหัสผ่านใหม่ให้/ }).check();
    const printAll = await page.getByRole('link', { name: 'พิมพ์ใบแจ้งบัญชีผู้ใช้งาน (PDF)' }).getAttribute('href');
    expect(printAll).toContain('confirm=1');
    await sheet.getByRole('button', { name: `พิมพ์ใบของหน่วยงานนี้ ${tree.school.name}` }).click();
    expect(await sheet.getByRole('link', { name: 'ยืนยันออกรหัสผ่านใหม่และพิมพ์' }).getAttribute('href')).toBe(
      `/credentials/${tree.lao.code}.pdf?only=${tree.school.code}&confirm=1`,
    );
    await screenshots(page, 'province-credentials');
    const pdfSheet = await page.request.get(printAll!);
    expect([pdfSheet.status(), pdfSheet.headers()['content-type']]).toEqual([200, 'application/pdf']);

    // Figures of one district of the province.
    await page.getByRole('link', { name: 'ตัวเลข', exact: true }).click();
    await page.getByLabel('อำเภอ', { exact: true }).selectOption({ index: 1 });
    await page.locator('.figures-source').getByText(/อำเภอ/).waitFor();
    expect(
      await page.getByRole('link', { name: 'ดาวน์โหลดจำนวนนักเรียน (Excel)' }).getAttribute('href'),
    ).toMatch(/\?district=/);
    await screenshots(page, 'province-figures');
  }, 60_000);

  it('a pupil already on another register: the Thai refusal names it and offers a transfer request', async () => {
    const other = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    await signInAs(server, other.code);
    const page = await signIn(other.code);
    await page.getByRole('link', { name: 'เพิ่มข้อมูลนักเรียน' }).click();
    const form = page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' });
    const year = new Date().getUTCFullYear() - 7;
    await form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(good);
    await form.getByLabel('คำนำหน้า').fill('ด.ช.');
    await form.getByLabel('ชื่อ', { exact: true }).fill('ธนากร');
    await form.getByLabel('นามสกุล').fill('ใจงามดี');
    await form.getByLabel('เพศ').selectOption('MALE');
    await form.getByLabel('วันเกิด: วันที่').selectOption('15');
    await form.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มีนาคม' });
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(year + 543));
    await form.getByLabel('ระดับชั้น').selectOption('P2');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    expect(await form.getByRole('alert').textContent()).toContain(tree.school.name);
    await form.getByRole('button', { name: 'ขอย้ายนักเรียนคนนี้เข้า' }).click();
    await page.getByText('ส่งคำขอย้าย ธนากร ใจงามดี เข้าแล้ว', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'ย้ายเข้า / ย้ายออก' }).click();
    const asked = page.getByRole('region', { name: 'คำขอย้ายเข้า (เราขอรับนักเรียนจากสถานศึกษาอื่น)' });
    await asked.getByText('รอคำตอบ').waitFor();
    await screenshots(page, 'institution-transfers');
  }, 60_000);

  it('a school clerk’s day: each mistake answered in Thai at its field, a normal leave, a transfer in, the promotion, a history, the second-term check', async () => {
    const school = await createUnit(server.sys.store, 'SCHOOL', tree.lao.code);
    const token = await signInAs(server, school.code);
    const page = await signIn(school.code);
    // The province's notice: an unread count in the top bar, read on the notices page.
    await page.locator('.count-badge').waitFor();
    await page.getByRole('link', { name: /^ประกาศ/ }).click();
    const notice = page.getByRole('listitem', { name: 'กำหนดยืนยันข้อมูลของจังหวัดแพร่' });
    await notice.getByText('ยังไม่อ่าน').waitFor();
    await screenshots(page, 'institution-notices');
    const before = Number(await page.locator('.count-badge').textContent());
    await notice.getByRole('button', { name: /^ทำเครื่องหมายว่าอ่านแล้ว/ }).click();
    await notice.getByText(/อ่านแล้วเมื่อ/).waitFor();
    // The badge shows one fewer (or goes away at zero); wait for it rather than read it once.
    if (before > 1) await page.locator('.count-badge', { hasText: new RegExp(`^${before - 1}$`) }).waitFor();
    else await page.locator('.count-badge').waitFor({ state: 'detached' });
    expect(
      Number(
        (await page.locator('.count-badge').count()) ? await page.locator('.count-badge').textContent() : 0,
      ),
    ).toBe(before - 1);
    await page.getByRole('link', { name: 'LEC' }).click();
    await page.getByRole('link', { name: 'เพิ่มข้อมูลนักเรียน' }).click();
    const form = page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' });
    const birthGroup = form.getByRole('group', { name: 'วันเกิด' });
    const groupError = async () => (await birthGroup.locator('.field-error').textContent()) ?? '';
    // A Christian-era year in the Buddhist-era box is named as such before anything is sent.
    await form.getByLabel('วันเกิด: วันที่').selectOption('15');
    await form.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มีนาคม' });
    const ce = new Date().getUTCFullYear() - 7;
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(ce));
    expect(await groupError()).toContain(`ปี ${ce} เป็นปี ค.ศ.`);
    expect(await groupError()).toContain(`พ.ศ. ${ce + 543}`);
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(ce + 543));
    expect(await birthGroup.locator('.field-error').count()).toBe(0);
    // Sex not chosen: the server's coercion error comes back in Thai at the sex field.
    await form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(validCitizenId());
    await form.getByLabel('คำนำหน้า').fill('ด.ญ.');
    await form.getByLabel('ชื่อ', { exact: true }).fill('มะลิ');
    await form.getByLabel('นามสกุล').fill('ศรีสุข');
    await form.getByLabel('ระดับชั้น').selectOption('P1');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    const sex = form.getByLabel('เพศ');
    await page.locator('.field-error').first().waitFor();
    expect(await sex.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, sex)).toBe('กรุณาเลือกเพศ');
    await screenshots(page, 'institution-enrol-sex-missing');
    await sex.selectOption('FEMALE');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    await page.getByText('บันทึกข้อมูล มะลิ ศรีสุข เรียบร้อยแล้ว').waitFor();

    // An over-age pupil: one Thai message asking for the explanation, no English field name, and the
    // success notice of the pupil before is gone.
    await form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(validCitizenId());
    await form.getByLabel('คำนำหน้า').fill('ด.ช.');
    await form.getByLabel('ชื่อ', { exact: true }).fill('สมชาย');
    await form.getByLabel('นามสกุล').fill('ศรีสุข');
    await form.getByLabel('เพศ').selectOption('MALE');
    await form.getByLabel('วันเกิด: วันที่').selectOption('1');
    await form.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มกราคม' });
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(new Date().getUTCFullYear() - 11 + 543));
    await form.getByLabel('ระดับชั้น').selectOption('P1');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    const said = (await alert.textContent()) ?? '';
    expect(said).toMatch(/เหตุผล/);
    expect(said).not.toMatch(/[A-Za-z]/);
    expect(await alert.locator('li').count()).toBe(0);
    expect(await page.getByText('บันทึกข้อมูล มะลิ ศรีสุข เรียบร้อยแล้ว').count()).toBe(0);
    const note = form.getByLabel('คำอธิบายเมื่อข้อมูลผิดปกติ (เช่น อายุมากกว่าเกณฑ์)');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await screenshots(page, 'institution-enrol-query-note');
    await note.fill('เข้าเรียนช้าเพราะย้ายตามผู้ปกครองจากต่างประเทศ');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
    await page.getByText('บันทึกข้อมูล สมชาย ศรีสุข เรียบร้อยแล้ว').waitFor();

    // A third pupil through the API; then the normal leave (transferred out) with its date.
    const third = await server.gql(
      `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
      {
        c: school.code,
        i: pupilInput({ firstName: 'ชูใจ', lastName: 'ดีงาม', prefix: 'ด.ญ.', sex: 'FEMALE' }),
      },
      { token },
    );
    expect(third.errors).toBeUndefined();
    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    await page.getByText('พบ 3 คน').waitFor();
    await page.getByRole('button', { name: 'บันทึกออก ด.ญ.ชูใจ ดีงาม' }).click();
    const leave = page.getByRole('form', { name: 'บันทึกนักเรียนออก ด.ญ.ชูใจ ดีงาม' });
    await leave.getByRole('button', { name: 'บันทึกนักเรียนออก' }).click();
    expect(await leave.locator('.field-error').first().textContent()).toBe('กรุณาเลือกเหตุที่ออก');
    await leave.getByRole('radio', { name: 'ย้ายออก (ไปเรียนที่สถานศึกษาอื่น)' }).check();
    await leave.getByLabel('รหัสสถานศึกษาที่ย้ายไป (ถ้าทราบ)').fill(tree.school.code);
    await screenshots(page, 'institution-leave');
    await leave.getByRole('button', { name: 'บันทึกนักเรียนออก' }).click();
    await page
      .getByText('บันทึก ด.ญ.ชูใจ ดีงาม ออก (ย้ายออก (ไปเรียนที่สถานศึกษาอื่น)) เรียบร้อยแล้ว', { exact: false })
      .waitFor();
    await page.getByText('พบ 2 คน').waitFor();
    // Not in the removal register: the pupil existed.
    await page.getByRole('link', { name: 'ทะเบียนนักเรียนที่ไม่มีตัวตน' }).click();
    await page.getByText('ยังไม่มีการนำข้อมูลออกจากระบบ').waitFor();

    // A pupil's history, event by event.
    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    await page.getByRole('button', { name: 'ประวัติ ด.ช.สมชาย ศรีสุข' }).click();
    const history = page.getByRole('region', { name: 'ประวัติของ ด.ช.สมชาย ศรีสุข' });
    await history.getByText('เพิ่มข้อมูล', { exact: true }).waitFor();
    await screenshots(page, 'institution-pupil-history');

    // Transfer in from a school of another affiliation, then the second-term check lists it.
    await page.getByRole('link', { name: 'ย้ายเข้า / ย้ายออก' }).click();
    const joinForm = page.getByRole('form', { name: 'รับนักเรียนย้ายเข้า' });
    await joinForm.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(validCitizenId());
    await joinForm.getByLabel('คำนำหน้า').fill('ด.ช.');
    await joinForm.getByLabel('ชื่อ', { exact: true }).fill('ก้องภพ');
    await joinForm.getByLabel('นามสกุล').fill('มาใหม่');
    await joinForm.getByLabel('เพศ').selectOption('MALE');
    await joinForm.getByLabel('วันเกิด: วันที่').selectOption('2');
    await joinForm.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มิถุนายน' });
    await joinForm.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(ce + 543));
    await joinForm.getByLabel('ระดับชั้น').selectOption('P1');
    await joinForm.getByLabel('รหัสสถานศึกษาเดิม (ถ้าทราบ)').fill('1057000001');
    await joinForm.getByRole('button', { name: 'บันทึกนักเรียนย้ายเข้า' }).click();
    await page.getByText('บันทึก ก้องภพ มาใหม่ ย้ายเข้าเรียบร้อยแล้ว').waitFor();
    await screenshots(page, 'institution-transfer-in');
    await page.getByRole('link', { name: 'ตรวจสอบภาคเรียนที่ 2' }).click();
    await page
      .getByRole('table', { name: 'นักเรียนย้ายเข้า' })
      .getByRole('row', { name: /ก้องภพ มาใหม่/ })
      .waitFor();
    await screenshots(page, 'institution-second-term-check');

    // The yearly promotion: the preview first, then the commit.
    await page.getByRole('link', { name: 'เลื่อนชั้น', exact: true }).click();
    await page.getByRole('button', { name: 'คำนวณการเลื่อนชั้น (ยังไม่บันทึก)' }).click();
    await page.getByText('ผลการคำนวณ (ยังไม่บันทึก)').waitFor();
    await page.getByRole('button', { name: 'บันทึกการเลื่อนชั้นตามนี้' }).click();
    await page.getByText('บันทึกการเลื่อนชั้นแล้ว').waitFor();
    await screenshots(page, 'institution-promotion');

    // The posting list (names and grades, no IDs) can be printed at any time from the register.
    await page.getByRole('link', { name: 'รายชื่อนักเรียน' }).click();
    const posting = await page.getByRole('link', { name: 'พิมพ์รายชื่อปิดประกาศ (PDF)' }).getAttribute('href');
    const postingPdf = await page.request.get(posting!);
    expect([postingPdf.status(), postingPdf.headers()['content-type']]).toEqual([200, 'application/pdf']);

    // Confirm, be revoked by the LAO, add a pupil, confirm again: the summary says what changed since.
    await page.getByRole('link', { name: 'ยืนยันข้อมูล', exact: true }).click();
    await page.getByRole('button', { name: 'ยืนยันข้อมูลนักเรียน (โรงเรียน)' }).click();
    const summary = page.getByRole('group', { name: 'สรุปข้อมูลที่จะยืนยัน' });
    await summary.getByText('ยังไม่เคยยืนยันข้อมูลนี้', { exact: false }).waitFor();
    await summary.getByRole('button', { name: 'ยืนยันข้อมูลตามนี้' }).click();
    await page.getByText(/^ยืนยันข้อมูลนักเรียน \(โรงเรียน\)เรียบร้อยแล้ว/).waitFor();
    const laoToken = await signInAs(server, tree.lao.code);
    const revoked = await server.gql(
      `mutation($c: String!) { revokeConfirmation(orgUnitCode: $c, dataset: PUPILS, reason: "เพิ่มนักเรียนที่ตกหล่น") { id } }`,
      { c: school.code },
      { token: laoToken },
    );
    expect(revoked.errors).toBeUndefined();
    const late = await server.gql(
      `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
      { c: school.code, i: pupilInput({ firstName: 'ตกหล่น', lastName: 'มาทีหลัง' }) },
      { token },
    );
    expect(late.errors).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'ยืนยันข้อมูลนักเรียน (โรงเรียน)' }).click();
    const changes = summary.getByRole('region', { name: 'เปลี่ยนแปลงตั้งแต่การยืนยันครั้งล่าสุด' });
    await changes.getByText('เพิ่มเข้ามา 1 คน').waitFor();
    await changes.getByRole('row', { name: /ป\.1/ }).waitFor();
    await screenshots(page, 'institution-changes-since');
    await summary.getByRole('button', { name: 'ยกเลิก' }).click();

    // The LAO's review list: the over-age pupil accepted with a note, under the school; and the count
    // in the LAO's status table.
    const lao = await signIn(tree.lao.code);
    await lao.getByRole('link', { name: 'รายการที่ควรตรวจ' }).click();
    const reviewed = lao.getByRole('article', { name: school.name });
    await reviewed.getByRole('row', { name: /สมชาย/ }).getByText('รับไว้พร้อมคำอธิบายข้อมูลผิดปกติ').waitFor();
    await screenshots(lao, 'lao-review-lists');
    await lao.getByRole('link', { name: 'สถานศึกษาและการยืนยัน' }).click();
    await lao
      .getByRole('row', { name: new RegExp(school.name) })
      .getByText(/ควรตรวจ: ผิดปกติ 1/)
      .waitFor();
    await lao.context().close();

    // The clerk's own password: the rules are on the page before the first try; a wrong current
    // password is answered at its field; then the change goes through.
    await page.getByRole('link', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByText('รหัสผ่านใหม่ต้อง:').waitFor();
    expect(await page.locator('.password-rules li').count()).toBeGreaterThan(0);
    await screenshots(page, 'change-password');
    const current = page.getByLabel('รหัสผ่านปัจจุบัน');
    await current.fill('not-my-password');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('Lec-clerk-pass-2569');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('Lec-clerk-pass-2569');
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/[ก-๙]/);
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    await current.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
    await page.getByText('เปลี่ยนรหัสผ่านเรียบร้อยแล้ว', { exact: false }).waitFor();
  }, 90_000);

  it('the department sees the provinces, the open round and a unit’s history', async () => {
    await signInAdmin(server);
    const page = await signIn('admin');
    await page.getByRole('heading', { name: 'ความคืบหน้ารายจังหวัด' }).waitFor();
    await page.getByRole('row', { name: /แพร่/ }).first().waitFor();
    await screenshots(page, 'department');

    // A short help page for the role, linked from the top bar of every screen.
    await page.getByRole('link', { name: 'วิธีใช้งาน' }).click();
    await page.getByRole('heading', { name: 'วิธีใช้งานในแต่ละรอบ' }).waitFor();
    await page.getByRole('heading', { name: 'กรมส่งเสริมการปกครองท้องถิ่น (สถ.)' }).waitFor();
    await screenshots(page, 'help-department');
    await page.getByRole('link', { name: 'กลับหน้าหลัก' }).click();

    // The department posts a notice to every province; it is listed among those sent.
    await page.getByRole('link', { name: /^ประกาศ/ }).click();
    const post = page.getByRole('form', { name: 'ส่งประกาศ' });
    await post.getByLabel('หัวเรื่อง').fill('เลื่อนกำหนดยืนยันข้อมูลระดับจังหวัด');
    await post.getByLabel('ข้อความ').fill('กรมขยายกำหนดยืนยันข้อมูลระดับจังหวัดออกไป 3 วัน');
    await post.getByLabel('จังหวัด', { exact: true }).check();
    await post.getByRole('button', { name: 'ส่งประกาศ' }).click();
    await page.getByText('ส่งประกาศ “เลื่อนกำหนดยืนยันข้อมูลระดับจังหวัด” แล้ว').waitFor();
    await page
      .getByRole('region', { name: 'ประกาศที่ส่งแล้ว' })
      .getByText('เลื่อนกำหนดยืนยันข้อมูลระดับจังหวัด')
      .waitFor();
    await screenshots(page, 'department-notices');
    await page.getByRole('link', { name: 'LEC' }).click();

    // National figures: the chart and its table with real numbers, live and confirmed.
    await page.getByRole('link', { name: 'ตัวเลข', exact: true }).click();
    const byGrade = page.getByRole('table', { name: 'จำนวนนักเรียนรายชั้น แยกชาย หญิง' });
    await byGrade.getByRole('row', { name: /ป\.1\s*\d/ }).waitFor();
    await page.getByRole('row', { name: /^รวมทั้งหมด/ }).waitFor();
    expect(await page.locator('.grade-chart svg rect').count()).toBeGreaterThan(0);
    await screenshots(page, 'department-figures');
    await page.getByRole('radio', { name: 'ข้อมูลที่ยืนยันแล้วของรอบ' }).check();
    await page.getByText('ข้อมูลที่ยืนยันแล้วของรอบ (ตัวเลขที่ใช้อ้างอิง)').waitFor();

    // Budget and the dated rates: a refusal comes back in Thai at the field it names.
    await page.getByRole('link', { name: 'งบประมาณ', exact: true }).click();
    const rates = page.getByRole('form', { name: 'กำหนดอัตราเงินอุดหนุน' });
    await rates.getByLabel('วันที่มีผล: วันที่').selectOption('1');
    await rates.getByLabel('วันที่มีผล: เดือน').selectOption({ label: 'พฤษภาคม' });
    await rates.getByLabel('วันที่มีผล: ปี พ.ศ.').fill(String(new Date().getUTCFullYear() + 543));
    const days = rates.getByLabel('จำนวนวันค่าอาหารกลางวัน', { exact: true });
    await days.fill('');
    await rates.getByRole('button', { name: 'บันทึกอัตรา' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await fieldError(page, days)).toMatch(/จำนวนวัน/);
    await days.fill('200');
    await rates.getByRole('button', { name: 'บันทึกอัตรา' }).click();
    await page.getByText(/^บันทึกอัตราที่มีผลตั้งแต่ 1 พฤษภาคม/).waitFor();
    await screenshots(page, 'department-budget');
    await page.getByRole('link', { name: 'จังหวัดและการยืนยัน' }).click();
    await page.getByRole('link', { name: 'แพร่' }).waitFor();
    await screenshots(page, 'department-provinces');
    await page.getByRole('link', { name: 'ภาพรวมประเทศ' }).click();
    await page.getByRole('button', { name: 'เรียงตามชื่อจังหวัด' }).click();
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.getByRole('link', { name: 'รอบการบันทึกข้อมูล' }).first().click();
    await page.getByRole('heading', { name: /^รอบที่เปิดอยู่: ครั้งที่ 1/ }).waitFor();
    await screenshots(page, 'department-rounds');
    await page.getByRole('link', { name: 'ประวัติการยืนยัน' }).click();
    // Found by name: the province from the list, then the LAO by typing its name.
    await page.getByLabel('จังหวัด', { exact: true }).selectOption({ label: 'แพร่' });
    await page.getByLabel('ชื่อ อปท. (พิมพ์บางส่วนของชื่อ)').fill(tree.lao.name);
    await page.getByText('สุ่มตรวจพบรายชื่อซ้ำ ให้ตรวจสอบใหม่').waitFor();
    await screenshots(page, 'department-history');

    // A new responsible person takes over: new profile and password, the former kept in the history.
    await page.getByRole('link', { name: 'เปลี่ยนผู้รับผิดชอบ' }).click();
    await page.getByLabel('ชื่อ', { exact: true }).fill('วิไล');
    await page.getByLabel('ชื่อสกุล').fill('รักงาน');
    await page.getByLabel('ตำแหน่ง').fill('ผู้อำนวยการกอง');
    await page.getByLabel('หมายเลขโทรศัพท์').fill('0223456789');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('Lec-next-pass-2569');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('Lec-next-pass-2569');
    // The hand-over asks for the account's current password too.
    await page.getByLabel('รหัสผ่านปัจจุบันของบัญชี').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'บันทึกผู้รับผิดชอบคนใหม่' }).click();
    await page.getByRole('banner').getByText('วิไล รักงาน').waitFor();
    await page.getByRole('link', { name: 'เปลี่ยนผู้รับผิดชอบ' }).click();
    await page.getByRole('heading', { name: 'ประวัติผู้รับผิดชอบ' }).waitFor();
    expect(await page.locator('.row-line').count()).toBe(2);
    await screenshots(page, 'change-responsible-person');

    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบสารสนเทศทางการศึกษาท้องถิ่น' }).waitFor();
    await page.goto('/');
    await page.getByLabel('รหัสผ่าน').waitFor();
  }, 60_000);
});
