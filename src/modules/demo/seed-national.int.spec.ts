import { randomUUID } from 'node:crypto';
import { countTables } from '../../../test/support/figures';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { rebuildProjections } from '../../event-store/rebuild';
import type { Viewer } from '../access/viewer';
import { enrolmentCounts } from '../figures/enrolment-counts.reads';
import { institutionUnits, laoUnits, nationalSizes } from './national-dataset';
import { nationalOptions } from './national-options';
import { confirmNational } from './confirm-national';
import { seedNational, type SeedReport } from './seed-national';

const department: Viewer = {
  accountId: randomUUID(),
  username: 'admin',
  sessionId: 's',
  orgUnit: { code: 'DLA', kind: 'DEPARTMENT', provinceCode: null, laoCode: null },
  profileId: null,
  mustCompleteFirstLogin: false,
};

describe('seed:national at a small scale', () => {
  let sys: TestSystem;
  let report: SeedReport;
  const sizes = nationalSizes(0.01, { laos: 80, pupilsPerSchool: 8, childrenPerCdc: 5 });
  const counts = (orgUnitCode: string) =>
    enrolmentCounts(sys.dataSource.manager, department, { orgUnitCode });

  beforeAll(async () => {
    sys = await openTestSystem();
    report = await seedNational(sys.store, sizes, { seed: 7 });
  });
  afterAll(() => sys.close());

  it('registers every unit and puts every pupil on a register through the commands', async () => {
    expect(sizes).toMatchObject({ laos: 80, schools: 11, cdcs: 200, otherSchools: 290 });
    expect(report.units).toBe(80 + 11 + 200 + 290);
    const [{ n: events }] = await sys.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE metadata->>'requestId' = 'seed-national'`,
    );
    expect(events).toBe(report.events);
    const kinds = await sys.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM org_units WHERE kind NOT IN ('DEPARTMENT', 'PROVINCE') GROUP BY kind ORDER BY kind`,
    );
    expect(kinds).toEqual([
      { kind: 'CDC', n: 200 },
      { kind: 'LAO', n: 80 },
      { kind: 'OTHER_SCHOOL', n: 290 },
      { kind: 'SCHOOL', n: 11 },
    ]);
  });

  it('gives the country, a province, an LAO and an institution the counts of what was seeded', async () => {
    const country = await counts('DLA');
    expect(country.enrolled.total).toBe(report.pupils + report.children);
    expect(country.otherSchools.total).toBe(report.otherSchoolPupils);
    expect(country.rows.filter((r) => r.grade === 'CDC').reduce((n, r) => n + r.count, 0)).toBe(
      report.children,
    );
    expect(country.byNationality!.reduce((n, g) => n + g.total, 0)).toBe(country.enrolled.total);

    const provinces: { code: string }[] = await sys.dataSource.query(
      `SELECT code FROM org_units WHERE kind = 'PROVINCE' ORDER BY code`,
    );
    let sum = 0;
    for (const p of provinces) sum += (await counts(p.code)).total;
    expect(sum).toBe(country.total);

    const lao = laoUnits(sizes)[0];
    const [{ n: inLao }] = await sys.dataSource.query(
      `SELECT count(*)::int AS n FROM pupils p JOIN org_units o ON o.code = p.institution_code
        WHERE o.lao_code = $1 AND p.status = 'ACTIVE'`,
      [lao.code],
    );
    expect((await counts(lao.code)).enrolled.total).toBe(inLao);

    const school = institutionUnits(laoUnits(sizes), 'SCHOOL', 1)[0];
    const [{ n: inSchool }] = await sys.dataSource.query(
      `SELECT count(*)::int AS n FROM pupils WHERE institution_code = $1 AND status = 'ACTIVE'`,
      [school.code],
    );
    expect((await counts(school.code)).total).toBe(inSchool);
  });

  it('rebuilds the counts from the events to the same table', async () => {
    const live = await countTables(sys);
    expect(live.perLao.length).toBeGreaterThan(0);
    await rebuildProjections(sys.store);
    expect(await countTables(sys)).toEqual(live);
  });

  it('--confirm: every institution, LAO and province confirms, and the official national figures equal the seeded ones', async () => {
    const { roundId, confirmations } = await confirmNational(sys.store, sizes);
    const [inForce] = await sys.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE u.kind IN ('SCHOOL', 'CDC'))::int AS institutions,
              count(*) FILTER (WHERE u.kind = 'PROVINCE')::int AS provinces
         FROM confirmations c JOIN org_units u ON u.code = c.org_unit_code WHERE c.round_id = $1 AND c.confirmed`,
      [roundId],
    );
    expect(inForce.n).toBe(confirmations);
    expect(inForce.institutions).toBe(11 + 200);
    expect(inForce.provinces).toBeGreaterThan(0);
    const confirmed = await enrolmentCounts(sys.dataSource.manager, department, {
      orgUnitCode: 'DLA',
      roundId,
      confirmedOnly: true,
    });
    expect(confirmed.enrolled.total).toBe(report.pupils + report.children);
    expect(confirmed.otherSchools.total).toBe(report.otherSchoolPupils);
    expect(confirmed.rows).toEqual((await counts('DLA')).rows);
    expect(confirmed.provisional).toEqual([]);
  });

  it('reads sizes from flags and the environment, refusing nonsense', () => {
    expect(nationalOptions(['--full'], {}).sizes.laos).toBe(7_850);
    expect(nationalOptions(['--confirm', '--scale', '0.1'], {})).toMatchObject({ confirm: true, scale: 0.1 });
    expect(nationalOptions([], { SEED_CONFIRM: '1' }).confirm).toBe(true);
    expect(nationalOptions(['--scale', '0.1', '--laos=10'], { SEED_CDCS: '3' }).sizes).toMatchObject({
      laos: 10,
      cdcs: 3,
      schools: 110,
    });
    expect(() => nationalOptions(['--scale', 'x'], {})).toThrow(/positive/);
    expect(() => nationalOptions(['--nope', '1'], {})).toThrow(/unknown flag/);
  });
});
