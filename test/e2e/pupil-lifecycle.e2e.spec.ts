// Over 300 lines on purpose: one capability's scenarios against one server and unit tree set up once;
// split, every file would start and seed them again (each start costs seconds on 2 shared cores).
import { randomUUID } from 'node:crypto';
import { systemMetadata, type EventMetadata } from '../../src/event-store/event';
import { rebuildProjections } from '../../src/event-store/rebuild';
import type { PupilInputData } from '../../src/modules/pupils/pupil.decider';
import { requestPupilTransfer } from '../../src/modules/pupils/request-pupil-transfer';
import { academicYearOf, todayInBangkok } from '../../src/shared/thai-calendar';
import { runPupilCommand } from '../../src/modules/pupils/run-pupil-command';
import { createLaoTree, createUnit, signInAs } from '../support/factories';
import { pupilInput, validCitizenId } from '../support/pupils';
import { snapshotReadModels } from '../support/snapshot';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const LEAVE = `mutation($id: ID!, $r: LeaveReason!, $d: String!, $n: String, $to: String) { recordPupilLeft(pupilId: $id, reason: $r, date: $d, note: $n, toInstitutionCode: $to) { id status leftReason leftOn leftNote leftToInstitutionCode } }`;
const TRANSFER_IN = `mutation($c: String!, $i: PupilInput!, $d: String!, $f: String) { recordPupilTransferredIn(institutionCode: $c, input: $i, date: $d, fromInstitutionCode: $f) { id status transferredInOn transferredInFromCode enrolmentDate } }`;
const REQUEST = `mutation($c: String!, $i: PupilInput!, $n: String) { requestPupilTransfer(institutionCode: $c, input: $i, note: $n) { id status citizenId from { code name } to { code } overdue } }`;
const ANSWER = `mutation($id: ID!, $a: Boolean!, $n: String) { answerTransferRequest(requestId: $id, accept: $a, note: $n) { id status answeredAs answerNote answeredBy { username } pupilId } }`;
const REQUESTS = `query($c: String!, $d: TransferDirection, $s: TransferRequestStatus) { transferRequests(institutionCode: $c, direction: $d, status: $s) { id status citizenId overdue dueAt from { code } to { code } answeredAs answerNote } }`;
const PROMOTE = `mutation($c: String!, $y: Int!, $l: Grade, $dry: Boolean) { promotePupils(institutionCode: $c, academicYear: $y, lastGrade: $l, dryRun: $dry) { academicYear lastGrade promoted graduated skipped alreadyDone dryRun message moves { fromGrade toGrade count } } }`;
const HOLD_BACK = `mutation($id: ID!, $n: String) { holdBackPupil(pupilId: $id, note: $n) { id status grade } }`;
const PUPIL = `query($id: ID!) { pupil(id: $id) { id status grade leftReason leftToInstitutionCode transferredInOn transferredInFromCode institutionCode history { type } } }`;
const LIST = `query($c: String!, $g: Grade) { pupils(institutionCode: $c, grade: $g) { totalCount nodes { id } } }`;

interface PupilView {
  id: string;
  status: string;
  grade: string;
  leftReason: string | null;
  leftToInstitutionCode: string | null;
  transferredInOn: string | null;
  transferredInFromCode: string | null;
  institutionCode: string;
  history: { type: string }[];
}
interface RequestView {
  id: string;
  status: string;
  citizenId: string;
  overdue: boolean;
  dueAt: string;
  from: { code: string; name?: string };
  to: { code: string };
  answeredAs: string | null;
  answerNote: string | null;
  pupilId?: string | null;
}

const YEAR = new Date().getUTCFullYear();
const born = (age: number) => `${YEAR - age}-03-15`;

