// Over 300 lines on purpose: one capability's scenarios against one server and unit tree set up once;
// split, every file would start and seed them again (each start costs seconds on 2 shared cores).
import { In } from 'typeorm';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { maskPupilId } from '../../src/modules/pupils/rules/citizen-id';
import { drawSample, orderPopulation, populationDigest } from '../../src/modules/spot-checks/sampling';
import { openSpotCheckFlags, spotCheckFlagMessage } from '../../src/modules/spot-checks/spot-checks.reads';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { seedPupil } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const DRAW = `mutation($p: String!, $n: Int!, $i: [String!]) {
  drawSpotCheck(provinceCode: $p, sampleSize: $n, institutionCodes: $i) {
    id roundId seed algorithm populationOrder populationSize populationDigest requestedSize sampleSize institutionCodes
    province { code } drawnBy { username }
    pupils { pupilId position citizenId name grade institution { code } result }
    institutions { institution { code } drawn found notFound wrongData pending }
  } }`;
const RECORD = `mutation($s: ID!, $p: ID!, $r: SpotCheckResult!, $n: String) {
  recordSpotCheckResult(spotCheckId: $s, pupilId: $p, result: $r, note: $n) {
    pupils { pupilId result note recordedBy { username } }
    institutions { institution { code } drawn found notFound wrongData pending }
  } }`;
const FLAGS = `query($c: String!) { spotCheckFlags(orgUnitCode: $c) {
  spotCheckId roundId open pupil { pupilId citizenId name note institution { code } } } }`;

interface Drawn {
  id: string;
  roundId: string;
  seed: string;
  populationSize: number;
  populationDigest: string;
  requestedSize: number;
  sampleSize: number;
  institutionCodes: string[];
  pupils: { pupilId: string; position: number; citizenId: string; institution: { code: string } }[];
}

