import { randomUUID } from 'node:crypto';
import { createLaoTree, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const ENROL = `mutation($c: String!, $i: PupilInput!, $k: String, $v: Int) {
  enrolPupil(institutionCode: $c, input: $i, idempotencyKey: $k, basedOnVersion: $v) { id firstName citizenId grade } }`;
const CORRECT = `mutation($p: ID!, $i: PupilPatch!, $k: String, $v: Int) {
  correctPupil(pupilId: $p, input: $i, idempotencyKey: $k, basedOnVersion: $v) { id firstName } }`;
const LEFT = `mutation($p: ID!, $k: String, $v: Int) {
  recordPupilLeft(pupilId: $p, reason: GRADUATED, date: "${new Date().toISOString().slice(0, 10)}", idempotencyKey: $k, basedOnVersion: $v) { id leftReason leftOn } }`;
const REMOVE = `mutation($p: ID!, $k: String, $v: Int) {
  removePupilAsNonExistent(pupilId: $p, reason: NEVER_ATTENDED, idempotencyKey: $k, basedOnVersion: $v) { pupil { id } reason } }`;
const VERSION = `query($c: String!) { registerVersion(institutionCode: $c) }`;

describe('commands queued offline: idempotency keys and the stream version they were made against', () => {
  let server: TestServer;
  let school: { code: string };
  let token: string;
  const deviceA = `devA${randomUUID().slice(0, 8)}`;
  const deviceB = `devB${randomUUID().slice(0, 8)}`;
  const key = (device: string) => `${device}:${randomUUID()}`;

  const gql = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>) =>
    server.gql<T>(q, v, { token });
  const version = async () =>
    (await gql<{ registerVersion: number }>(VERSION, { c: school.code })).data!.registerVersion;
  const count = async (sql: string) => Number((await server.sys.dataSource.query(sql))[0].n);
  const enrol = (k: string | null, over: Record<string, unknown> = {}, v?: number) =>
    gql<{ enrolPupil: { id: string; firstName: string } }>(ENROL, {
      c: school.code,
      i: pupilInput(over),
      k,
      v,
    });

  beforeAll(async () => {
    server = await startTestServer();
    school = (await createLaoTree(server.sys.store)).school;
    token = await signInAs(server, school.code);
  });
  afterAll(() => server.close());

  it('a replayed key returns the original result and appends nothing', async () => {
    const k = key(deviceA);
    const input = pupilInput();
    const first = await gql<{ enrolPupil: { id: string } }>(ENROL, {
      c: school.code,
      i: input,
      k,
    });
    expect(first.errors).toBeUndefined();
    const events = await count(`SELECT count(*) AS n FROM events`);
    const again = await gql<{ enrolPupil: { id: string } }>(ENROL, {
      c: school.code,
      i: input,
      k,
    });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await count(`SELECT count(*) AS n FROM events`)).toBe(events);
    const [row] = await server.sys.dataSource.query(
      `SELECT operation, stream_id FROM idempotency_keys WHERE key = $1`,
      [k],
    );
    expect(row).toEqual({ operation: 'enrolPupil', stream_id: `Institution-${school.code}` });
    // The same key for another command is refused, not taken for a replay.
    const misuse = await gql(CORRECT, { p: first.data!.enrolPupil.id, i: { firstName: 'อื่น' }, k });
    expect(codeOf(misuse)).toBe('BAD_USER_INPUT');
  });

  it('two sends of the same key at once make one pupil', async () => {
    const k = key(deviceA);
    const input = pupilInput();
    const before = await count(`SELECT count(*) AS n FROM pupils`);
    const [a, b] = await Promise.all([
      gql<{ enrolPupil: { id: string } }>(ENROL, { c: school.code, i: input, k }),
      gql<{ enrolPupil: { id: string } }>(ENROL, { c: school.code, i: input, k }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.enrolPupil.id).toBe(b.data!.enrolPupil.id);
    expect(await count(`SELECT count(*) AS n FROM pupils`)).toBe(before + 1);
  });

  it('a refusal records nothing: the same key decides again once the cause is gone', async () => {
    const input = pupilInput();
    const holder = await enrol(null, { citizenId: input.citizenId });
    const k = key(deviceA);
    const refused = await gql(ENROL, { c: school.code, i: input, k });
    expect(codeOf(refused)).toBe('DUPLICATE_PUPIL');
    expect(await count(`SELECT count(*) AS n FROM idempotency_keys WHERE key = '${k}'`)).toBe(0);
    await gql(REMOVE, { p: holder.data!.enrolPupil.id });
    const retried = await gql<{ enrolPupil: { id: string } }>(ENROL, { c: school.code, i: input, k });
    expect(retried.errors).toBeUndefined();
  });

  it("an offline correction of a pupil changed since its version is a CONFLICT; this device's own queued writes are not", async () => {
    const pupil = (await enrol(null)).data!.enrolPupil;
    const seen = await version();
    // Another device corrects the pupil first.
    expect(
      (await gql(CORRECT, { p: pupil.id, i: { firstName: 'สมศักดิ์' }, k: key(deviceB), v: seen })).errors,
    ).toBeUndefined();
    const stale = await gql(CORRECT, { p: pupil.id, i: { firstName: 'สมชาย' }, k: key(deviceA), v: seen });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/ถูกแก้ไขในระบบหลังจากที่ท่านบันทึกไว้/);

    // Device A's own queue made against the same version: an enrolment, then its correction, then its leave.
    const v = await version();
    const mine = await enrol(key(deviceA), {}, v);
    const id = mine.data!.enrolPupil.id;
    const corrected = await gql<{ correctPupil: { firstName: string } }>(CORRECT, {
      p: id,
      i: { firstName: 'มานะ' },
      k: key(deviceA),
      v,
    });
    expect(corrected.errors).toBeUndefined();
    const leftKey = key(deviceA);
    const left = await gql<{ recordPupilLeft: { leftReason: string } }>(LEFT, { p: id, k: leftKey, v });
    expect(left.errors).toBeUndefined();
    expect(left.data!.recordPupilLeft.leftReason).toBe('GRADUATED');
    expect((await gql(LEFT, { p: id, k: leftKey, v })).data).toEqual(left.data);
  });

  it('removal as non-existent replays too; a bad key is refused in Thai', async () => {
    const pupil = (await enrol(null)).data!.enrolPupil;
    const k = key(deviceA);
    const first = await gql(REMOVE, { p: pupil.id, k, v: await version() });
    expect(first.errors).toBeUndefined();
    expect((await gql(REMOVE, { p: pupil.id, k })).data).toEqual(first.data);
    const bad = await gql(REMOVE, { p: pupil.id, k: 'no spaces allowed' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields).toHaveProperty('idempotencyKey');
  });
});
