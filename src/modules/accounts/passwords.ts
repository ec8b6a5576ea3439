import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** No 0/O, 1/l/I: the initial password is read off paper and typed in by hand. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateInitialPassword(length = 10): string {
  for (;;) {
    const p = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/\d/.test(p) && /[A-Za-z]/.test(p)) return p;
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user name is unknown, so timing does not reveal which names exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password-0');
  return dummy;
}
