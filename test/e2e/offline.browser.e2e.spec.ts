import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserWalk,
  buildClient,
  launchChromium,
  newPerson,
  pageErrors,
  screenshots,
} from '../support/browser';
import { createLaoTree, NEW_PASSWORD, signInAs } from '../support/factories';
import { seedPupil, validCitizenId } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { systemMetadata } from '../../src/event-store/event';
import { confirmDataset } from '../../src/modules/confirmation/confirm-dataset';
import { roundsDecider } from '../../src/modules/rounds/round.decider';
import { ROUNDS_STREAM } from '../../src/modules/rounds/round.events';
import { metadataFor, openRoundDirect, viewerFor } from '../support/confirmation';

/**
 * A rural school on a weak connection (issue 15): the client installs as a PWA, opens with the
 * network cut, queues enrolments made offline (รอส่ง), sends them when the network returns, and
 * shows a refusal on its item to fix or drop.
 */
browserWalk()('offline: the PWA and the queue of writes', () => {
  let server: TestServer;
  let browser: Browser;
  let built: Awaited<ReturnType<typeof buildClient>>;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let enrolledId: string;
  const fresh = validCitizenId();

  beforeAll(async () => {
    built = await buildClient();
    server = await startTestServer({ clientDistDir: built.dir });
    browser = await launchChromium();
    tree = await createLaoTree(server.sys.store);
    await openRoundDirect(server.sys.store);
    await signInAs(server, tree.school.code);
    const id = await seedPupil(server.sys.store, tree.school);
    enrolledId = (await server.sys.dataSource.manager.findOneByOrFail(PupilRow, { id })).citizenId;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    built?.remove();
  });

  async function fillEnrolment(page: Page, citizenId: string) {
    const form = page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' });
    await form.getByLabel('เลขประจำตัวประชาชน หรือรหัส G').fill(citizenId);
    await form.getByLabel('คำนำหน้า').fill('ด.ญ.');
    await form.getByLabel('ชื่อ', { exact: true }).fill('ดวงใจ');
    await form.getByLabel('นามสกุล').fill('บ้านไกล');
    await form.getByLabel('เพศ').selectOption('FEMALE');
    await form.getByLabel('วันเกิด: วันที่').selectOption('1');
    await form.getByLabel('วันเกิด: เดือน').selectOption({ label: 'มิถุนายน' });
    await form.getByLabel('วันเกิด: ปี พ.ศ.').fill(String(new Date().getUTCFullYear() - 7 + 543));
    await form.getByLabel('ระดับชั้น').selectOption('P1');
    await form.getByRole('button', { name: 'บันทึกข้อมูลนักเรียน' }).click();
  }

  it('installs, opens with the network cut, queues two enrolments, sends them on reconnect and shows the refusal', async () => {
    const context: BrowserContext = await newPerson(browser, server.url);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`/login?username=${tree.school.code}`);
    await page.getByLabel('รหัสผ่าน').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { name: 'สิ่งที่ต้องทำตอนนี้' }).waitFor();

    // Installable: a manifest with icons, and an active service worker that cached the shell.
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
      icons: unknown[];
      display: string;
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons).toHaveLength(2);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.reload();
    await page.getByRole('link', { name: 'เพิ่มข้อมูลนักเรียน' }).click();
    await page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' }).waitFor();
    expect(
      await page.evaluate(`caches.keys().then((ks) => ks.some((k) => k.startsWith('lec-shell-')))`),
    ).toBe(true);

    // Network cut: the page opens again from the device.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('form', { name: 'เพิ่มข้อมูลนักเรียน' }).waitFor();
    await page.getByText('ออฟไลน์', { exact: true }).waitFor();

    await fillEnrolment(page, fresh);
    await page
      .getByText(/บันทึกไว้ในเครื่องแล้ว \(รอส่ง\)/)
      .first()
      .waitFor();
    await page.getByText('รอส่ง 1 รายการ').waitFor();
    // A second one, of a pupil already on the register: it waits too, and will be refused.
    await fillEnrolment(page, enrolledId);
    await page.getByText('รอส่ง 2 รายการ').waitFor();
    await screenshots(page, 'offline-queued');

    // Network back: sent in order; the first is enrolled once, the second refused on its item.
    await context.setOffline(false);
    await page.getByText('ส่งไม่สำเร็จ 1 รายการ').waitFor({ timeout: 20_000 });
    const count = async (sql: string, p: unknown[]) =>
      Number((await server.sys.dataSource.query(sql, p))[0].n);
    expect(await count(`SELECT count(*) AS n FROM pupils WHERE citizen_id = $1`, [fresh])).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM idempotency_keys WHERE stream_id = $1`, [
        `Institution-${tree.school.code}`,
      ]),
    ).toBe(1);

    await page.getByRole('link', { name: 'ดูรายการ' }).click();
    const item = page.locator('.offline-item');
    await item.getByText('ส่งไม่สำเร็จ').waitFor();
    expect(await item.textContent()).toMatch(/เลขประจำตัวประชาชนนี้มีชื่ออยู่ที่/);
    await screenshots(page, 'offline-refused');
    await item.getByRole('button', { name: 'ยกเลิกรายการนี้' }).click();
    await page.getByText('ไม่มีรายการรอส่ง').waitFor();
    expect(pageErrors.splice(0)).toEqual([]);
    await context.close();
  }, 120_000);

  it('the public page, without a session, shows the closed round of the country and a province', async () => {
    const store = server.sys.store;
    const [roundId] = (await server.sys.dataSource.query(`SELECT id FROM rounds WHERE status = 'OPEN'`)).map(
      (r: { id: string }) => r.id,
    );
    for (const unit of [tree.school, tree.lao, { code: '54', kind: 'PROVINCE' as const }]) {
      const v = viewerFor(unit);
      await confirmDataset(store, v, unit.code, 'PUPILS', metadataFor(v));
    }
    await store.transaction((tx) =>
      store.decide(tx, ROUNDS_STREAM, roundsDecider, { type: 'CloseRound', roundId }, systemMetadata('test')),
    );
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/open-data');
    await page.getByRole('heading', { name: 'ข้อมูลเปิด: จำนวนนักเรียนและเด็กเล็กที่ยืนยันแล้ว' }).waitFor();
    await page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).waitFor();
    await page.getByRole('link', { name: 'แพร่' }).click();
    await page.getByRole('heading', { name: 'จังหวัด แพร่' }).waitFor();
    await screenshots(page, 'open-data-province');
    expect(pageErrors.splice(0)).toEqual([]);
    await context.close();
  }, 60_000);
});