describe('spot checks (สุ่มตรวจสอบ): the province draws, records, and institutions see their flags', () => {
  let server: TestServer;
  let a: Awaited<ReturnType<typeof createLaoTree>>;
  let b: Awaited<ReturnType<typeof createLaoTree>>;
  let c: Awaited<ReturnType<typeof createLaoTree>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const store = server.sys.store;
    [a, b, c] = [
      await createLaoTree(store, '54'),
      await createLaoTree(store, '54'),
      await createLaoTree(store, '55'),
    ];
    for (let i = 0; i < 6; i++) await seedPupil(store, a.school);
    for (let i = 0; i < 2; i++) await seedPupil(store, a.cdc);
    for (let i = 0; i < 4; i++) await seedPupil(store, b.school);
    for (let i = 0; i < 3; i++) await seedPupil(store, c.school);
    const [p54, p55, laoA, laoB, schoolA, cdcA, schoolB, dept] = await Promise.all([
      signInAs(server, '54'),
      signInAs(server, '55'),
      signInAs(server, a.lao.code),
      signInAs(server, b.lao.code),
      signInAs(server, a.school.code),
      signInAs(server, a.cdc.code),
      signInAs(server, b.school.code),
      signInAdmin(server),
    ]);
    Object.assign(tokens, { p54, p55, laoA, laoB, schoolA, cdcA, schoolB, dept });
  });
  afterAll(() => server.close());

  const draw = (token: string, p: string, n: number, i?: string[]) =>
    server.gql<{ drawSpotCheck: Drawn }>(DRAW, { p, n, i }, { token });

  /** The population the rule names: active pupils of province 54's schools and CDCs. */
  async function population54(codes?: string[]) {
    const rows = await server.sys.dataSource.manager.find(PupilRow, {
      where: {
        status: 'ACTIVE',
        institutionCode: In(codes ?? [a.school.code, a.cdc.code, b.school.code, b.cdc.code]),
      },
    });
    return rows.map((r) => ({ pupilId: r.id, institutionCode: r.institutionCode }));
  }

  it('is refused while no round is open', async () => {
    expect(codeOf(await draw(tokens.p54, '54', 3))).toBe('NO_OPEN_ROUND');
    const open = await server.gql(
      `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
      {
        i: {
          academicYear: 2568,
          roundNo: 2,
          institutionDeadline: '2025-11-20',
          laoDeadline: '2025-11-25',
          provinceDeadline: '2025-11-26',
        },
      },
      { token: tokens.dept },
    );
    expect(open.errors).toBeUndefined();
  });

  let first: Drawn;
  it('draws the size asked for from the province only, and records what reproduces the draw', async () => {
    const res = await draw(tokens.p54, '54', 5);
    expect(res.errors).toBeUndefined();
    first = res.data!.drawSpotCheck;
    expect(first).toMatchObject({ roundId: '2568-2', requestedSize: 5, sampleSize: 5, populationSize: 12 });
    expect(first.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(first.pupils.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    const pop = await population54();
    const inProvince = new Set(pop.map((p) => p.pupilId));
    expect(new Set(first.pupils.map((p) => p.pupilId)).size).toBe(5);
    for (const p of first.pupils) expect(inProvince.has(p.pupilId)).toBe(true);

    // Anyone with the recorded seed and the population draws the same pupils, in the same order.
    const ordered = orderPopulation(pop);
    expect(populationDigest(ordered)).toBe(first.populationDigest);
    expect(drawSample(first.seed, ordered, 5).map((m) => m.pupilId)).toEqual(
      first.pupils.map((p) => p.pupilId),
    );
    // The event holds the same as the read model.
    const [event] = await server.sys.dataSource.query(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'SpotCheckDrawn'`,
      [`SpotCheck-${first.id}`],
    );
    expect(event.data).toMatchObject({ seed: first.seed, populationSize: 12, sampleSize: 5 });
    expect(event.data.drawn.map((m: { pupilId: string }) => m.pupilId)).toEqual(
      first.pupils.map((p) => p.pupilId),
    );
  });

  it('two draws get different seeds; IDs in the list are masked', async () => {
    const again = (await draw(tokens.p54, '54', 5)).data!.drawSpotCheck;
    expect(again.seed).not.toBe(first.seed);
    const raw = await server.sys.dataSource.manager.findOneByOrFail(PupilRow, {
      id: first.pupils[0].pupilId,
    });
    expect(first.pupils[0].citizenId).toBe(maskPupilId(raw.citizenId));
    expect(first.pupils[0].citizenId).not.toContain(raw.citizenId);
  });

  it('draws from chosen institutions; more than there are draws them all; another province is bad input', async () => {
    const res = await draw(tokens.p54, '54', 50, [a.school.code]);
    expect(res.errors).toBeUndefined();
    const d = res.data!.drawSpotCheck;
    expect(d).toMatchObject({
      requestedSize: 50,
      sampleSize: 6,
      populationSize: 6,
      institutionCodes: [a.school.code],
    });
    expect(new Set(d.pupils.map((p) => p.institution.code))).toEqual(new Set([a.school.code]));
    expect(codeOf(await draw(tokens.p54, '54', 5, [c.school.code]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await draw(tokens.p54, '54', 0))).toBe('BAD_USER_INPUT');
  });

  it('only the province (or the department) draws: another province, an LAO and institutions are refused', async () => {
    expect(codeOf(await draw(tokens.p55, '54', 3))).toBe('FORBIDDEN');
    for (const t of [tokens.laoA, tokens.schoolA, tokens.cdcA]) {
      const res = await draw(t, '54', 3);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(/จังหวัด/);
    }
    expect((await draw(tokens.dept, '54', 3)).errors).toBeUndefined();
  });

  let check: Drawn;
  it('records FOUND / NOT_FOUND / WRONG_DATA with a note, and shows results by institution', async () => {
    check = (await draw(tokens.p54, '54', 8, [a.school.code, a.cdc.code])).data!.drawSpotCheck;
    const atSchool = check.pupils.filter((p) => p.institution.code === a.school.code);
    const record = (p: string, r: string, n: string | null, token = tokens.p54) =>
      server.gql<{ recordSpotCheckResult: { institutions: unknown[] } }>(
        RECORD,
        { s: check.id, p, r, n },
        { token },
      );
    expect(codeOf(await record(atSchool[0].pupilId, 'NOT_FOUND', null))).toBe('BAD_USER_INPUT');
    expect((await record(atSchool[0].pupilId, 'NOT_FOUND', 'ไปที่บ้านตามที่อยู่แล้ว ไม่พบตัว')).errors).toBeUndefined();
    expect((await record(atSchool[1].pupilId, 'WRONG_DATA', 'วันเกิดไม่ตรงกับสูติบัตร')).errors).toBeUndefined();
    const last = await record(atSchool[2].pupilId, 'FOUND', null);
    expect(last.errors).toBeUndefined();
    expect(last.data!.recordSpotCheckResult.institutions).toEqual(
      [
        { institution: { code: a.school.code }, drawn: 6, found: 1, notFound: 1, wrongData: 1, pending: 3 },
        { institution: { code: a.cdc.code }, drawn: 2, found: 0, notFound: 0, wrongData: 0, pending: 2 },
      ].sort((x, y) => (x.institution.code < y.institution.code ? -1 : 1)),
    );

    // A pupil outside the sample, another province, an LAO, a school: refused.
    const outsider = (await population54([b.school.code]))[0].pupilId;
    expect(codeOf(await record(outsider, 'FOUND', null))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record(atSchool[3].pupilId, 'FOUND', null, tokens.p55))).toBe('FORBIDDEN');
    expect(codeOf(await record(atSchool[3].pupilId, 'FOUND', null, tokens.laoA))).toBe('FORBIDDEN');
    expect(codeOf(await record(atSchool[3].pupilId, 'FOUND', null, tokens.schoolA))).toBe('FORBIDDEN');

    const list = await server.gql<{ spotChecks: { id: string }[] }>(
      `query { spotChecks(provinceCode: "54") { id sampleSize } }`,
      {},
      { token: tokens.p54 },
    );
    expect(list.data!.spotChecks.map((s) => s.id)).toContain(check.id);
    expect(
      codeOf(await server.gql(`query { spotChecks(provinceCode: "54") { id } }`, {}, { token: tokens.laoA })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await server.gql(`query { spotChecks(provinceCode: "54") { id } }`, {}, { token: tokens.p55 })),
    ).toBe('FORBIDDEN');
    const one = await server.gql<{ spotCheck: { institutions: { notFound: number }[] } }>(
      `query($id: ID!) { spotCheck(id: $id) { institutions { institution { code } notFound } } }`,
      { id: check.id },
      { token: tokens.p54 },
    );
    expect(one.data!.spotCheck.institutions.map((i) => i.notFound).sort()).toEqual([0, 1]);
  });

  it('a NOT_FOUND raises a flag the institution and its LAO read, and their to-do list sees, until the pupil is removed', async () => {
    const flagged = check.pupils.find((p) => p.institution.code === a.school.code)!;
    type Flags = {
      spotCheckFlags: {
        open: boolean;
        spotCheckId: string;
        pupil: { pupilId: string; citizenId: string; note: string };
      }[];
    };
    for (const [code, token] of [
      [a.school.code, tokens.schoolA],
      [a.lao.code, tokens.laoA],
    ]) {
      const res = await server.gql<Flags>(FLAGS, { c: code }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.spotCheckFlags).toEqual([
        {
          spotCheckId: check.id,
          roundId: '2568-2',
          open: true,
          pupil: expect.objectContaining({
            pupilId: flagged.pupilId,
            citizenId: flagged.citizenId,
            note: 'ไปที่บ้านตามที่อยู่แล้ว ไม่พบตัว',
          }),
        },
      ]);
    }
    // Not another LAO's, nor another institution's business.
    expect(
      (await server.gql<Flags>(FLAGS, { c: b.lao.code }, { token: tokens.laoB })).data!.spotCheckFlags,
    ).toEqual([]);
    expect(codeOf(await server.gql(FLAGS, { c: a.school.code }, { token: tokens.laoB }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(FLAGS, { c: a.school.code }, { token: tokens.schoolB }))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await server.gql<Flags>(FLAGS, { c: a.cdc.code }, { token: tokens.cdcA })).data!.spotCheckFlags,
    ).toEqual([]);

    const m = server.sys.dataSource.manager;
    expect((await openSpotCheckFlags(m, [a.lao.code])).map((f) => f.pupil.pupilId)).toEqual([
      flagged.pupilId,
    ]);
    expect((await openSpotCheckFlags(m, [a.school.code])).map((f) => f.pupil.pupilId)).toEqual([
      flagged.pupilId,
    ]);
    const [open] = await openSpotCheckFlags(m, [a.lao.code]);
    expect(spotCheckFlagMessage(open)).toMatch(
      /ไม่พบตัว .+ สถานศึกษารหัส \d+ \(หมายเหตุ: ไปที่บ้านตามที่อยู่แล้ว ไม่พบตัว\) กรุณาตรวจสอบ/,
    );
    expect(await openSpotCheckFlags(m, [b.lao.code, b.school.code, a.cdc.code])).toEqual([]);

    // The to-do lists of the school and its LAO carry the flag; another LAO's does not.
    const TASKS = `{ myTasks { kind message orgUnit { code } } }`;
    type Tasks = { myTasks: { kind: string; message: string; orgUnit: { code: string } }[] };
    const flagTasks = async (token: string) =>
      (await server.gql<Tasks>(TASKS, {}, { token })).data!.myTasks.filter(
        (t) => t.kind === 'SPOT_CHECK_FLAG',
      );
    for (const token of [tokens.schoolA, tokens.laoA])
      expect(await flagTasks(token)).toEqual([
        { kind: 'SPOT_CHECK_FLAG', message: spotCheckFlagMessage(open), orgUnit: { code: a.school.code } },
      ]);
    expect(await flagTasks(tokens.laoB)).toEqual([]);

    // The school finds the pupil does not exist and removes it: the flag is settled, still shown.
    const removed = await server.gql(
      `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: ABSENT_UNREACHABLE) { reason } }`,
      { id: flagged.pupilId },
      { token: tokens.schoolA },
    );
    expect(removed.errors).toBeUndefined();
    expect(await openSpotCheckFlags(m, [a.lao.code])).toEqual([]);
    const after = await server.gql<Flags>(FLAGS, { c: a.school.code }, { token: tokens.schoolA });
    expect(after.data!.spotCheckFlags.map((f) => f.open)).toEqual([false]);
    expect(await flagTasks(tokens.schoolA)).toEqual([]);
  });

  it('a later FOUND for a pupil flagged NOT_FOUND clears the flag', async () => {
    const other = (await draw(tokens.p54, '54', 4, [b.school.code])).data!.drawSpotCheck;
    const pupilId = other.pupils[0].pupilId;
    const rec = (r: string, n: string | null) =>
      server.gql(RECORD, { s: other.id, p: pupilId, r, n }, { token: tokens.p54 });
    expect((await rec('NOT_FOUND', 'ไม่พบในวันตรวจ')).errors).toBeUndefined();
    const m = server.sys.dataSource.manager;
    expect((await openSpotCheckFlags(m, [b.lao.code])).map((f) => f.pupil.pupilId)).toEqual([pupilId]);
    expect((await rec('FOUND', 'มาเรียนวันถัดมา ตรวจแล้วถูกต้อง')).errors).toBeUndefined();
    expect(await openSpotCheckFlags(m, [b.lao.code])).toEqual([]);
  });
});
