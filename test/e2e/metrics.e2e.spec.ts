import { rebuildProjections } from '../../src/event-store/rebuild';
import { createLaoTree, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

const TOKEN = 'scrape-token-for-tests-0123456789';
const ENROL = `mutation EnrolOne($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;

describe('GET /metrics (Prometheus text)', () => {
  let server: TestServer;
  let school: string;
  let code: string;

  const scrape = (headers: Record<string, string> = {}) => fetch(`${server.url}/metrics`, { headers });
  /** The value of one sample line, e.g. `lec_graphql_requests_total{operation="Me",type="query"}`. */
  const sample = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN });
    const tree = await createLaoTree(server.sys.store, '54');
    code = tree.school.code;
    school = await signInAs(server, code);
  });
  afterAll(() => server.close());

  it('counts operations by name and type, errors by code and event-store appends', async () => {
    for (let i = 0; i < 2; i++) await server.gql(`query SchoolMe { me { username } }`, {}, { token: school });
    expect((await server.gql(ENROL, { c: code, i: pupilInput() }, { token: school })).errors).toBeUndefined();
    await server.gql(`query Nobody { enrolmentCounts(orgUnitCode: "54") { total } }`);
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'lec_graphql_requests_total{operation="SchoolMe",type="query"}')).toBe(2);
    expect(sample(text, 'lec_graphql_requests_total{operation="EnrolOne",type="mutation"}')).toBe(1);
    expect(
      sample(text, 'lec_graphql_request_duration_seconds_count{operation="SchoolMe",type="query"}'),
    ).toBe(2);
    expect(sample(text, 'lec_graphql_errors_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lec_event_store_appends_total{stream_type="Institution"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'lec_graphql_reads_total{source="primary"}')).toBeGreaterThanOrEqual(3);
    expect(text).toContain('lec_process_resident_memory_bytes');
    if (server.sys.engine === 'postgres') {
      expect(sample(text, 'lec_db_pool_connections{pool="primary",state="total"}')).toBeGreaterThan(0);
    }
  });

  it('reports the latest projection rebuild', async () => {
    await rebuildProjections(server.sys.store);
    const text = await (await scrape()).text();
    expect(sample(text, 'lec_projection_rebuild_running')).toBe(0);
    if (server.sys.engine === 'postgres') {
      const total = sample(text, 'lec_projection_rebuild_events{state="total"}');
      expect(total).toBeGreaterThan(0);
      expect(sample(text, 'lec_projection_rebuild_events{state="done"}')).toBe(total);
    }
  });

  it('is open to loopback and to the token, not to a client through a proxy', async () => {
    const proxied = await scrape({ 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).toMatch(/ไม่มีสิทธิ์/);
    expect((await scrape({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer wrong' })).status).toBe(
      403,
    );
    expect(
      (await scrape({ 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${TOKEN}` })).status,
    ).toBe(200);
  });
});
