import { randomUUID } from 'node:crypto';
import { metadataFor, openRoundDirect, viewerFor } from '../support/confirmation';
import { createUnit } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';
import { systemMetadata } from '../../src/event-store/event';
import { rebuildProjections } from '../../src/event-store/rebuild';
import { createApp } from '../../src/app';
import { createAuthenticator } from '../../src/modules/accounts/authenticate';
import { confirmDataset } from '../../src/modules/confirmation/confirm-dataset';
import type { Dataset } from '../../src/modules/chain/dataset';
import type { OrgUnitRow } from '../../src/modules/org-units/org-unit.entity';
import { otherSchoolGrades } from '../../src/modules/other-schools/other-school-counts.rules';
import { recordOtherSchoolCounts } from '../../src/modules/other-schools/record-other-school-counts';
import type { PupilInputData } from '../../src/modules/pupils/pupil.decider';
import { runPupilCommand } from '../../src/modules/pupils/run-pupil-command';
import { roundsDecider } from '../../src/modules/rounds/round.decider';
import { ROUNDS_STREAM } from '../../src/modules/rounds/round.events';
import { createLogger } from '../../src/shared/logger';
import type { AddressInfo } from 'node:net';

const PUBLIC = `query($r: ID, $c: String) { publicCounts(roundId: $r, orgUnitCode: $c) {
  round { id confirmedAt closedAt } rounds { id } suppressionNote
  unit { code name kind confirmedAt total { value shown suppressed } male { shown } female { shown }
         grades { grade label male { shown } female { shown } total { shown value } } }
  children { code name kind parentCode total { shown } } } }`;

type Refusal = { code: string; message: string };
interface PublicCell {
  value: number | null;
  shown: string;
  suppressed?: boolean;
}
interface PublicCountsData {
  round: { id: string; confirmedAt: string };
  unit: { code: string; kind: string; total: PublicCell; grades: { grade: string; total: PublicCell }[] };
  children: { code: string; name: string }[];
}

