import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { CONFIRM, dayFromToday, expectCode, REVOKE } from '../support/confirmation';
import { seedPupil } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const REQUEST = `mutation($c: String!, $d: Dataset!, $r: String!) { requestRevocation(orgUnitCode: $c, dataset: $d, reason: $r) {
  id status reason orgUnit { code } requestedByOrgUnit { code } addressedToOrgUnit { code } mustActOrgUnit { code } requestedBy { username } } }`;
const REFUSE = `mutation($id: ID!, $r: String!) { refuseRevocationRequest(requestId: $id, reason: $r) {
  id status answerReason answeredByOrgUnit { code } mustActOrgUnit { code } } }`;
const REQUESTS = `query($c: String!) { revocationRequests(orgUnitCode: $c) { id status reason answerReason answeredByOrgUnit { code } } }`;
const TASKS = `{ myTasks { kind message orgUnit { code } dataset dueDate daysLeft } }`;

interface Task {
  kind: string;
  message: string;
  orgUnit: { code: string } | null;
  dueDate: string | null;
  daysLeft: number | null;
}

describe('levels talking to each other (issue 12, item 4)', () => {
  let server: TestServer;
  let admin: string;
  let province: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAdmin(server);
    province = await signInAs(server, '54');
    const opened = await server.gql(
      `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
      {
        i: {
          academicYear: 2569,
          roundNo: 1,
          snapshotDate: dayFromToday(-5),
          institutionDeadline: dayFromToday(10),
          laoDeadline: dayFromToday(12),
          provinceDeadline: dayFromToday(13),
        },
      },
      { token: admin },
    );
    expect(opened.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  const tasksOf = async (token: string) =>
    (await server.gql<{ myTasks: Task[] }>(TASKS, {}, { token })).data!.myTasks;

  it('a school asks for a revocation: it goes to the level that must act, moves down as that level revokes, and closes with the revocation', async () => {
    const tree = await createLaoTree(server.sys.store);
    await seedPupil(server.sys.store, tree.school);
    const school = await signInAs(server, tree.school.code);
    const lao = await signInAs(server, tree.lao.code);
    expectCode(
      await server.gql(REQUEST, { c: tree.school.code, d: 'PUPILS', r: 'กรอกชั้นผิด' }, { token: school }),
      'BAD_USER_INPUT',
    );
    expect(
      (await server.gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, { token: school })).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(CONFIRM, { c: tree.lao.code, d: 'PUPILS' }, { token: lao })).errors,
    ).toBeUndefined();

    const asked = await server.gql<{ requestRevocation: Record<string, unknown> & { id: string } }>(
      REQUEST,
      { c: tree.school.code, d: 'PUPILS', r: 'กรอกระดับชั้นของเด็กชายธนากรผิด' },
      { token: school },
    );
    expect(asked.data?.requestRevocation).toMatchObject({
      status: 'OPEN',
      orgUnit: { code: tree.school.code },
      requestedByOrgUnit: { code: tree.school.code },
      // The LAO has confirmed: the province revokes the LAO first.
      addressedToOrgUnit: { code: '54' },
      mustActOrgUnit: { code: '54' },
      requestedBy: { username: tree.school.code },
    });
    const id = asked.data!.requestRevocation.id;
    // One open request per confirmation; the LAO (which cannot revoke now) sees it is already asked.
    const again = await server.gql(REQUEST, { c: tree.school.code, d: 'PUPILS', r: 'อีกครั้ง' }, { token: lao });
    expectCode(again, 'BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/รอ .* พิจารณาอยู่แล้ว/);

    const forProvince = (await tasksOf(province)).filter((t) => t.kind === 'REVOCATION_REQUEST');
    expect(forProvince).toHaveLength(1);
    expect(forProvince[0].orgUnit?.code).toBe(tree.school.code);
    expect(forProvince[0].message).toMatch(/ขอให้ยกเลิกการยืนยันข้อมูลนักเรียน.*กรอกระดับชั้นของเด็กชายธนากรผิด/);
    expect(forProvince[0].message).toContain(tree.lao.code);
    expect((await tasksOf(lao)).some((t) => t.kind === 'REVOCATION_REQUEST')).toBe(false);

    expect(
      (
        await server.gql(
          REVOKE,
          { c: tree.lao.code, d: 'PUPILS', r: 'ตามคำขอของโรงเรียน' },
          { token: province },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await tasksOf(province)).some(
        (t) => t.kind === 'REVOCATION_REQUEST' && t.orgUnit?.code === tree.school.code,
      ),
    ).toBe(false);
    expect((await tasksOf(lao)).filter((t) => t.kind === 'REVOCATION_REQUEST')).toHaveLength(1);

    expect(
      (await server.gql(REVOKE, { c: tree.school.code, d: 'PUPILS', r: 'แก้ระดับชั้นตามคำขอ' }, { token: lao }))
        .errors,
    ).toBeUndefined();
    expect((await tasksOf(lao)).some((t) => t.kind === 'REVOCATION_REQUEST')).toBe(false);
    const history = await server.gql<{ revocationRequests: Record<string, unknown>[] }>(
      REQUESTS,
      { c: tree.school.code },
      { token: school },
    );
    expect(history.data?.revocationRequests).toEqual([
      {
        id,
        status: 'REVOKED',
        reason: 'กรอกระดับชั้นของเด็กชายธนากรผิด',
        answerReason: 'แก้ระดับชั้นตามคำขอ',
        answeredByOrgUnit: { code: tree.lao.code },
      },
    ]);
    // The revocation in the unit's confirmation history names the request it answered.
    const confirmations = await server.gql<{
      confirmationHistory: { action: string; answeredRequests: { id: string }[] }[];
    }>(
      `query($c: String!) { confirmationHistory(orgUnitCode: $c) { action answeredRequests { id } } }`,
      { c: tree.school.code },
      { token: school },
    );
    expect(confirmations.data?.confirmationHistory).toEqual([
      { action: 'CONFIRMED', answeredRequests: [] },
      { action: 'REVOKED', answeredRequests: [{ id }] },
    ]);
    // Answered: it cannot be refused any more.
    expectCode(await server.gql(REFUSE, { id, r: 'ไม่อนุญาต' }, { token: lao }), 'BAD_USER_INPUT');
  });

  it('the level asked can refuse with a reason; the unit cannot refuse its own; the level that can revoke is told to revoke instead', async () => {
    const tree = await createLaoTree(server.sys.store);
    await seedPupil(server.sys.store, tree.school);
    const school = await signInAs(server, tree.school.code);
    const lao = await signInAs(server, tree.lao.code);
    await server.gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, { token: school });
    const self = await server.gql(REQUEST, { c: tree.school.code, d: 'PUPILS', r: 'ขอแก้' }, { token: lao });
    expectCode(self, 'BAD_USER_INPUT');
    expect(self.errors?.[0].message).toMatch(/ยกเลิกการยืนยันนี้ได้เอง/);

    const asked = await server.gql<{ requestRevocation: { id: string; mustActOrgUnit: { code: string } } }>(
      REQUEST,
      { c: tree.school.code, d: 'PUPILS', r: 'ลืมเพิ่มนักเรียนย้ายเข้า' },
      { token: school },
    );
    expect(asked.data?.requestRevocation.mustActOrgUnit.code).toBe(tree.lao.code);
    const id = asked.data!.requestRevocation.id;
    expectCode(await server.gql(REFUSE, { id, r: 'ไม่' }, { token: school }), 'FORBIDDEN');
    const outsider = await signInAs(server, (await createLaoTree(server.sys.store)).lao.code);
    expectCode(await server.gql(REFUSE, { id, r: 'ไม่' }, { token: outsider }), 'FORBIDDEN');
    expectCode(await server.gql(REFUSE, { id, r: '  ' }, { token: lao }), 'BAD_USER_INPUT');
    const refused = await server.gql(REFUSE, { id, r: 'เพิ่มได้ในรอบที่ 2' }, { token: lao });
    expect(refused.data?.refuseRevocationRequest).toEqual({
      id,
      status: 'REFUSED',
      answerReason: 'เพิ่มได้ในรอบที่ 2',
      answeredByOrgUnit: { code: tree.lao.code },
      mustActOrgUnit: null,
    });
    expect((await tasksOf(lao)).some((t) => t.kind === 'REVOCATION_REQUEST')).toBe(false);
    // Refused, it is no longer open: the school may ask again.
    expect(
      (await server.gql(REQUEST, { c: tree.school.code, d: 'PUPILS', r: 'ขออีกครั้ง' }, { token: school }))
        .errors,
    ).toBeUndefined();
  });

  it("a province's own targets: within the department's deadlines, shown in status and in its units' tasks", async () => {
    const tree = await createLaoTree(server.sys.store);
    const lao = await signInAs(server, tree.lao.code);
    const SET = `mutation($p: String!, $i: ProvinceTargetsInput!) { setProvinceTargets(provinceCode: $p, input: $i) { provinceCode institutionTarget laoTarget note } }`;
    const late = await server.gql(
      SET,
      { p: '54', i: { institutionTarget: dayFromToday(11), laoTarget: dayFromToday(11) } },
      { token: province },
    );
    expectCode(late, 'BAD_USER_INPUT');
    expect(late.errors?.[0].extensions?.fields?.institutionTarget).toMatch(/ไม่เกินกำหนดของกรม/);
    expectCode(
      await server.gql(
        SET,
        { p: '55', i: { institutionTarget: dayFromToday(3), laoTarget: dayFromToday(5) } },
        { token: province },
      ),
      'FORBIDDEN',
    );
    expectCode(
      await server.gql(
        SET,
        { p: '54', i: { institutionTarget: dayFromToday(3), laoTarget: dayFromToday(5) } },
        { token: lao },
      ),
      'FORBIDDEN',
    );

    const set = await server.gql(
      SET,
      {
        p: '54',
        i: { institutionTarget: dayFromToday(3), laoTarget: dayFromToday(5), note: 'ตามหนังสือจังหวัด' },
      },
      { token: province },
    );
    expect(set.data?.setProvinceTargets).toEqual({
      provinceCode: '54',
      institutionTarget: dayFromToday(3),
      laoTarget: dayFromToday(5),
      note: 'ตามหนังสือจังหวัด',
    });
    const read = await server.gql(
      `{ provinceTargets(provinceCode: "54") { laoTarget } }`,
      {},
      { token: lao },
    );
    expect(read.data).toEqual({ provinceTargets: { laoTarget: dayFromToday(5) } });

    const target = (await tasksOf(lao)).find((t) => t.kind === 'PROVINCE_TARGET');
    expect(target).toMatchObject({ dueDate: dayFromToday(5), daysLeft: 5, orgUnit: { code: tree.lao.code } });
    expect(target?.message).toMatch(
      /จังหวัดกำหนดให้ อปท. ยืนยันข้อมูลให้แล้วเสร็จภายในวันที่ .* \(อีก 5 วัน\) หมายเหตุ: ตามหนังสือจังหวัด/,
    );

    const status = await server.gql<{
      confirmationStatus: {
        provinceTarget: unknown;
        children: { orgUnit: { code: string }; provinceTarget: unknown }[];
      };
    }>(
      `query($c: String!) { confirmationStatus(orgUnitCode: $c) { provinceTarget { date daysLeft late } children { orgUnit { code } provinceTarget { date late } } } }`,
      { c: tree.lao.code },
      { token: province },
    );
    expect(status.data?.confirmationStatus.provinceTarget).toEqual({
      date: dayFromToday(5),
      daysLeft: 5,
      late: false,
    });
    expect(
      status.data?.confirmationStatus.children.find((c) => c.orgUnit.code === tree.school.code)
        ?.provinceTarget,
    ).toEqual({
      date: dayFromToday(3),
      late: false,
    });
  });
});
