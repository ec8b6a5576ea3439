import pg from 'pg';
import { ReadReplicas } from '../../src/db/read-replicas';
import { createLaoTree, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import type { GqlResponse, TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

/**
 * Read-only queries served by a real streaming replica (.ci/pg-replica builds one of the CI
 * cluster): the freshness note, mutations on the primary, read-your-writes while the replica's
 * replay is paused, and the lag bound. Needs LEC_TEST_REPLICA_URL (and DATABASE_URL); it pauses
 * the replica's replay for a moment, so CI runs it with --runInBand.
 */
const ready = Boolean(process.env.DATABASE_URL && process.env.LEC_TEST_REPLICA_URL);
if (!ready) {
  process.stdout.write(
    'read-replicas.e2e: skipped (needs DATABASE_URL and LEC_TEST_REPLICA_URL: a streaming replica, see .ci/pg-replica)\n',
  );
}
const describeReplica = ready ? describe : describe.skip;

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const COUNT = `query($c: String!) { enrolmentCounts(orgUnitCode: $c) { enrolled { total } } }`;

interface ReadFrom {
  source: string;
  asOf: string;
  note: string;
}
type Counted = GqlResponse<{ enrolmentCounts: { enrolled: { total: number } } }> & {
  extensions?: { readFrom?: ReadFrom };
};

describeReplica('read replicas (LEC_DATABASE_REPLICA_URLS)', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string, lao: string;
  let replica: pg.Client;

  /** Straight over HTTP, without the test helper's wait for the replica to catch up. */
  const raw = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Counted;
  };

  beforeAll(async () => {
    server = await startTestServer();
    expect(server.sys.replicas?.size).toBe(1);
    tree = await createLaoTree(server.sys.store, '54');
    [school, lao] = await Promise.all([signInAs(server, tree.school.code), signInAs(server, tree.lao.code)]);
    replica = new pg.Client({ connectionString: server.sys.replicas!.options.urls[0] });
    await replica.connect();
  });
  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end();
    await server?.close();
  });

  it('serves a query from the replica with the time its data are as of, and a mutation from the primary', async () => {
    const enrolled = await server.gql(ENROL, { c: tree.school.code, i: pupilInput() }, { token: school });
    expect(enrolled.errors).toBeUndefined();
    expect((enrolled as Counted).extensions?.readFrom).toBeUndefined();
    const read = (await server.gql(COUNT, { c: tree.lao.code }, { token: lao })) as Counted;
    expect(read.data?.enrolmentCounts.enrolled.total).toBe(1);
    expect(read.extensions?.readFrom).toMatchObject({
      source: 'REPLICA',
      note: expect.stringMatching(/^ข้อมูล ณ /),
    });
    expect(Math.abs(Date.parse(read.extensions!.readFrom!.asOf) - Date.now())).toBeLessThan(60_000);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^lec_graphql_reads_total\{source="replica"\} [1-9]/m);
    expect(metrics).toMatch(/^lec_replica_lag_seconds\{replica="[^"]+"\} \d/m);
  });

  it('reads an account’s own write even while the replica is behind; others get the replica’s older figures, labelled', async () => {
    const before = (await server.gql(COUNT, { c: tree.lao.code }, { token: lao })) as Counted;
    const total = before.data!.enrolmentCounts.enrolled.total;
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      const wrote = await raw(ENROL, { c: tree.school.code, i: pupilInput() }, school);
      expect(wrote.errors).toBeUndefined();
      // The school wrote: the replica has not replayed it, so the primary answers, with the new pupil.
      const own = await raw(COUNT, { c: tree.school.code }, school);
      expect(own.data?.enrolmentCounts.enrolled.total).toBe(total + 1);
      expect(own.extensions?.readFrom).toBeUndefined();
      // The LAO did not write: it may read the replica's older figures, which say how old they are.
      const other = await raw(COUNT, { c: tree.lao.code }, lao);
      expect(other.extensions?.readFrom?.source).toBe('REPLICA');
      expect(other.data?.enrolmentCounts.enrolled.total).toBe(total);
      expect(Date.parse(other.extensions!.readFrom!.asOf)).toBeLessThanOrEqual(Date.now());
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
    // Once replayed, the school's reads go back to the replica.
    const later = (await server.gql(COUNT, { c: tree.school.code }, { token: school })) as Counted;
    expect(later.data?.enrolmentCounts.enrolled.total).toBe(total + 1);
    expect(later.extensions?.readFrom?.source).toBe('REPLICA');
  });

  it('serves the counts export from the replica too, saying when its data are from', async () => {
    await server.gql(COUNT, { c: tree.lao.code }, { token: lao }); // waits for replay
    const res = await fetch(`${server.url}/exports/counts/${tree.lao.code}.xlsx`, {
      headers: { authorization: `Bearer ${lao}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-lec-read-from')).toBe('replica');
    expect(decodeURIComponent(res.headers.get('x-lec-data-as-of-note') ?? '')).toMatch(/^ข้อมูล ณ /);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('leaves a replica further behind than the bound to the primary', async () => {
    const strict = new ReadReplicas(server.sys.dataSource, {
      urls: server.sys.replicas!.options.urls,
      maxLagSeconds: 0.3,
      waitMs: 0,
    });
    try {
      expect((await strict.choose(null)).replica).not.toBeNull();
      await replica.query('SELECT pg_wal_replay_pause()');
      try {
        expect((await raw(ENROL, { c: tree.school.code, i: pupilInput() }, school)).errors).toBeUndefined();
        await new Promise((r) => setTimeout(r, 800));
        expect((await strict.choose(null)).replica).toBeNull();
      } finally {
        await replica.query('SELECT pg_wal_replay_resume()');
      }
    } finally {
      await strict.close();
    }
  });
});
