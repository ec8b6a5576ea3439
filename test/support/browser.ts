import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(root, 'test', 'screenshots');

/** Builds the web client with vite into a fresh temp folder (nothing prebuilt is assumed). */
export async function buildClient(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lec-client-'));
  await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(root, 'client', 'vite.config.ts'),
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // jest runs with NODE_ENV=test, which would make vite bundle React's development build: the
    // walk (and its weight check) must load what `npm run build` ships.
    { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser walk needs Debian's chromium (`apt-get install chromium fonts-thai-tlwg`). Where it is
 * missing the walk is skipped with a warning, so `npm test` still runs on a fresh machine; CI sets
 * LEC_REQUIRE_BROWSER=1 (after installing it), and then a missing browser fails the run.
 */
export function browserWalk(): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  if (process.env.LEC_REQUIRE_BROWSER === '1')
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium fonts-thai-tlwg`);
  console.warn(`Browser walk SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-thai-tlwg)`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Uncaught errors of the pages opened by newPerson; a test expects none. */
export const pageErrors: string[] = [];

/** A separate browser profile (cookies) per person, in Thai. */
export async function newPerson(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: DESKTOP,
  });
  context.on('weberror', (e) => pageErrors.push(e.error().message));
  return context;
}

/**
 * Full-page screenshots of the current screen at desktop and phone widths. Fails when the page is
 * wider than the phone (something would need sideways scrolling) or the Thai font did not load.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('document.fonts.ready');
  const sarabunLoaded = `[...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Sarabun' && f.status === 'loaded')`;
  if (!(await page.evaluate(sarabunLoaded)))
    throw new Error(`${name}: the bundled Sarabun font is not in use`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
  const widest = await page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1)
    .slice(-3).map((e) => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40)).join(' | ')`);
  await page.setViewportSize(DESKTOP);
  if (width > PHONE.width)
    throw new Error(`${name}: ${width}px wide on a ${PHONE.width}px phone screen: ${String(widest)}`);
}
