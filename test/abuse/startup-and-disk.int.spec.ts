import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/app';
import { StartupError, lockDataDir } from '../../src/db/data-dir';
import { targetFromConfig } from '../../src/db/data-source';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { OrgUnitRow } from '../../src/modules/org-units/org-unit.entity';
import { openSystem } from '../../src/system';
import { adminUrl, withDatabase } from '../support/template';
import { openTestSystem } from '../support/test-system';
import { testLogger } from '../support/test-server';

/**
 * Start-up faults: two processes migrating one empty PostgreSQL database at once, a data folder
 * already locked (or left locked by a dead process), and a full or read-only data folder, which
 * must be a clear error within moments, never a 40 s wait and "[object Object]".
 */
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lec-start-'));

describe('two processes starting at once on an empty PostgreSQL database', () => {
  const url = adminUrl();
  (url ? it : it.skip)(
    'take turns under the advisory lock: both start, the master data exist once',
    async () => {
      const name = `lec_race_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      try {
        const target = { kind: 'postgres' as const, url: withDatabase(url!, name) };
        const [a, b] = await Promise.all([openSystem(target), openSystem(target)]);
        expect(await a.dataSource.manager.count(OrgUnitRow, { where: { kind: 'PROVINCE' } })).toBe(76);
        expect(await b.dataSource.manager.count(OrgUnitRow, { where: { kind: 'DEPARTMENT' } })).toBe(1);
        await a.close();
        await b.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    120_000,
  );
});

describe('the data folder lock', () => {
  it('refuses a second holder, naming the first; takes over a lock whose process is gone', () => {
    const dir = tmp();
    const first = lockDataDir(dir, 'LEC server');
    expect(() => lockDataDir(dir, 'npm run projections:rebuild')).toThrow(/ถูกใช้งานอยู่.*LEC server/);
    expect(() => targetFromConfig({ dataDir: dir }, 'second')).toThrow(StartupError);
    first.release();
    fs.writeFileSync(
      path.join(dir, 'lec.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), what: 'x', since: '' }),
    );
    const again = lockDataDir(dir, 'LEC server');
    expect(JSON.parse(fs.readFileSync(again.file, 'utf8')).pid).toBe(process.pid);
    again.release();
    expect(fs.existsSync(again.file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A small tmpfs, when this machine lets us mount one (root in CI); null with a warning otherwise. */
function mountTmpfs(
  sizeKb: number,
  readOnly = false,
): { dir: string; remount(ro: boolean): void; unmount(): void } | null {
  const dir = tmp();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k${readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch {
    console.warn(
      'SKIPPED: cannot mount a tmpfs here (needs root): full and read-only data folders not probed',
    );
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    remount: (ro) => execFileSync('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' }),
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('a full or read-only data folder', () => {
  it('refuses to start within a second, saying which, and opens nothing', () => {
    const ro = mountTmpfs(1024, true);
    if (!ro) return;
    const full = mountTmpfs(512)!;
    try {
      fs.writeFileSync(path.join(full.dir, 'filler'), Buffer.alloc(512 * 1024 - 4096));
      for (const [dir, why] of [
        [ro.dir, /read-only|EROFS/],
        [full.dir, /disk full|ENOSPC/],
      ] as const) {
        const started = Date.now();
        expect(() => targetFromConfig({ dataDir: dir })).toThrow(why);
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(fs.existsSync(path.join(dir, 'lec.lock'))).toBe(false);
      }
    } finally {
      ro.unmount();
      full.unmount();
    }
  });

  it('/readyz fails while the folder cannot be written and recovers when it can', async () => {
    const disk = mountTmpfs(1024);
    if (!disk) return;
    const sys = await openTestSystem();
    const { app, apollo } = await createApp({
      dataSource: sys.dataSource,
      store: sys.store,
      logger: testLogger(),
      production: false,
      authenticate: createAuthenticator(sys.dataSource),
      dataDir: disk.dir,
    });
    const server = await new Promise<import('node:http').Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const ready = async () =>
      (await fetch(`http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/readyz`))
        .status;
    try {
      expect(await ready()).toBe(200);
      disk.remount(true);
      expect(await ready()).toBe(503);
      disk.remount(false);
      fs.writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(1024 * 1024 - 2048));
      expect(await ready()).toBe(503);
      fs.rmSync(path.join(disk.dir, 'filler'));
      expect(await ready()).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await sys.close();
      disk.unmount();
    }
  });
});
