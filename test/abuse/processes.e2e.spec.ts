import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openPGlite } from '../../src/db/data-source';
import { pgliteTemplateFile } from '../support/template';

/**
 * The server as a process (`src/main.ts` under ts-node), on one embedded data folder: a second
 * server and `projections:rebuild` are refused while it runs (lock file); SIGTERM lets a request
 * under way finish, closes the database and releases the folder; a busy port ends the start with a
 * clear message and leaves nothing open. stderr carries JSON lines only. Embedded only: with
 * DATABASE_URL there is no folder to lock (the PostgreSQL pass skips this file).
 */
const embedded = !process.env.DATABASE_URL;
const root = path.resolve(__dirname, '..', '..');
let dir: string;

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LEC_DEMO: '0',
      LEC_ADMIN_PASSWORD: 'Proc-pass-0001',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--experimental-vm-modules',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const r: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((res) => child.on('exit', (code) => res(code))),
  };
  child.stdout!.on('data', (c: Buffer) => (r.stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (r.stderr += c.toString()));
  return r;
}

async function until(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every stderr line is a JSON object (node's own experimental-feature warnings aside). */
function expectJsonLines(stderr: string) {
  const lines = stderr.split('\n').filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l));
  for (const l of lines)
    expect({
      line: l,
      json: (() => {
        try {
          JSON.parse(l);
          return true;
        } catch {
          return false;
        }
      })(),
    }).toEqual({ line: l, json: true });
  return lines.map((l) => JSON.parse(l) as { msg: string; level: number });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lec-proc-'));
  if (!embedded) return;
  // The folder starts as a copy of the migrated template (a fresh initdb and migrations take ~30 s).
  const db = openPGlite({
    dataDir: path.join(dir, 'pglite'),
    loadDataDir: new Blob([fs.readFileSync(pgliteTemplateFile())]),
  });
  await db.waitReady;
  await db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

(embedded ? it : it.skip)(
  'one process per data folder; SIGTERM drains and closes; a busy port is a clear stop',
  async () => {
    const lock = path.join(dir, 'lec.lock');
    const port = await freePort();
    const a = run('src/main.ts', { LEC_DATA_DIR: dir, PORT: String(port) });
    await until(() => a.stderr.includes('LEC is listening'), 150_000, 'the first server');
    expect(fs.existsSync(lock)).toBe(true);

    const b = run('src/main.ts', { LEC_DATA_DIR: dir, PORT: String(await freePort()) });
    expect(await b.exited).toBe(1);
    const bLines = expectJsonLines(b.stderr);
    expect(bLines.at(-1)!.msg).toMatch(/ถูกใช้งานอยู่.*in use by LEC server/);

    const rebuild = run('src/scripts/rebuild-projections.ts', { LEC_DATA_DIR: dir });
    expect(await rebuild.exited).toBe(1);
    expect(rebuild.stderr).toMatch(/ถูกใช้งานอยู่/);

    // A request under way when SIGTERM comes is answered; then the folder is released.
    const pending = fetch(`http://127.0.0.1:${port}/readyz`);
    await new Promise((r) => setTimeout(r, 20));
    a.child.kill('SIGTERM');
    expect((await pending).status).toBeLessThan(600);
    expect(await a.exited).toBe(0);
    expect(a.stderr).toContain('database closed');
    expect(fs.existsSync(lock)).toBe(false);
    expectJsonLines(a.stderr);

    // A busy port: the start ends with a clear message, the database closed and the lock released.
    const busy = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    const busyPort = (busy.address() as net.AddressInfo).port;
    const c = run('src/main.ts', { LEC_DATA_DIR: dir, PORT: String(busyPort) });
    expect(await c.exited).toBe(1);
    busy.close();
    expect(expectJsonLines(c.stderr).at(-1)!.msg).toMatch(/port \d+ is already in use/);
    expect(fs.existsSync(lock)).toBe(false);
  },
  300_000,
);