describe('open data: the confirmed figures of closed rounds, without a session', () => {
  let server: TestServer;
  let roundId: string;
  let laoA: OrgUnitRow, laoB: OrgUnitRow, schoolA: OrgUnitRow, schoolB: OrgUnitRow, otherA: OrgUnitRow;
  const secrets: string[] = [];
  let provinceConfirmedAt: string;
  /** The province's figure of record: the sum of its own confirmations in force. */
  let provinceTotal: number;

  const enrol = async (unit: OrgUnitRow, n: number, over: Record<string, unknown> = {}) => {
    for (let i = 0; i < n; i++) {
      const input = pupilInput(over);
      secrets.push(String(input.citizenId), String(input.birthDate));
      await runPupilCommand(
        server.sys.store,
        unit.code,
        { type: 'EnrolPupil', pupilId: randomUUID(), input: input as PupilInputData },
        systemMetadata('test'),
      );
    }
  };
  const confirm = async (unit: OrgUnitRow, dataset: Dataset) => {
    const v = viewerFor(unit);
    return confirmDataset(server.sys.store, v, unit.code, dataset, metadataFor(v));
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    server = await startTestServer({ openDataRateLimit: { limit: 1000, windowSeconds: 60 } });
    const store = server.sys.store;
    roundId = await openRoundDirect(store);
    laoA = await createUnit(store, 'LAO', '54', { district: 'เด่นชัย' });
    laoB = await createUnit(store, 'LAO', '54', { district: 'ลอง' });
    schoolA = await createUnit(store, 'SCHOOL', laoA.code);
    schoolB = await createUnit(store, 'SCHOOL', laoB.code);
    otherA = await createUnit(store, 'OTHER_SCHOOL', laoA.code);
    // School A: 7 boys and 6 girls in P1 and 2 boys in P2 (a small cell); school B: 8 boys and 9 girls in P1.
    await enrol(schoolA, 7);
    await enrol(schoolA, 6, { sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'กานดา' });
    await enrol(schoolA, 2, { grade: 'P2', birthDate: `${new Date().getUTCFullYear() - 8}-03-01` });
    await enrol(schoolB, 8);
    await enrol(schoolB, 9, { sex: 'FEMALE', prefix: 'ด.ญ.', firstName: 'มาลี' });
    await recordOtherSchoolCounts(
      store,
      laoA.code,
      {
        schoolCode: otherA.code,
        status: 'OPEN',
        note: null,
        counts: otherSchoolGrades.map((grade) => ({
          grade,
          male: grade === 'K3' ? 12 : 0,
          female: grade === 'K3' ? 11 : 0,
        })),
      },
      systemMetadata('test'),
    );
    await confirm(schoolA, 'PUPILS');
    await confirm(schoolB, 'PUPILS');
    await confirm(laoA, 'PUPILS');
    await confirm(laoA, 'OTHER_SCHOOL_COUNTS');
    await confirm(laoB, 'PUPILS');
    const province = await server.sys.dataSource.manager.findOneByOrFail('OrgUnitRow', { code: '54' });
    await confirm(province as OrgUnitRow, 'PUPILS');
    await confirm(province as OrgUnitRow, 'OTHER_SCHOOL_COUNTS');
    const [row] = await server.sys.dataSource.query(
      `SELECT max(confirmed_at) AS at, sum(total)::int AS total FROM confirmations
        WHERE org_unit_code = '54' AND round_id = $1 AND confirmed`,
      [roundId],
    );
    provinceConfirmedAt = new Date(row.at).toISOString();
    provinceTotal = row.total;
  });
  afterAll(() => server.close());

  it('has nothing to publish while no round is closed: 404 in Thai, and publicCounts is null', async () => {
    const res = await get('/open-data/counts.json');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Refusal;
    expect(body.code).toBe('NOT_FOUND');
    expect(body.message).toMatch(/ยังไม่มีข้อมูลเผยแพร่/);
    expect((await server.gql(PUBLIC)).data).toEqual({ publicCounts: null });
  });

  describe('once the round is closed', () => {
    beforeAll(async () => {
      await server.sys.store.transaction((tx) =>
        server.sys.store.decide(
          tx,
          ROUNDS_STREAM,
          roundsDecider,
          { type: 'CloseRound', roundId },
          systemMetadata('test'),
        ),
      );
    });

    it('serves the JSON without a session: the round, the time of confirmation, the figures of record, small cells as <5', async () => {
      const res = await get('/open-data/counts.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('lec-round-id')).toBe(roundId);
      expect(res.headers.get('lec-confirmed-at')).toBe(provinceConfirmedAt);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.round.id).toBe(roundId);
      expect(body.confirmedAt).toBe(provinceConfirmedAt);
      const unit = (code: string) => body.units.find((u: { code: string }) => u.code === code);
      // The province's and the LAOs' own confirmations; a district sums its LAOs' (LAO A: 15 pupils
      // and 23 in its funded school), the country its provinces'.
      expect(provinceTotal).toBeGreaterThanOrEqual(32);
      expect(unit('54').total.total).toBe(provinceTotal);
      expect(unit('54').confirmedAt).toBe(provinceConfirmedAt);
      expect(unit('TH').total.total).toBe(provinceTotal);
      // The province's figure includes LAO A's funded school (15 + 23 + LAO B's 17). A small male cell
      // hides each LAO's male count, and with it the LAO totals, together: with the province's total
      // shown, one LAO's visible total would give the other's back.
      expect(provinceTotal).toBe(15 + 23 + 17);
      expect(unit(laoA.code).total).toEqual({ male: 'x', female: 17, total: 'x' });
      expect(unit(laoB.code).total.total).toBe('x');
      expect(unit('54:เด่นชัย').total).toEqual(unit(laoA.code).total);
      // LAO B's pupils are all in P1: its P1 male is its male total, hidden with it.
      expect(unit(laoB.code).grades.p1).toEqual({ male: 'x', female: 9, total: 'x' });
      // School A's 2 pupils in P2 are hidden, and so is a complement, so 15 − P1 cannot give them back.
      expect(unit(schoolA.code).grades.p2.total).toBe('<5');
      expect(unit(schoolA.code).grades.p1.total).toBe('x');
      expect(unit(schoolA.code).total.total).toBe(15);
      // Never a pupil's ID, name or birth date.
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).not.toMatch(/กานดา|มาลี|firstName|citizenId|birthDate/);
    });

    it('answers 304 to a client holding the same ETag, and the CSV in its own format', async () => {
      const first = await get('/open-data/counts.json');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^".+-json"$/);
      expect((await get('/open-data/counts.json', { 'if-none-match': etag })).status).toBe(304);
      const csv = await get(`/open-data/counts.csv?roundId=${roundId}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0].split(',').slice(0, 4)).toEqual(['round_id', 'confirmed_at', 'unit_code', 'unit_kind']);
      const th = lines.find((l) => l.split(',')[2] === 'TH')!.split(',');
      expect(th[0]).toBe(roundId);
      expect(th[th.length - 1]).toBe(String(provinceTotal));
      expect((await get('/open-data/counts.csv', { 'if-none-match': csv.headers.get('etag')! })).status).toBe(
        304,
      );
    });

    it('refuses a round that is not published or malformed, in Thai', async () => {
      const missing = await get('/open-data/counts.json?roundId=2500-1');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as Refusal).message).toMatch(/2500-1/);
      const bad = await get('/open-data/counts.csv?roundId=abc');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Refusal).code).toBe('BAD_USER_INPUT');
    });

    it('publicCounts without a session: the country and its provinces, a province and its districts', async () => {
      const country = await server.gql<{ publicCounts: PublicCountsData }>(PUBLIC);
      expect(country.errors).toBeUndefined();
      const pc = country.data!.publicCounts;
      expect(pc.round.id).toBe(roundId);
      expect(pc.round.confirmedAt).toBe(provinceConfirmedAt);
      expect(pc.unit).toMatchObject({
        code: 'TH',
        kind: 'COUNTRY',
        total: { value: provinceTotal, shown: String(provinceTotal), suppressed: false },
      });
      expect(pc.children.map((c) => c.code)).toEqual(['54']);
      const province = (await server.gql<{ publicCounts: PublicCountsData }>(PUBLIC, { c: '54' })).data!
        .publicCounts;
      expect(province.children.map((c) => c.name).sort()).toEqual(['อำเภอลอง', 'อำเภอเด่นชัย'].sort());
      const p2 = province.unit.grades.find((g) => g.grade === 'P2')!;
      expect(p2.total).toEqual({ shown: '<5', value: null });
      const unknown = await server.gql(PUBLIC, { c: 'nowhere' });
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('the release is rebuilt identically from the events', async () => {
      const before = await server.sys.dataSource.query(
        `SELECT round_id, etag, units FROM open_data_releases`,
      );
      await rebuildProjections(server.sys.store);
      expect(
        await server.sys.dataSource.query(`SELECT round_id, etag, units FROM open_data_releases`),
      ).toEqual(before);
    });
  });
});

describe('open data rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ openDataRateLimit: { limit: 3, windowSeconds: 60 } });
  });
  afterAll(() => server.close());

  it('is counted in PostgreSQL, so two server processes share it; the fourth call gets 429 in Thai', async () => {
    // A second app on the same database, as a second process would be.
    const { app, apollo } = await createApp({
      dataSource: server.sys.dataSource,
      store: server.sys.store,
      logger: createLogger('silent'),
      production: false,
      authenticate: createAuthenticator(server.sys.dataSource),
      openDataRateLimit: { limit: 3, windowSeconds: 60 },
    });
    const other = await new Promise<import('node:http').Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    try {
      const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const statuses = [
        (await fetch(`${server.url}/open-data/counts.json`)).status,
        (await fetch(`${otherUrl}/open-data/counts.csv`)).status,
        (await fetch(`${server.url}/open-data/counts.json`)).status,
      ];
      expect(statuses).toEqual([404, 404, 404]);
      const limited = await fetch(`${otherUrl}/open-data/counts.json`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await limited.json()) as Refusal;
      expect(body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(body.message).toMatch(/บ่อยเกินไป/);
      const res = await server.gql(`{ publicCounts { round { id } } }`);
      expect(res.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await new Promise((r) => other.close(r));
      await apollo.stop();
    }
  });
});
