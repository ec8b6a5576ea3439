import { readStream } from '../../src/event-store/event-store';
import { accountStreamId } from '../../src/modules/accounts/account.events';
import { passwordRules } from '../../src/modules/accounts/account.rules';
import { createLaoTree, login, NEW_PASSWORD, PROFILE, signInAdmin, signInAs } from '../support/factories';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const HANDOVER = `mutation($p: ProfileInput!, $n: String!, $c: String) {
  changeResponsiblePerson(profile: $p, newPassword: $n, currentPassword: $c) { username } }`;
const ME = `{ me { username } }`;
const PREVIEW = `query($c: String!, $u: [String!]) { credentialSheetPreview(orgUnitCode: $c, units: $u) {
  reissueCount printPath units { orgUnit { code } hasAccount firstLoginDone willReissue } } }`;

describe('accounts: own password, handover with the current password, credential sheets that never re-issue silently', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('shows the password rules to anyone before the first try', async () => {
    const res = await server.gql<{ passwordRules: string[] }>(`{ passwordRules }`);
    expect(res.data?.passwordRules).toEqual([...passwordRules]);
    expect(res.data?.passwordRules[0]).toMatch(/8 ตัวอักษร/);
  });

  it('changePassword checks the current one and the rules, ends the other sessions, keeps this one, and is recorded', async () => {
    const tree = await createLaoTree(server.sys.store);
    const here = await signInAs(server, tree.school.code);
    const elsewhere = await login(server, tree.school.code, NEW_PASSWORD);

    const wrong = await server.gql(CHANGE, { c: 'not-my-pass-1', n: 'Fresh-choice-77' }, { token: here });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.fields).toEqual({ currentPassword: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
    const weak = await server.gql(CHANGE, { c: NEW_PASSWORD, n: 'short1' }, { token: here });
    expect(weak.errors?.[0].extensions?.fields?.newPassword).toMatch(/8 ตัวอักษร/);
    const same = await server.gql(CHANGE, { c: NEW_PASSWORD, n: NEW_PASSWORD }, { token: here });
    expect(same.errors?.[0].extensions?.fields?.newPassword).toMatch(/ไม่ซ้ำกับรหัสผ่านเดิม/);

    const ok = await server.gql(CHANGE, { c: NEW_PASSWORD, n: 'Fresh-choice-77' }, { token: here });
    expect(ok.data).toEqual({ changePassword: true });
    expect((await server.gql(ME, {}, { token: here })).data?.me).toEqual({ username: tree.school.code });
    expect((await server.gql(ME, {}, { token: elsewhere })).data?.me).toBeNull();
    await expect(login(server, tree.school.code, NEW_PASSWORD)).rejects.toThrow();
    expect(await login(server, tree.school.code, 'Fresh-choice-77')).toBeTruthy();

    const events = await readStream(server.sys.dataSource.manager, accountStreamId(tree.school.code));
    expect(events.at(-1)?.type).toBe('PasswordChanged');
    const audit: { action: string }[] = await server.sys.dataSource.query(
      `SELECT action FROM auth_audit WHERE org_unit_code = $1 AND action LIKE 'PASSWORD%' ORDER BY id`,
      [tree.school.code],
    );
    expect(audit.map((a) => a.action)).toEqual(['PASSWORD_CHECK_FAILED', 'PASSWORD_CHANGED']);
  });

  it('too many wrong current passwords are throttled', async () => {
    const tree = await createLaoTree(server.sys.store);
    const token = await signInAs(server, tree.cdc.code);
    for (let i = 0; i < 5; i++)
      expect(
        codeOf(await server.gql(CHANGE, { c: `wrong-${i}-pass`, n: 'Fresh-choice-78' }, { token })),
      ).toBe('BAD_USER_INPUT');
    const sixth = await server.gql(CHANGE, { c: NEW_PASSWORD, n: 'Fresh-choice-78' }, { token });
    expect(codeOf(sixth)).toBe('TOO_MANY_ATTEMPTS');
    expect(sixth.errors?.[0].message).toMatch(/รหัสผ่านปัจจุบันผิดหลายครั้ง/);
  });

  it('a change of responsible person asks for the current password too', async () => {
    const tree = await createLaoTree(server.sys.store);
    const token = await signInAs(server, tree.lao.code);
    const newcomer = { ...PROFILE, firstName: 'สมชาย' };
    const without = await server.gql(HANDOVER, { p: newcomer, n: 'Handover-pass-9' }, { token });
    expect(without.errors?.[0].extensions?.fields).toEqual({ currentPassword: 'กรุณากรอกรหัสผ่านปัจจุบัน' });
    const wrong = await server.gql(
      HANDOVER,
      { p: newcomer, n: 'Handover-pass-9', c: 'wrong-pass-1' },
      { token },
    );
    expect(wrong.errors?.[0].extensions?.fields).toEqual({ currentPassword: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
    const ok = await server.gql(HANDOVER, { p: newcomer, n: 'Handover-pass-9', c: NEW_PASSWORD }, { token });
    expect(ok.errors).toBeUndefined();
    expect(await login(server, tree.lao.code, 'Handover-pass-9')).toBeTruthy();
  });

  it('a credential sheet names who will get new passwords, and printing them needs confirm=1; one unit’s card with only=', async () => {
    const admin = await signInAdmin(server);
    const tree = await createLaoTree(server.sys.store);
    await signInAs(server, tree.school.code); // at work: not re-issued by default
    const preview = await server.gql<{
      credentialSheetPreview: {
        reissueCount: number;
        printPath: string;
        units: {
          orgUnit: { code: string };
          hasAccount: boolean;
          firstLoginDone: boolean;
          willReissue: boolean;
        }[];
      };
    }>(PREVIEW, { c: tree.lao.code }, { token: admin });
    const p = preview.data!.credentialSheetPreview;
    expect(p.units.map((u) => [u.orgUnit.code, u.hasAccount, u.firstLoginDone, u.willReissue])).toEqual([
      [tree.lao.code, false, false, true],
      [tree.school.code, true, true, false],
      [tree.cdc.code, false, false, true],
    ]);
    expect(p.reissueCount).toBe(2);
    expect(p.printPath).toBe(`/credentials/${tree.lao.code}.pdf?confirm=1`);

    const auth = { authorization: `Bearer ${admin}` };
    const unconfirmed = await fetch(`${server.url}/credentials/${tree.lao.code}.pdf`, { headers: auth });
    expect(unconfirmed.status).toBe(400);
    const body = (await unconfirmed.json()) as { code: string; message: string; reissue: string[] };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message).toMatch(/จะออกรหัสผ่านใหม่ให้ 2 หน่วยงาน/);
    expect(body.reissue).toEqual([tree.lao.code, tree.cdc.code]);
    const issued: { n: number }[] = await server.sys.dataSource.query(
      `SELECT count(*)::int AS n FROM auth_audit WHERE org_unit_code = ANY($1) AND action = 'CREDENTIALS_ISSUED'`,
      [[tree.lao.code, tree.cdc.code]],
    );
    expect(issued[0].n).toBe(0);

    const onePreview = await server.gql<{
      credentialSheetPreview: { reissueCount: number; printPath: string };
    }>(PREVIEW, { c: tree.lao.code, u: [tree.school.code] }, { token: admin });
    expect(onePreview.data?.credentialSheetPreview).toMatchObject({
      reissueCount: 1,
      printPath: `/credentials/${tree.lao.code}.pdf?units=${tree.school.code}&confirm=1`,
    });
    const one = await fetch(
      `${server.url}/credentials/${tree.lao.code}.pdf?only=${tree.school.code}&confirm=1`,
      {
        headers: auth,
      },
    );
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe('application/pdf');
    await expect(login(server, tree.school.code, NEW_PASSWORD)).rejects.toThrow();

    const school = await signInAs(server, tree.school.code);
    expect(codeOf(await server.gql(PREVIEW, { c: tree.lao.code }, { token: school }))).toBe('FORBIDDEN');
  });
});
