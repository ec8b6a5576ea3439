import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The embedded database folder (LEC_DATA_DIR) belongs to one process at a time. PGlite has no
 * lock of its own: two processes writing the same folder corrupt it, and one that only opened it
 * can still make the other's acknowledged writes vanish. Hence a lock file, taken before PGlite
 * opens the folder and removed when it is closed (or the process ends).
 */

/** A start that cannot go on: the message says, in Thai and English, what to do. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  what: string;
  since: string;
}

const LOCK_NAME = 'lec.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

function folderProblem(dir: string, e: unknown): StartupError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'พื้นที่ดิสก์เต็ม (disk full)'
      : code === 'EROFS'
        ? 'เป็นระบบไฟล์แบบอ่านอย่างเดียว (read-only file system)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'ไม่มีสิทธิ์เขียน (permission denied)'
          : `เขียนไม่ได้ (${code ?? String(e)})`;
  return new StartupError(
    `โฟลเดอร์ข้อมูล ${dir} ${why}: กรุณาแก้ไขแล้วเริ่มระบบใหม่ ` +
      `(the data folder LEC_DATA_DIR=${dir} cannot be written: ${code ?? String(e)}; free space or fix its permissions, then start again)`,
  );
}

/** A write (and fsync) of a small file in the folder: a full or read-only disk fails here in milliseconds. */
export function probeWritable(dir: string, bytes = 256 * 1024): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(probe, 'w');
    try {
      // A nearly full disk takes part of a write without an error: write until all of it is taken.
      const block = Buffer.alloc(bytes);
      for (let at = 0; at < bytes;) at += fs.writeSync(fd, block, at, bytes - at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw folderProblem(dir, e);
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/**
 * Takes the folder's lock for this process, or refuses, naming the process that holds it. A lock
 * left by a process that no longer runs (a crash, a power cut) is taken over.
 */
export function lockDataDir(dir: string, what: string): DataDirLock {
  probeWritable(dir);
  const file = path.join(dir, LOCK_NAME);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw folderProblem(dir, e);
      const held = readLock(file);
      const alive = held && (held.host !== mine.host || isRunning(held.pid));
      if (alive || attempt > 0)
        throw new StartupError(
          `โฟลเดอร์ข้อมูล ${dir} ถูกใช้งานอยู่โดยโปรแกรมอื่น (${held?.what ?? 'ไม่ทราบ'} pid ${held?.pid ?? '?'}) ` +
            'ให้หยุดโปรแกรมนั้นก่อน หรือใช้ LEC_DATA_DIR อื่น ' +
            `(the data folder is in use by ${held?.what ?? 'another process'}, pid ${held?.pid ?? '?'} on ${held?.host ?? '?'} ` +
            `since ${held?.since ?? '?'}; stop it first. If no such process runs, delete ${file})`,
        );
      fs.rmSync(file, { force: true }); // the holder is gone
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { file, release };
}