describe('pupils leaving, transferring and moving up a grade', () => {
  let server: TestServer;
  let a: Awaited<ReturnType<typeof createLaoTree>>;
  let b: Awaited<ReturnType<typeof createLaoTree>>;
  let c: Awaited<ReturnType<typeof createLaoTree>>;
  const roles = ['holder', 'holderLao', 'receiver', 'receiverLao', 'third', 'province'] as const;
  let token: Record<(typeof roles)[number], string>;
  const today = todayInBangkok(new Date());
  const academicYear = academicYearOf(today);

  beforeAll(async () => {
    server = await startTestServer();
    [a, b, c] = [
      await createLaoTree(server.sys.store),
      await createLaoTree(server.sys.store),
      await createLaoTree(server.sys.store),
    ];
    // The holder school and its LAO (tree a), the receiving school and its LAO (b), a third school (c), the province.
    const codes = {
      holder: a.school.code,
      holderLao: a.lao.code,
      receiver: b.school.code,
      receiverLao: b.lao.code,
      third: c.school.code,
      province: a.provinceCode,
    };
    token = Object.fromEntries(
      await Promise.all(roles.map(async (r) => [r, await signInAs(server, codes[r])])),
    ) as typeof token;
  });
  afterAll(() => server.close());

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as: string) =>
    server.gql<T>(query, variables, { token: as });
  const enrol = async (code: string, input: Record<string, unknown>, as: string) => {
    const res = await gql<{ enrolPupil: { id: string } }>(ENROL, { c: code, i: input }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.enrolPupil.id;
  };
  const pupil = async (id: string, as = token.holder) =>
    (await gql<{ pupil: PupilView }>(PUPIL, { id }, as)).data!.pupil;
  const count = async (code: string, as: string, grade?: string) =>
    (await gql<{ pupils: { totalCount: number } }>(LIST, { c: code, g: grade }, as)).data!.pupils.totalCount;
  /** Recorded a year ago, straight through the command path: on the register before this academic year began. */
  const lastYear = (): EventMetadata => ({
    ...systemMetadata('test'),
    at: new Date(Date.now() - 365 * 24 * 3600_000).toISOString(),
  });
  const seedLastYear = async (code: string, over: Record<string, unknown>) =>
    (
      await runPupilCommand(
        server.sys.store,
        code,
        { type: 'EnrolPupil', pupilId: randomUUID(), input: pupilInput(over) as PupilInputData },
        lastYear(),
      )
    ).id;

  it('a pupil who leaves is off the current register, keeps the row and its history, and frees the ID', async () => {
    const input = pupilInput();
    const id = await enrol(a.school.code, input, token.holder);
    const before = await count(a.school.code, token.holder);
    const leave = { id, r: 'WITHDREW', d: today, n: 'ครอบครัวย้ายไปต่างจังหวัด' };
    expect(codeOf(await gql(LEAVE, leave, token.holderLao))).toBe('FORBIDDEN');
    expect(codeOf(await gql(LEAVE, { ...leave, d: '2999-01-01' }, token.holder))).toBe('BAD_USER_INPUT');
    const left = await gql<{ recordPupilLeft: Record<string, unknown> }>(LEAVE, leave, token.holder);
    expect(left.data?.recordPupilLeft).toEqual({
      id,
      status: 'LEFT',
      leftReason: 'WITHDREW',
      leftOn: today,
      leftNote: 'ครอบครัวย้ายไปต่างจังหวัด',
      leftToInstitutionCode: null,
    });
    expect(await count(a.school.code, token.holder)).toBe(before - 1);
    expect(await count(a.school.code, token.holderLao)).toBe(before - 1);
    expect((await pupil(id, token.holderLao)).history.map((h) => h.type)).toEqual([
      'PupilEnrolled',
      'PupilLeft',
    ]);
    expect(codeOf(await gql(LEAVE, leave, token.holder))).toBe('BAD_USER_INPUT');

    // ย้ายเข้า: the pupil turns up at another school, which records the transfer in directly.
    const arrived = await gql<{ recordPupilTransferredIn: Record<string, unknown> }>(
      TRANSFER_IN,
      { c: b.school.code, i: input, d: today, f: a.school.code },
      token.receiver,
    );
    expect(arrived.data?.recordPupilTransferredIn).toMatchObject({
      status: 'ACTIVE',
      transferredInOn: today,
      transferredInFromCode: a.school.code,
      enrolmentDate: today,
    });
  });

  it('a transfer request the holder accepts moves the pupil in one go; others cannot answer', async () => {
    const input = pupilInput({ firstName: 'ย้ายมา' });
    const heldId = await enrol(a.school.code, input, token.holder);
    const dup = await gql(ENROL, { c: b.school.code, i: input }, token.receiver);
    expect(codeOf(dup)).toBe('DUPLICATE_PUPIL');
    expect(dup.errors?.[0].extensions?.institutionCode).toBe(a.school.code);

    expect(codeOf(await gql(REQUEST, { c: b.school.code, i: input }, token.third))).toBe('FORBIDDEN');
    const asked = await gql<{ requestPupilTransfer: RequestView }>(
      REQUEST,
      { c: b.school.code, i: input, n: 'ผู้ปกครองย้ายที่ทำงาน' },
      token.receiver,
    );
    expect(asked.errors).toBeUndefined();
    const request = asked.data!.requestPupilTransfer;
    expect(request).toMatchObject({
      status: 'OPEN',
      citizenId: input.citizenId,
      from: { code: a.school.code, name: a.school.name },
      to: { code: b.school.code },
      overdue: false,
    });
    expect(codeOf(await gql(REQUEST, { c: b.school.code, i: input }, token.receiver))).toBe('BAD_USER_INPUT');

    const out = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: a.school.code, d: 'OUT' },
      token.holder,
    );
    expect(out.data?.transferRequests.find((r) => r.id === request.id)).toMatchObject({
      status: 'OPEN',
      citizenId: input.citizenId,
    });
    const byLao = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: a.lao.code, d: 'OUT', s: 'OPEN' },
      token.holderLao,
    );
    const seenByLao = byLao.data?.transferRequests.find((r) => r.id === request.id);
    expect(seenByLao?.citizenId).not.toBe(input.citizenId);
    const inbox = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: b.school.code, d: 'IN' },
      token.receiver,
    );
    expect(inbox.data?.transferRequests.map((r) => r.id)).toContain(request.id);
    expect(codeOf(await gql(REQUESTS, { c: a.school.code }, token.receiver))).toBe('FORBIDDEN');

    for (const who of [token.third, token.province, token.receiver, token.receiverLao])
      expect(codeOf(await gql(ANSWER, { id: request.id, a: true }, who))).toBe('FORBIDDEN');

    const accepted = await gql<{ answerTransferRequest: RequestView }>(
      ANSWER,
      { id: request.id, a: true, n: 'ยืนยันการย้าย' },
      token.holder,
    );
    expect(accepted.data?.answerTransferRequest).toMatchObject({
      status: 'ACCEPTED',
      answeredAs: 'INSTITUTION',
      answerNote: 'ยืนยันการย้าย',
    });
    const newId = accepted.data!.answerTransferRequest.pupilId!;
    expect(await pupil(heldId)).toMatchObject({
      status: 'LEFT',
      leftReason: 'TRANSFERRED_OUT',
      leftToInstitutionCode: b.school.code,
      history: [{ type: 'PupilEnrolled' }, { type: 'PupilLeft' }],
    });
    expect(await pupil(newId, token.receiver)).toMatchObject({
      status: 'ACTIVE',
      institutionCode: b.school.code,
      transferredInFromCode: a.school.code,
      history: [{ type: 'PupilTransferredIn' }],
    });
    expect(codeOf(await gql(ANSWER, { id: request.id, a: false, n: 'x' }, token.holder))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('the holder’s LAO refuses a request with a reason; the pupil stays where it is', async () => {
    const input = pupilInput();
    const heldId = await enrol(a.school.code, input, token.holder);
    const { data } = await gql<{ requestPupilTransfer: RequestView }>(
      REQUEST,
      { c: b.school.code, i: input },
      token.receiver,
    );
    const id = data!.requestPupilTransfer.id;
    expect(codeOf(await gql(ANSWER, { id, a: false }, token.holderLao))).toBe('BAD_USER_INPUT');
    const refused = await gql<{ answerTransferRequest: RequestView & { answeredBy: { username: string } } }>(
      ANSWER,
      { id, a: false, n: 'นักเรียนยังมาเรียนที่โรงเรียนเดิมทุกวัน' },
      token.holderLao,
    );
    expect(refused.data?.answerTransferRequest).toMatchObject({
      status: 'REFUSED',
      answeredAs: 'LAO',
      answeredBy: { username: a.lao.code },
      pupilId: null,
    });
    expect((await pupil(heldId)).status).toBe('ACTIVE');
    const inbox = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: b.school.code, d: 'IN', s: 'REFUSED' },
      token.receiver,
    );
    expect(inbox.data?.transferRequests.find((r) => r.id === id)?.answerNote).toMatch(/โรงเรียนเดิม/);
  });

  it('a request unanswered for 14 days shows overdue, and the holder’s LAO accepts it', async () => {
    const input = pupilInput();
    const heldId = await enrol(a.school.code, input, token.holder);
    const fifteenDaysAgo = new Date(Date.now() - 15 * 24 * 3600_000).toISOString();
    const old = await requestPupilTransfer(server.sys.store, b.school.code, input as PupilInputData, null, {
      ...systemMetadata('test'),
      orgUnitCode: b.school.code,
      at: fifteenDaysAgo,
    });
    const open = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: a.lao.code, d: 'OUT', s: 'OPEN' },
      token.holderLao,
    );
    const listed = open.data!.transferRequests.find((r) => r.id === old.id)!;
    expect(listed.overdue).toBe(true);
    expect(new Date(listed.dueAt).getTime()).toBeLessThan(Date.now());
    const accepted = await gql<{ answerTransferRequest: RequestView }>(
      ANSWER,
      { id: old.id, a: true },
      token.holderLao,
    );
    expect(accepted.data?.answerTransferRequest).toMatchObject({ status: 'ACCEPTED', answeredAs: 'LAO' });
    expect((await pupil(heldId)).status).toBe('LEFT');
    const after = await gql<{ transferRequests: RequestView[] }>(
      REQUESTS,
      { c: a.lao.code },
      token.holderLao,
    );
    expect(after.data!.transferRequests.find((r) => r.id === old.id)?.overdue).toBe(false);
  });

  it('two answers at the same moment: exactly one is taken; crossed acceptances between two schools both go through', async () => {
    const ask = async (
      holderCode: string,
      holderToken: string,
      receiverCode: string,
      receiverToken: string,
    ) => {
      const input = pupilInput();
      await enrol(holderCode, input, holderToken);
      const res = await gql<{ requestPupilTransfer: RequestView }>(
        REQUEST,
        { c: receiverCode, i: input },
        receiverToken,
      );
      return res.data!.requestPupilTransfer.id;
    };
    const id = await ask(a.school.code, token.holder, b.school.code, token.receiver);
    const both = await Promise.all([
      gql(ANSWER, { id, a: true }, token.holder),
      gql(ANSWER, { id, a: false, n: 'ไม่อนุญาต' }, token.holderLao),
    ]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    expect(both.map(codeOf).filter(Boolean)).toEqual(['BAD_USER_INPUT']);

    // A → B and B → A accepted at once: the streams are locked in one order, so neither deadlocks.
    const toB = await ask(a.school.code, token.holder, b.school.code, token.receiver);
    const toA = await ask(b.school.code, token.receiver, a.school.code, token.holder);
    const crossed = await Promise.all([
      gql(ANSWER, { id: toB, a: true }, token.holder),
      gql(ANSWER, { id: toA, a: true }, token.receiver),
    ]);
    expect(crossed.map((r) => r.errors)).toEqual([undefined, undefined]);
  });

  it('a request for an ID no one holds tells the school to enrol directly; a direct transfer in of a held ID is refused', async () => {
    const free = pupilInput({ citizenId: validCitizenId() });
    const res = await gql(REQUEST, { c: b.school.code, i: free }, token.receiver);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.enrolDirectly).toBe(true);
    const held = pupilInput();
    await enrol(a.school.code, held, token.holder);
    const refused = await gql(TRANSFER_IN, { c: b.school.code, i: held, d: today }, token.receiver);
    expect(codeOf(refused)).toBe('DUPLICATE_PUPIL');
    expect(codeOf(await gql(TRANSFER_IN, { c: b.school.code, i: free, d: today }, token.holder))).toBe(
      'FORBIDDEN',
    );
  });

  it('promotion: everyone moves up once a year, K3 → P1, the last grade graduates, a repeater is held back', async () => {
    const school = await createUnit(server.sys.store, 'SCHOOL', a.lao.code);
    const as = await signInAs(server, school.code);
    const k3 = await seedLastYear(school.code, { grade: 'K3', birthDate: born(6) });
    const [p1, repeater] = [await seedLastYear(school.code, {}), await seedLastYear(school.code, {})];
    const p6 = await seedLastYear(school.code, { grade: 'P6', birthDate: born(12) });
    const newK1 = await enrol(school.code, pupilInput({ grade: 'K1', birthDate: born(4) }), as);
    const promote = (over: Record<string, unknown> = {}, who = as) =>
      gql<{ promotePupils: Record<string, unknown> }>(
        PROMOTE,
        { c: school.code, y: academicYear, ...over },
        who,
      );

    expect(codeOf(await promote({}, token.holderLao))).toBe('FORBIDDEN');
    const expected = {
      academicYear,
      lastGrade: 'P6',
      promoted: 3,
      graduated: 1,
      skipped: 1,
      alreadyDone: false,
      moves: [
        { fromGrade: 'K3', toGrade: 'P1', count: 1 },
        { fromGrade: 'P1', toGrade: 'P2', count: 2 },
        { fromGrade: 'P6', toGrade: null, count: 1 },
      ],
    };
    const preview = await promote({ dry: true });
    expect(preview.data?.promotePupils).toMatchObject({ ...expected, dryRun: true });
    expect(await count(school.code, as, 'K3')).toBe(1);

    const done = await promote();
    expect(done.data?.promotePupils).toMatchObject({ ...expected, dryRun: false });
    expect(done.data?.promotePupils.message).toMatch(/เลื่อนชั้น 3 คน จบการศึกษา 1 คน/);
    expect((await pupil(k3, as)).grade).toBe('P1');
    expect((await pupil(p1, as)).grade).toBe('P2');
    expect(await pupil(p6, as)).toMatchObject({ status: 'LEFT', leftReason: 'GRADUATED' });
    expect((await pupil(newK1, as)).grade).toBe('K1');
    expect((await pupil(k3, as)).history.map((h) => h.type)).toEqual(['PupilEnrolled', 'PupilPromoted']);
    expect(await count(school.code, as)).toBe(4);

    const again = await promote();
    expect(again.data?.promotePupils).toMatchObject({ alreadyDone: true, promoted: 3, graduated: 1 });
    expect(again.data?.promotePupils.message).toMatch(/ไปแล้ว/);
    expect((await pupil(p1, as)).grade).toBe('P2');

    expect(codeOf(await gql(HOLD_BACK, { id: repeater }, token.holderLao))).toBe('FORBIDDEN');
    const held = await gql<{ holdBackPupil: { grade: string } }>(
      HOLD_BACK,
      { id: repeater, n: 'ผลการเรียนไม่ผ่านเกณฑ์' },
      as,
    );
    expect(held.data?.holdBackPupil).toMatchObject({ status: 'ACTIVE', grade: 'P1' });
    expect(codeOf(await gql(HOLD_BACK, { id: repeater }, as))).toBe('BAD_USER_INPUT');
    const graduateRepeats = await gql<{ holdBackPupil: { grade: string } }>(HOLD_BACK, { id: p6 }, as);
    expect(graduateRepeats.data?.holdBackPupil).toMatchObject({ status: 'ACTIVE', grade: 'P6' });
    expect(await count(school.code, as)).toBe(5);
    expect(codeOf(await gql(HOLD_BACK, { id: newK1 }, as))).toBe('BAD_USER_INPUT');
  });

  it('promotion: a kindergarten graduates its K3; a CDC has no promotion', async () => {
    const kindergarten = await createUnit(server.sys.store, 'SCHOOL', a.lao.code);
    const as = await signInAs(server, kindergarten.code);
    const k2 = await seedLastYear(kindergarten.code, { grade: 'K2', birthDate: born(5) });
    const k3 = await seedLastYear(kindergarten.code, { grade: 'K3', birthDate: born(6) });
    const res = await gql<{ promotePupils: Record<string, unknown> }>(
      PROMOTE,
      { c: kindergarten.code, y: academicYear },
      as,
    );
    expect(res.data?.promotePupils).toMatchObject({ lastGrade: 'K3', promoted: 1, graduated: 1 });
    expect((await pupil(k2, as)).grade).toBe('K3');
    expect((await pupil(k3, as)).leftReason).toBe('GRADUATED');

    const cdc = await signInAs(server, a.cdc.code);
    const refused = await gql(PROMOTE, { c: a.cdc.code, y: academicYear }, cdc);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields).toHaveProperty('institutionCode');
  });

  it('the registers, transfer requests and promotions are reproduced exactly by replaying the events', async () => {
    const live = await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections);
    expect(live.pupil_transfer_requests.length).toBeGreaterThanOrEqual(3);
    expect(live.pupil_promotions.length).toBe(2);
    expect((live.pupils as { status: string }[]).some((p) => p.status === 'LEFT')).toBe(true);
    await rebuildProjections(server.sys.store);
    expect(await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections)).toEqual(
      live,
    );
  });
});
