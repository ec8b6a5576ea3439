import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { dayFromToday, expectCode } from '../support/confirmation';
import { startTestServer, type TestServer } from '../support/test-server';

const POST = `mutation($i: NoticeInput!) { postNotice(input: $i) { id title fromOrgUnit { code } read } }`;
const NOTICES = `query($u: Boolean) { notices(unreadOnly: $u) { id title body read roundId fromOrgUnit { code } } }`;

interface NoticeRow {
  id: string;
  title: string;
  body: string;
  read: boolean;
  roundId: string | null;
  fromOrgUnit: { code: string };
}

describe('notices from the department and the province (issue 12, item 4)', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAdmin(server);
  });
  afterAll(() => server.close());

  const noticesOf = async (token: string, unreadOnly = false) =>
    (await server.gql<{ notices: NoticeRow[] }>(NOTICES, { u: unreadOnly }, { token })).data!.notices;

  it('opening a round posts its notice by itself, with the deadlines, to every unit; read and unread per unit', async () => {
    const tree = await createLaoTree(server.sys.store, '61');
    const school = await signInAs(server, tree.school.code);
    const province = await signInAs(server, '61');
    const opened = await server.gql(
      `mutation($i: RoundInput!) { openRound(input: $i) { id } }`,
      {
        i: {
          academicYear: 2569,
          roundNo: 1,
          snapshotDate: '2026-06-10',
          institutionDeadline: dayFromToday(10),
          laoDeadline: dayFromToday(10),
          provinceDeadline: dayFromToday(11),
        },
      },
      { token: admin },
    );
    expect(opened.errors).toBeUndefined();
    const [notice] = (await noticesOf(school)).filter((n) => n.roundId === '2569-1');
    expect(notice.title).toBe('แจ้งการเปิดระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC) ประจำปีการศึกษา 2569 (ครั้งที่ 1)');
    expect(notice.body).toMatch(/ณ วันที่ 10 มิ\.ย\. 2569/);
    expect(notice.body).toMatch(/ให้สถานศึกษายืนยันข้อมูลในระดับสถานศึกษา ภายในวันที่/);
    expect(notice.fromOrgUnit.code).toBe('DLA');
    expect(notice.read).toBe(false);
    expect((await noticesOf(province)).some((n) => n.id === notice.id)).toBe(true);

    const marked = await server.gql(
      `mutation($id: ID!) { markNoticeRead(noticeId: $id) { read } }`,
      { id: notice.id },
      { token: school },
    );
    expect(marked.data).toEqual({ markNoticeRead: { read: true } });
    expect((await noticesOf(school, true)).some((n) => n.id === notice.id)).toBe(false);
    // Read by the school, still unread for the province.
    expect((await noticesOf(province, true)).some((n) => n.id === notice.id)).toBe(true);
  });

  it('the department to some provinces reaches everyone in them and no one else', async () => {
    const inside = await createLaoTree(server.sys.store, '57');
    const outside = await createLaoTree(server.sys.store, '58');
    const posted = await server.gql<{ postNotice: { id: string } }>(
      POST,
      { i: { title: 'เร่งรัดการยืนยันข้อมูล', body: 'ขอให้เร่งรัดการยืนยันข้อมูลให้แล้วเสร็จ', provinceCodes: ['57'] } },
      { token: admin },
    );
    const id = posted.data!.postNotice.id;
    for (const code of ['57', inside.lao.code, inside.cdc.code])
      expect((await noticesOf(await signInAs(server, code))).some((n) => n.id === id)).toBe(true);
    for (const code of ['58', outside.school.code])
      expect((await noticesOf(await signInAs(server, code))).some((n) => n.id === id)).toBe(false);
    const others = await signInAs(server, outside.lao.code);
    expectCode(
      await server.gql(
        `mutation($id: ID!) { markNoticeRead(noticeId: $id) { id } }`,
        { id },
        { token: others },
      ),
      'NOT_FOUND',
    );
  });

  it('a province to one of its LAOs reaches that LAO and its institutions; kinds narrow it; institutions cannot post', async () => {
    const a = await createLaoTree(server.sys.store, '60');
    const b = await createLaoTree(server.sys.store, '60');
    const province = await signInAs(server, '60');
    const posted = await server.gql<{ postNotice: { id: string; fromOrgUnit: { code: string } } }>(
      POST,
      { i: { title: 'ตรวจสอบเด็กเล็ก', body: 'ตรวจสอบเด็กเล็กที่ไม่มีตัวตน', orgUnitCodes: [a.lao.code] } },
      { token: province },
    );
    expect(posted.data?.postNotice.fromOrgUnit.code).toBe('60');
    const id = posted.data!.postNotice.id;
    for (const code of [a.lao.code, a.school.code])
      expect((await noticesOf(await signInAs(server, code))).some((n) => n.id === id)).toBe(true);
    expect((await noticesOf(await signInAs(server, b.lao.code))).some((n) => n.id === id)).toBe(false);
    const sent = await server.gql<{ notices: { id: string }[] }>(
      `{ notices(sent: true) { id } }`,
      {},
      { token: province },
    );
    expect(sent.data?.notices.map((n) => n.id)).toContain(id);

    const onlyLaos = await server.gql<{ postNotice: { id: string } }>(
      POST,
      { i: { title: 'ถึง อปท.', body: 'เฉพาะ อปท.', kinds: ['LAO'] } },
      { token: province },
    );
    const lao = await signInAs(server, b.lao.code);
    expect((await noticesOf(lao)).some((n) => n.id === onlyLaos.data!.postNotice.id)).toBe(true);
    expect(
      (await noticesOf(await signInAs(server, b.school.code))).some(
        (n) => n.id === onlyLaos.data!.postNotice.id,
      ),
    ).toBe(false);

    const elsewhere = await server.gql(
      POST,
      { i: { title: 'x', body: 'y', orgUnitCodes: ['9999999'] } },
      { token: province },
    );
    expect(elsewhere.errors?.[0].extensions?.fields?.orgUnitCodes).toMatch(/ไม่พบหน่วยงานรหัส 9999999/);
    expectCode(await server.gql(POST, { i: { title: 'x', body: 'y' } }, { token: lao }), 'FORBIDDEN');
    expectCode(
      await server.gql(POST, { i: { title: ' ', body: 'y' } }, { token: province }),
      'BAD_USER_INPUT',
    );
  });
});
