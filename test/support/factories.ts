import { randomInt } from 'node:crypto';
import { systemMetadata } from '../../src/event-store/event';
import type { EventStore } from '../../src/event-store/event-store.service';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import type { LaoType, OrgUnitKind } from '../../src/modules/chain/org-unit-kind';
import { registerOrgUnit } from '../../src/modules/org-units/register-org-unit';
import { ADMIN_PASSWORD, type TestServer } from './test-server';

let counter = 0;
/** A code no other test in the file uses. */
export function uniqueCode(digits = 10): string {
  counter += 1;
  const tail = String(counter).padStart(4, '0');
  return (String(randomInt(10 ** (digits - 5), 10 ** (digits - 4))) + tail)
    .slice(0, digits)
    .padEnd(digits, '0');
}

export const PROFILE = { firstName: 'สมหญิง', lastName: 'ใจดี', position: 'นักวิชาการศึกษา', phone: '0812345678' };
export const NEW_PASSWORD = 'Lec-new-pass-2568';

export async function createUnit(
  store: EventStore,
  kind: OrgUnitKind,
  parentCode: string,
  extra: { name?: string; laoType?: LaoType; district?: string } = {},
) {
  const code = uniqueCode(kind === 'LAO' ? 7 : 10);
  const names: Record<string, string> = {
    LAO: 'องค์การบริหารส่วนตำบล',
    SCHOOL: 'โรงเรียนบ้าน',
    CDC: 'ศูนย์พัฒนาเด็กเล็กบ้าน',
    OTHER_SCHOOL: 'โรงเรียนวัด',
  };
  return registerOrgUnit(
    store,
    {
      code,
      kind,
      parentCode,
      name: extra.name ?? `${names[kind] ?? 'หน่วยงาน'}ทดสอบ${code.slice(-4)}`,
      ...(kind === 'LAO' ? { laoType: extra.laoType ?? 'SAO', district: extra.district ?? 'เมือง' } : {}),
    },
    systemMetadata('test'),
  );
}

/** A province with one LAO holding a school, a CDC and a funded school of another affiliation. */
export async function createLaoTree(store: EventStore, provinceCode = '54') {
  const lao = await createUnit(store, 'LAO', provinceCode);
  const school = await createUnit(store, 'SCHOOL', lao.code);
  const cdc = await createUnit(store, 'CDC', lao.code);
  const otherSchool = await createUnit(store, 'OTHER_SCHOOL', lao.code);
  return { provinceCode, lao, school, cdc, otherSchool };
}

export async function login(server: TestServer, username: string, password: string): Promise<string> {
  const res = await server.gql<{ login: { token: string } }>(
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
    { u: username, p: password },
  );
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

export async function completeFirstLogin(
  server: TestServer,
  token: string,
  profile = PROFILE,
  newPassword = NEW_PASSWORD,
): Promise<void> {
  const res = await server.gql(
    `mutation($p: ProfileInput!, $n: String!) { completeFirstLogin(profile: $p, newPassword: $n) { username } }`,
    { p: profile, n: newPassword },
    { token },
  );
  if (res.errors) throw new Error(`first login failed: ${JSON.stringify(res.errors)}`);
}

/** Issues a unit's account and goes through its first login; returns a ready session token. */
export async function signInAs(server: TestServer, orgUnitCode: string): Promise<string> {
  const issued = await issueCredentials(server.sys.store, { orgUnitCode }, systemMetadata('test'), {
    ip: null,
    userAgent: null,
    requestId: 'test',
  });
  const token = await login(server, issued.username, issued.initialPassword);
  await completeFirstLogin(server, token);
  return token;
}

let adminToken: Promise<string> | undefined;
let adminServer: TestServer | undefined;
/** The department's bootstrap account, first login done (once per server). */
export function signInAdmin(server: TestServer): Promise<string> {
  if (adminServer !== server) {
    adminServer = server;
    adminToken = (async () => {
      const token = await login(server, 'admin', ADMIN_PASSWORD);
      await completeFirstLogin(server, token, { ...PROFILE, firstName: 'ผู้ดูแล', lastName: 'ส่วนกลาง' });
      return token;
    })();
  }
  return adminToken!;
}
