import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryFailedError } from 'typeorm';
import { CITIZEN_ID_MASK, G_CODE_MASK, redactLine } from '../../src/shared/log-redaction';
import { createLogger } from '../../src/shared/logger';
import { personalDataIn } from '../support/log-scan';
import { validCitizenId } from '../support/pupils';

describe('the suite log scan (global teardown) finds what the redaction should have caught', () => {
  it("citizen IDs bare or grouped, G-Codes and the tests' passwords, not other numbers", () => {
    const id = validCitizenId();
    const grouped = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
    expect(personalDataIn(`{"a":"${id}"}`)).toHaveLength(1);
    expect(personalDataIn(`{"a":"${grouped}"}`)).toHaveLength(1);
    expect(personalDataIn('{"a":"G644200000001","p":"Initial-pass-001"}')).toHaveLength(2);
    expect(
      personalDataIn(`{"time":"2026-12-02T21:00:00.000Z","ms":1764709200000,"n":"[citizen-id]"}`),
    ).toEqual([]);
  });
});

describe('log redaction by pattern', () => {
  it('masks a checksum-valid citizen ID anywhere in a line, bare or grouped as on the card', () => {
    const id = validCitizenId();
    const grouped = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
    const line = `{"msg":"duplicate key","detail":"Key (citizen_id)=(${id}) already exists","card":"${grouped}"}`;
    const out = redactLine(line);
    expect(out).not.toContain(id);
    expect(out).not.toContain(grouped);
    expect(out.split(CITIZEN_ID_MASK)).toHaveLength(3);
  });

  it('keeps 13-digit numbers that are not citizen IDs (wrong check digit) and longer digit runs', () => {
    const id = validCitizenId();
    const wrong = id.slice(0, 12) + ((Number(id[12]) + 1) % 10);
    expect(redactLine(`n=${wrong}`)).toBe(`n=${wrong}`);
    expect(redactLine(`n=9${id}`)).toBe(`n=9${id}`);
  });

  it('masks G-Codes, secrets under their keys and bearer tokens', () => {
    const out = redactLine(
      '{"id":"G644200000001","body":"{\\"password\\":\\"Secret-123\\"}","password":"Pass-1","h":"Bearer abcdefghijklmnop","q":"token=zzz123"}',
    );
    expect(out).toContain(G_CODE_MASK);
    expect(out).not.toMatch(/G644200000001|Secret-123|Pass-1|abcdefghijklmnop|zzz123/);
  });

  it('the logger writes JSON lines only, with no SQL parameters and no IDs, whatever it is given', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lec-log-')), 'test.log');
    const logger = createLogger('debug', { file });
    const id = validCitizenId();
    const failed = new QueryFailedError(
      'INSERT INTO events VALUES ($1, $2)',
      [id, 'สมชาย'],
      new Error('boom'),
    );
    logger.error({ err: failed }, 'unexpected');
    logger.info({ note: `ID ${id} and password=hunter22` }, `message with ${id}`);
    logger.flush();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
    const text = lines.join('\n');
    expect(text).not.toContain(id);
    expect(text).not.toContain('สมชาย');
    expect(text).not.toContain('hunter22');
    expect(JSON.parse(lines[0]).err.query).toContain('INSERT INTO events');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
