import { rebuildProjections } from '../../src/event-store/rebuild';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { snapshotReadModels } from '../support/snapshot';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const OPEN = `mutation($i: RoundInput!) { openRound(input: $i) { id academicYear roundNo snapshotDate status institutionDeadline laoDeadline provinceDeadline } }`;
const CURRENT = `{ currentRound { id status snapshotDate extensions { orgUnitCode until reason } } }`;
const round1 = {
  academicYear: 2568,
  roundNo: 1,
  institutionDeadline: '2025-06-20',
  laoDeadline: '2025-06-25',
  provinceDeadline: '2025-06-26',
};

describe('rounds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the department opens, adjusts, extends and closes a round; every level sees it', async () => {
    const admin = await signInAdmin(server);
    const tree = await createLaoTree(server.sys.store);
    const school = await signInAs(server, tree.school.code);
    expect((await server.gql(CURRENT, {}, { token: school })).data).toEqual({ currentRound: null });

    const opened = await server.gql(OPEN, { i: round1 }, { token: admin });
    expect(opened.data).toEqual({
      openRound: {
        id: '2568-1',
        snapshotDate: '2025-06-10',
        status: 'OPEN',
        ...round1,
      },
    });
    expect(
      (await server.gql<{ currentRound: { id: string } }>(CURRENT, {}, { token: school })).data?.currentRound
        .id,
    ).toBe('2568-1');

    const second = await server.gql(
      OPEN,
      {
        i: {
          ...round1,
          roundNo: 2,
          institutionDeadline: '2025-11-20',
          laoDeadline: '2025-11-25',
          provinceDeadline: '2025-11-26',
        },
      },
      { token: admin },
    );
    expect(codeOf(second)).toBe('BAD_USER_INPUT');
    expect(second.errors?.[0].message).toMatch(/เปิดอยู่/);

    const moved = await server.gql(
      `mutation { changeRoundDeadlines(roundId: "2568-1", input: { institutionDeadline: "2025-06-22", laoDeadline: "2025-06-27", provinceDeadline: "2025-06-28" }) { laoDeadline } }`,
      {},
      { token: admin },
    );
    expect(moved.data).toEqual({ changeRoundDeadlines: { laoDeadline: '2025-06-27' } });
    await server.gql(
      `mutation { grantDeadlineExtension(roundId: "2568-1", orgUnitCode: "${tree.lao.code}", until: "2025-07-05", reason: "อุทกภัย") { id } }`,
      {},
      { token: admin },
    );
    const current = await server.gql<{ currentRound: { extensions: unknown[] } }>(
      CURRENT,
      {},
      { token: school },
    );
    expect(current.data?.currentRound.extensions).toEqual([
      { orgUnitCode: tree.lao.code, until: '2025-07-05', reason: 'อุทกภัย' },
    ]);

    expect(
      codeOf(await server.gql(`mutation { closeRound(roundId: "2568-1") { id } }`, {}, { token: school })),
    ).toBe('FORBIDDEN');
    const closed = await server.gql(
      `mutation { closeRound(roundId: "2568-1") { status closedAt } }`,
      {},
      { token: admin },
    );
    expect(closed.data).toMatchObject({ closeRound: { status: 'CLOSED' } });
    expect((await server.gql(CURRENT, {}, { token: school })).data).toEqual({ currentRound: null });
    expect(
      codeOf(await server.gql(`mutation { closeRound(roundId: "2568-1") { id } }`, {}, { token: admin })),
    ).toBe('ROUND_CLOSED');
    const list = await server.gql<{ rounds: { id: string }[] }>(
      `{ rounds { id status } }`,
      {},
      { token: school },
    );
    expect(list.data?.rounds.map((r) => r.id)).toEqual(['2568-1']);
  });

  it('refuses deadlines out of order with the fields named, and non-department callers', async () => {
    const admin = await signInAdmin(server);
    const bad = await server.gql(
      OPEN,
      { i: { ...round1, academicYear: 2569, laoDeadline: '2025-06-01' } },
      { token: admin },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toHaveProperty('institutionDeadline');
    const province = await signInAs(server, '54');
    expect(
      codeOf(await server.gql(OPEN, { i: { ...round1, academicYear: 2569 } }, { token: province })),
    ).toBe('FORBIDDEN');
  });

  it('rounds are reproduced by replaying the events', async () => {
    const live = await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections);
    await rebuildProjections(server.sys.store);
    expect(await snapshotReadModels(server.sys.dataSource.manager, server.sys.store.projections)).toEqual(
      live,
    );
  });
});
