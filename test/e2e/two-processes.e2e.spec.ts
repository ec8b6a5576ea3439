import { systemMetadata } from '../../src/event-store/event';
import { ensureAdminAccount } from '../../src/modules/accounts/bootstrap-admin';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/modules/accounts/auth-audit';
import { issueCredentials } from '../../src/modules/accounts/issue-credentials';
import { CONFIRM, REVOKE, openCurrentRound } from '../support/confirmation';
import { NEW_PASSWORD, createLaoTree, createUnit, login, signInAdmin, signInAs } from '../support/factories';
import { pupilInput, validCitizenId } from '../support/pupils';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { ADMIN_PASSWORD, codeOf, gqlAt, type TestServer } from '../support/test-server';
import { openTestSystem, type TestSystem } from '../support/test-system';

/**
 * Two real server processes (src/main.ts) on one PostgreSQL database, raced against each other:
 * nothing one process needs is in the other's memory. PostgreSQL only: the embedded database is
 * one process's by nature.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres)
  process.stdout.write('two-processes.e2e: skipped on PGlite (needs DATABASE_URL: PostgreSQL)\n');
const describePg = onPostgres ? describe : describe.skip;

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

describePg('several server processes on one database', () => {
  let sys: TestSystem;
  let procs: ServerProcess[] = [];
  let a: TestServer, b: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let schoolB: { code: string };
  let tokens: { schoolA: string; schoolB: string; lao: string };

  beforeAll(async () => {
    sys = await openTestSystem();
    await ensureAdminAccount(sys.store, 'admin', ADMIN_PASSWORD);
    tree = await createLaoTree(sys.store, '54');
    schoolB = await createUnit(sys.store, 'SCHOOL', tree.lao.code);
    const url = (sys.target as { url: string }).url;
    procs = await Promise.all([1, 2].map(() => startServerProcess({ DATABASE_URL: url })));
    const as = (p: ServerProcess): TestServer => ({ url: p.url, sys, gql: gqlAt(p.url), close: p.stop });
    [a, b] = procs.map(as);
    tokens = {
      schoolA: await signInAs(a, tree.school.code),
      schoolB: await signInAs(b, schoolB.code),
      lao: await signInAs(b, tree.lao.code),
    };
    await openCurrentRound(a, await signInAdmin(a));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await sys?.close();
  });

  it('runs as two processes, each answering with the session the other opened', async () => {
    expect(new Set(procs.map((p) => p.pid)).size).toBe(2);
    const me = `{ me { username } }`;
    expect((await a.gql(me, {}, { token: tokens.schoolB })).data).toEqual({ me: { username: schoolB.code } });
    expect((await b.gql(me, {}, { token: tokens.schoolA })).data).toEqual({
      me: { username: tree.school.code },
    });
  });

  it('enrols a citizen ID at one of two schools when both processes race to enrol it; the other gets DUPLICATE_PUPIL', async () => {
    for (let round = 0; round < 5; round++) {
      const citizenId = validCitizenId();
      const [atA, atB] = await Promise.all([
        a.gql(ENROL, { c: tree.school.code, i: pupilInput({ citizenId }) }, { token: tokens.schoolA }),
        b.gql(ENROL, { c: schoolB.code, i: pupilInput({ citizenId }) }, { token: tokens.schoolB }),
      ]);
      const outcomes = [atA, atB].map((r) => (r.errors ? codeOf(r) : 'ENROLLED')).sort();
      expect(outcomes).toEqual(['DUPLICATE_PUPIL', 'ENROLLED']);
      const [{ n }]: { n: number }[] = await sys.dataSource.query(
        `SELECT count(*)::int AS n FROM pupils WHERE citizen_id = $1 AND status = 'ACTIVE'`,
        [citizenId],
      );
      expect(n).toBe(1);
    }
  });

  it('holds the confirmation lock across processes: an enrolment racing a confirmation is in the frozen ids or refused', async () => {
    for (let round = 0; round < 4; round++) {
      const [confirmed, enrolled] = await Promise.all([
        a.gql<{ confirm: unknown }>(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, { token: tokens.schoolA }),
        b.gql<{ enrolPupil: { id: string } }>(
          ENROL,
          { c: tree.school.code, i: pupilInput() },
          { token: tokens.schoolA },
        ),
      ]);
      expect(confirmed.errors).toBeUndefined();
      const [event]: { data: { pupilIds: string[]; total: number } }[] = await sys.dataSource.query(
        `SELECT data FROM events WHERE stream_id = $1 AND type = 'DatasetConfirmed' ORDER BY stream_version DESC LIMIT 1`,
        [`Institution-${tree.school.code}`],
      );
      const [{ active }]: { active: number }[] = await sys.dataSource.query(
        `SELECT count(*)::int AS active FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE'`,
        [tree.school.code],
      );
      if (enrolled.errors) {
        expect(codeOf(enrolled)).toBe('DATA_CONFIRMED');
      } else {
        expect(event.data.pupilIds).toContain(enrolled.data!.enrolPupil.id);
      }
      // Whichever came first, the confirmation froze exactly the register as it stands.
      expect(event.data.pupilIds).toHaveLength(active);
      expect(event.data.total).toBe(active);
      const revoked = await b.gql(
        REVOKE,
        { c: tree.school.code, d: 'PUPILS', r: 'ทดสอบการแข่งกันของสองกระบวนการ' },
        { token: tokens.lao },
      );
      expect(revoked.errors).toBeUndefined();
    }
  });

  it('commits on one process the import previewed on the other (the preview is in the database)', async () => {
    const year = new Date().getUTCFullYear() - 7 + 543;
    const header = 'เลขประจำตัวประชาชน,คำนำหน้า,ชื่อ,นามสกุล,วันเดือนปีเกิด,ระดับชั้น,สัญชาติ';
    const rows = ['ปิติ', 'มานะ'].map((n) => `${validCitizenId()},ด.ช.,${n},สองเครื่อง,15/03/${year},ป.1,ไทย`);
    const form = new FormData();
    form.append('file', new Blob([[header, ...rows].join('\r\n')]), 'pupils.csv');
    const auth = { authorization: `Bearer ${tokens.schoolB}` };
    const preview = await fetch(`${a.url}/imports`, { method: 'POST', body: form, headers: auth });
    const body = (await preview.json()) as { importId: string; validRows: number };
    expect(preview.status).toBe(201);
    expect(body.validRows).toBe(2);
    const commit = await fetch(`${b.url}/imports/${body.importId}/commit`, { method: 'POST', headers: auth });
    expect(commit.status).toBe(200);
    expect(((await commit.json()) as { committed: number }).committed).toBe(2);
  });

  it('counts failed logins across both processes: past the limit either one refuses, even the right password', async () => {
    const issued = await issueCredentials(sys.store, { orgUnitCode: tree.cdc.code }, systemMetadata('test'), {
      ip: null,
      userAgent: null,
      requestId: 'test',
    });
    const wrong = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) =>
        (i % 2 ? a : b).gql(LOGIN, { u: issued.username, p: `wrong-${i}` }),
      ),
    );
    expect(wrong.map(codeOf)).toEqual(Array(MAX_FAILURES_PER_ACCOUNT).fill('UNAUTHENTICATED'));
    for (const server of [a, b]) {
      const right = await server.gql(LOGIN, { u: issued.username, p: issued.initialPassword });
      expect(codeOf(right)).toBe('TOO_MANY_ATTEMPTS');
    }
    // Another account is not held back by this one's failures.
    expect(await login(a, schoolB.code, NEW_PASSWORD)).toBeTruthy();
  });
});
