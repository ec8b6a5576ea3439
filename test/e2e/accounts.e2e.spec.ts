import { readStream } from '../../src/event-store/event-store';
import { accountStreamId } from '../../src/modules/accounts/account.events';
import {
  completeFirstLogin,
  createLaoTree,
  login,
  NEW_PASSWORD,
  PROFILE,
  signInAdmin,
  signInAs,
} from '../support/factories';
import { ADMIN_PASSWORD, codeOf, startTestServer, type TestServer } from '../support/test-server';

const ISSUE = `mutation($c: String!) { issueCredentials(orgUnitCode: $c) { username initialPassword orgUnit { code } } }`;
const ME = `{ me { username mustCompleteFirstLogin orgUnit { code kind } profile { firstName lastName position phone } } }`;

describe('accounts, first login and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the department bootstrap account must complete its first login before anything but me and logout', async () => {
    const token = await login(server, 'admin', ADMIN_PASSWORD);
    const me = await server.gql<{ me: { mustCompleteFirstLogin: boolean; orgUnit: { code: string } } }>(
      ME,
      {},
      { token },
    );
    expect(me.data?.me).toMatchObject({ mustCompleteFirstLogin: true, orgUnit: { code: 'DLA' } });
    expect(codeOf(await server.gql(`{ orgUnit(code: "54") { name } }`, {}, { token }))).toBe(
      'FIRST_LOGIN_REQUIRED',
    );
    expect(codeOf(await server.gql(ISSUE, { c: '54' }, { token }))).toBe('FIRST_LOGIN_REQUIRED');
    const out = await server.gql(`mutation { logout }`, {}, { token });
    expect(out.data).toEqual({ logout: true });
    expect((await server.gql(ME, {}, { token })).data).toEqual({ me: null });
  });

  it('refuses a weak password and a malformed profile, naming the fields in Thai', async () => {
    const token = await login(server, 'admin', ADMIN_PASSWORD);
    const weak = await server.gql(
      `mutation($p: ProfileInput!) { completeFirstLogin(profile: $p, newPassword: "12345678") { username } }`,
      { p: PROFILE },
      { token },
    );
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].extensions?.fields?.newPassword).toMatch(/ตัวอักษรและตัวเลข/);
    const phone = await server.gql(
      `mutation($p: ProfileInput!) { completeFirstLogin(profile: $p, newPassword: "${NEW_PASSWORD}") { username } }`,
      { p: { ...PROFILE, phone: '12345' } },
      { token },
    );
    expect(codeOf(phone)).toBe('BAD_USER_INPUT');
    expect(phone.errors?.[0].extensions?.fields).toHaveProperty('phone');
    const same = await server.gql(
      `mutation($p: ProfileInput!) { completeFirstLogin(profile: $p, newPassword: "${ADMIN_PASSWORD}") { username } }`,
      { p: PROFILE },
      { token },
    );
    expect(same.errors?.[0].extensions?.fields?.newPassword).toMatch(/ไม่ซ้ำ/);
  });

  it('after the first login the department sees the 76 provinces', async () => {
    const token = await signInAdmin(server);
    const res = await server.gql<{ orgUnit: { children: { code: string; kind: string }[] } }>(
      `{ orgUnit(code: "DLA") { name children { code name kind } } }`,
      {},
      { token },
    );
    const provinces = res.data!.orgUnit.children.filter((c) => c.kind === 'PROVINCE');
    expect(provinces).toHaveLength(76);
    expect(provinces).toContainEqual({ code: '50', name: 'เชียงใหม่', kind: 'PROVINCE' });
    expect(provinces.map((p) => p.code)).not.toContain('10');
    const me = await server.gql<{ me: { profile: { firstName: string } } }>(ME, {}, { token });
    expect(me.data?.me.profile.firstName).toBe('ผู้ดูแล');
  });

  it('signs in with the httpOnly cookie as well as the bearer token', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(username: "admin", password: "${NEW_PASSWORD}") { token } }`,
      }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lec_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await me.json()) as { data: { me: { username: string } } }).data.me.username).toBe('admin');
  });

  it('refuses a wrong password, then throttles the account even for the right one', async () => {
    const tree = await createLaoTree(server.sys.store);
    const token = await signInAs(server, tree.school.code);
    expect(token).toBeTruthy();
    for (let i = 0; i < 5; i++) {
      const r = await server.gql(
        `mutation { login(username: "${tree.school.code}", password: "wrong-${i}") { token } }`,
      );
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0].message).toMatch(/ไม่ถูกต้อง/);
    }
    const r = await server.gql(
      `mutation { login(username: "${tree.school.code}", password: "${NEW_PASSWORD}") { token } }`,
    );
    expect(codeOf(r)).toBe('TOO_MANY_ATTEMPTS');
    const audit: { action: string; ip: string }[] = await server.sys.dataSource.query(
      `SELECT action, ip FROM auth_audit WHERE username = $1 ORDER BY id`,
      [tree.school.code],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'CREDENTIALS_ISSUED',
      'LOGIN_SUCCEEDED',
      'FIRST_LOGIN_COMPLETED',
      ...Array(5).fill('LOGIN_FAILED'),
      'LOGIN_THROTTLED',
    ]);
    expect(audit[1].ip).toMatch(/127\.0\.0\.1/);
  });

  it('a province issues credentials for its LAOs and their institutions only', async () => {
    const phrae = await signInAs(server, '54');
    const mine = await createLaoTree(server.sys.store, '54');
    const theirs = await createLaoTree(server.sys.store, '55');
    const ok = await server.gql<{ issueCredentials: { username: string; initialPassword: string } }>(
      ISSUE,
      { c: mine.school.code },
      { token: phrae },
    );
    expect(ok.data?.issueCredentials.username).toBe(mine.school.code);
    expect(ok.data?.issueCredentials.initialPassword).toMatch(/^[A-Za-z2-9]{10}$/);
    expect(codeOf(await server.gql(ISSUE, { c: theirs.lao.code }, { token: phrae }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ISSUE, { c: '55' }, { token: phrae }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ISSUE, { c: mine.otherSchool.code }, { token: phrae }))).toBe(
      'BAD_USER_INPUT',
    );
    const school = await signInAs(server, mine.school.code);
    expect(codeOf(await server.gql(ISSUE, { c: mine.cdc.code }, { token: school }))).toBe('FORBIDDEN');
  });

  it('re-issuing ends the sessions, re-arms the first login, and keeps the history of responsible persons', async () => {
    const tree = await createLaoTree(server.sys.store);
    const oldToken = await signInAs(server, tree.lao.code);
    const admin = await signInAdmin(server);
    const issued = await server.gql<{ issueCredentials: { initialPassword: string } }>(
      ISSUE,
      { c: tree.lao.code },
      { token: admin },
    );
    expect((await server.gql(ME, {}, { token: oldToken })).data).toEqual({ me: null });
    const token = await login(server, tree.lao.code, issued.data!.issueCredentials.initialPassword);
    expect(codeOf(await server.gql(`{ orgUnit(code: "${tree.lao.code}") { name } }`, {}, { token }))).toBe(
      'FIRST_LOGIN_REQUIRED',
    );
    await completeFirstLogin(
      server,
      token,
      { firstName: 'สมชาย', lastName: 'รักเรียน', position: 'ผู้อำนวยการกองการศึกษา', phone: '054-511-234' },
      'Another-pass-99',
    );
    const history = await server.gql<{
      responsiblePersons: { firstName: string; endedAt: string | null; phone: string }[];
    }>(`{ responsiblePersons(orgUnitCode: "${tree.lao.code}") { firstName phone endedAt } }`, {}, { token });
    expect(history.data?.responsiblePersons.map((p) => [p.firstName, p.endedAt === null])).toEqual([
      ['สมหญิง', false],
      ['สมชาย', true],
    ]);
    expect(history.data?.responsiblePersons[1].phone).toBe('054511234');
    // Every event names the profile in force at the time it was recorded.
    const events = await readStream(server.sys.dataSource.manager, accountStreamId(tree.lao.code));
    const created = events.filter((e) => e.type === 'ProfileCreated');
    expect(created).toHaveLength(2);
    for (const e of created) expect(e.metadata.profileId).toBe((e.data as { profileId: string }).profileId);
  });

  it('a school cannot read another school, and only the department registers units', async () => {
    const tree = await createLaoTree(server.sys.store);
    const other = await createLaoTree(server.sys.store);
    const school = await signInAs(server, tree.school.code);
    expect(
      codeOf(await server.gql(`{ orgUnit(code: "${other.school.code}") { name } }`, {}, { token: school })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await server.gql(`{ orgUnit(code: "${tree.cdc.code}") { name } }`, {}, { token: school })),
    ).toBe('FORBIDDEN');
    const own = await server.gql<{ orgUnit: { parent: { code: string } } }>(
      `{ orgUnit(code: "${tree.school.code}") { name parent { code } } }`,
      {},
      { token: school },
    );
    expect(own.data?.orgUnit.parent.code).toBe(tree.lao.code);
    const input = {
      code: '5499999',
      name: 'อบต.ทดสอบ',
      kind: 'LAO',
      parentCode: '54',
      district: 'เมืองแพร่',
      laoType: 'SAO',
    };
    const province = await signInAs(server, '54');
    expect(
      codeOf(
        await server.gql(
          `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code } }`,
          { i: input },
          { token: province },
        ),
      ),
    ).toBe('FORBIDDEN');
    const admin = await signInAdmin(server);
    const ok = await server.gql(
      `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code parent { code } } }`,
      { i: input },
      { token: admin },
    );
    expect(ok.data).toEqual({ registerOrgUnit: { code: '5499999', parent: { code: '54' } } });
    const dup = await server.gql(
      `mutation($i: OrgUnitInput!) { registerOrgUnit(input: $i) { code } }`,
      { i: input },
      { token: admin },
    );
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(dup.errors?.[0].extensions?.fields?.code).toMatch(/มีอยู่ในระบบแล้ว/);
  });

  it('answers without a session with UNAUTHENTICATED', async () => {
    expect(codeOf(await server.gql(`{ orgUnit(code: "54") { name } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(`mutation { logout }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(ME, {}, { token: 'not-a-session' }))).toBeUndefined();
  });
});
