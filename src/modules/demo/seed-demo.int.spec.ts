import { readAll } from '../../event-store/event-store';
import { login } from '../accounts/login';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { demoUnits } from './demo-data';
import { isEmpty, seedDemo } from './seed-demo';

describe('demo dataset', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  it('seeds an empty database through the real commands, with accounts that sign in', async () => {
    expect(await isEmpty(sys.store)).toBe(true);
    const accounts = await seedDemo(sys.store);
    expect(await isEmpty(sys.store)).toBe(false);
    const units = await sys.dataSource.manager.findBy(OrgUnitRow, { provinceCode: '54' });
    expect(units.map((u) => u.code).sort()).toEqual(['54', ...demoUnits.map((u) => u.code)].sort());
    // Other-affiliation schools have no account: their LAO records them.
    expect(accounts.map((a) => a.username)).not.toContain('1054560101');
    expect(accounts.map((a) => a.username)).toContain('54');
    const events = await readAll(sys.dataSource.manager, 0, 10_000);
    expect(events.filter((e) => e.metadata.requestId === 'demo').map((e) => e.type)).toEqual(
      expect.arrayContaining(['OrgUnitRegistered', 'CredentialsIssued', 'RoundOpened']),
    );
    // A round is open so the demo's units can confirm at once.
    const [round] = await sys.dataSource.query(
      `SELECT status, institution_deadline > now() AS ahead FROM rounds`,
    );
    expect(round).toEqual({ status: 'OPEN', ahead: true });
    // Pupils and children with valid citizen IDs, enrolled through the real command.
    const pupils: { institution_code: string; n: number }[] = await sys.dataSource.query(
      `SELECT institution_code, count(*)::int AS n FROM pupils WHERE status = 'ACTIVE' GROUP BY institution_code ORDER BY 1`,
    );
    expect(pupils).toContainEqual({ institution_code: '1054100001', n: 36 });
    expect(pupils).toContainEqual({ institution_code: '5540101001', n: 12 });
    const school = accounts.find((a) => a.username === '1054100001')!;
    await expect(
      login(sys.dataSource, school.username, school.initialPassword, {
        ip: '127.0.0.1',
        userAgent: null,
        requestId: 't',
      }),
    ).resolves.toHaveProperty('token');
  });
});
