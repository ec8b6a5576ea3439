import type { Browser, Locator, Page } from 'playwright-core';
import { systemMetadata } from '../../src/event-store/event';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { buildClient, launchChromium, newPerson, screenshots } from '../support/browser';
import { createLaoTree, NEW_PASSWORD, PROFILE, signInAdmin, signInAs } from '../support/factories';
import { validCitizenId } from '../support/pupils';
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

describe('web client in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let built: Awaited<ReturnType<typeof buildClient>>;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;

  beforeAll(async () => {
    built = await buildClient();
    server = await startTestServer({ clientDistDir: built.dir });
    browser = await launchChromium();
    tree = await createLaoTree(server.sys.store);
  }, 240_000);
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
    const page = await (await newPerson(browser, server.url)).newPage();
    await page.goto(`/login?username=${issued.username}`);
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
    await page.getByLabel('หมายเลขโทรศัพท์').fill('12');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'บันทึกและเริ่มใช้งาน' }).click();
    // The server's own Thai message, beside the field it names.
    const phone = page.getByLabel('หมายเลขโทรศัพท์');
    await page.locator('.field-error').first().waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, phone)).toMatch(/หมายเลขโทรศัพท์/);
    await page.getByLabel('หมายเลขโทรศัพท์').fill(PROFILE.phone);
    await page.getByRole('button', { name: 'บันทึกและเริ่มใช้งาน' }).click();

    await page.getByRole('heading', { name: 'สิ่งที่ต้องทำตอนนี้' }).waitFor();
    await page.getByRole('link', { name: 'เพิ่มข้อมูลนักเรียน' }).click();
    const form = page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' });
    const year = new Date().getUTCFullYear() - 7;
    const good = validCitizenId();
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
  }, 120_000);

  it('an LAO sees its institutions and drills into one', async () => {
    await signInAs(server, tree.lao.code);
    const page = await signIn(tree.lao.code);
    await page.getByRole('heading', { name: 'สิ่งที่ต้องทำตอนนี้' }).waitFor();
    await page.getByRole('link', { name: tree.school.name }).waitFor();
    await screenshots(page, 'lao');
    await page.getByRole('link', { name: tree.school.name }).click();
    await page.getByRole('row', { name: /ธนากร/ }).waitFor();
  }, 60_000);

  it('a province sees its LAOs', async () => {
    await signInAs(server, tree.provinceCode);
    const page = await signIn(tree.provinceCode);
    await page.getByRole('link', { name: tree.lao.name }).waitFor();
    await screenshots(page, 'province');
  }, 60_000);

  it('the department sees the provinces and opens a round', async () => {
    await signInAdmin(server);
    const page = await signIn('admin');
    await page.getByRole('link', { name: /แพร่/ }).first().waitFor();
    await screenshots(page, 'department');
    await page.getByRole('link', { name: 'รอบการบันทึกข้อมูล' }).first().click();
    await page.getByRole('heading', { name: 'เปิดรอบการบันทึกข้อมูล' }).waitFor();
    await screenshots(page, 'department-rounds');
  }, 60_000);
});
