import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openTestSystem, type TestSystem } from '../../../test/support/test-system';
import { systemMetadata } from '../../event-store/event';
import { appendToStream, readStream } from '../../event-store/event-store';
import { runImport } from '../../scripts/import-org-units';
import { importOrgUnits, type ImportReport } from './import-org-units';
import { parseOrgUnitCsv } from './org-unit-csv';
import { OrgUnitRow } from './org-unit.entity';
import { orgUnitStreamId } from './org-unit.events';

const HEADER = 'code,name,kind,parent_code,district,lao_type,ministry_code';

/** A province-54 (แพร่) file whose codes carry a suffix unique to the test, as tests share a database. */
function phraeFile(s: string): string {
  return [
    HEADER,
    // Institutions first on purpose: the import must register the LAOs before them.
    `S${s}1,โรงเรียนเทศบาล 1 (วัดพระบาท),SCHOOL,L${s}1,,,`,
    `C${s}1,ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลสูงเม่น,CDC,L${s}1,,,`,
    `L${s}1,เทศบาลตำบลสูงเม่น,LAO,54,สูงเม่น,SUBDISTRICT_MUNICIPALITY,`,
    `L${s}2,องค์การบริหารส่วนตำบลไรโคก,LAO,54,เมืองแพร่,SAO,`,
    `C${s}2,ศูนย์พัฒนาเด็กเล็กบ้านนาจักร,CDC,L${s}2,นาจักร,,`,
    `O${s}2,"โรงเรียนบ้านไรโคก (สพป.แพร่ เขต 1, ""ประชาราษฎร์"")",OTHER_SCHOOL,L${s}2,,,1054360101`,
  ].join('\r\n');
}

describe('importOrgUnits', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await openTestSystem();
  });
  afterAll(() => sys.close());

  const suffix = () => randomBytes(3).toString('hex').toUpperCase();
  const run = (csv: string): Promise<ImportReport> => {
    const parsed = parseOrgUnitCsv(csv);
    if (!parsed.ok) throw new Error(parsed.fileErrors.join('\n'));
    return importOrgUnits(sys.store, parsed.rows, systemMetadata('import:test.csv'));
  };
  const unit = (code: string) => sys.dataSource.manager.findOneByOrFail(OrgUnitRow, { code });
  const counts = async () => ({
    units: await sys.dataSource.manager.count(OrgUnitRow),
    events: Number((await sys.dataSource.query('SELECT count(*) AS n FROM events'))[0].n),
  });

  it('registers LAOs and their institutions under a province, with province, LAO and district', async () => {
    const s = suffix();
    expect(await run(phraeFile(s))).toEqual({ ok: true, registered: 6, changed: 0, unchanged: 0 });
    expect(await unit(`L${s}1`)).toMatchObject({
      kind: 'LAO',
      parentCode: '54',
      provinceCode: '54',
      laoCode: `L${s}1`,
      district: 'สูงเม่น',
      laoType: 'SUBDISTRICT_MUNICIPALITY',
    });
    expect(await unit(`S${s}1`)).toMatchObject({
      kind: 'SCHOOL',
      name: 'โรงเรียนเทศบาล 1 (วัดพระบาท)',
      parentCode: `L${s}1`,
      provinceCode: '54',
      laoCode: `L${s}1`,
      district: 'สูงเม่น', // inherited from its LAO
      laoType: null,
    });
    expect(await unit(`C${s}2`)).toMatchObject({ kind: 'CDC', laoCode: `L${s}2`, district: 'นาจักร' });
    expect(await unit(`O${s}2`)).toMatchObject({
      kind: 'OTHER_SCHOOL',
      name: 'โรงเรียนบ้านไรโคก (สพป.แพร่ เขต 1, "ประชาราษฎร์")',
      district: 'เมืองแพร่',
      ministryCode: '1054360101',
    });
    const [registered] = await readStream(sys.dataSource.manager, orgUnitStreamId(`S${s}1`));
    expect(registered.metadata).toMatchObject({ accountId: null, requestId: 'import:test.csv' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const s = suffix();
    await run(phraeFile(s));
    const before = await counts();
    expect(await run(phraeFile(s))).toEqual({ ok: true, registered: 0, changed: 0, unchanged: 6 });
    expect(await counts()).toEqual(before);
  });

  it('records a changed name as OrgUnitDetailsChanged, and registers new rows alongside', async () => {
    const s = suffix();
    await run(phraeFile(s));
    const edited = phraeFile(s).replace('ศูนย์พัฒนาเด็กเล็กบ้านนาจักร', 'ศูนย์พัฒนาเด็กเล็กบ้านนาจักร (แห่งใหม่)');
    const added = `${edited}\r\nC${s}3,ศูนย์พัฒนาเด็กเล็กวัดสูงเม่น,CDC,L${s}1,,,`;
    expect(await run(added)).toEqual({ ok: true, registered: 1, changed: 1, unchanged: 5 });
    const events = await readStream(sys.dataSource.manager, orgUnitStreamId(`C${s}2`));
    expect(events.map((e) => e.type)).toEqual(['OrgUnitRegistered', 'OrgUnitDetailsChanged']);
    expect((await unit(`C${s}2`)).name).toBe('ศูนย์พัฒนาเด็กเล็กบ้านนาจักร (แห่งใหม่)');
  });

  it('keeps recorded ministry codes when the file has no ministry_code column, and clears an emptied one', async () => {
    const s = suffix();
    await run(phraeFile(s));
    const withoutColumn = phraeFile(s)
      .split('\r\n')
      .map((l) => l.replace(/,[^,]*$/, ''))
      .join('\n');
    expect(await run(withoutColumn)).toMatchObject({ ok: true, changed: 0, unchanged: 6 });
    expect((await unit(`O${s}2`)).ministryCode).toBe('1054360101');
    expect(await run(phraeFile(s).replace(',1054360101', ','))).toMatchObject({ ok: true, changed: 1 });
    expect((await unit(`O${s}2`)).ministryCode).toBeNull();
  });

  it('rejects the whole file, reporting every bad row, and writes nothing', async () => {
    const s = suffix();
    const before = await counts();
    const csv = [
      HEADER,
      `L${s}1,เทศบาลตำบลสูงเม่น,LAO,54,สูงเม่น,เทศบาลตำบล,`,
      `S${s}1,โรงเรียนเทศบาล 1 (วัดพระบาท),SCHOOL,L${s}1,,,`,
      `C${s}1,ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลสูงเม่น,CDC,L${s}1,,,`,
      `L${s}2,องค์การบริหารส่วนตำบลไรโคก,LAO,54,เมืองแพร่,เทศบาล,`, // line 5: no such LAO type
      `C${s}2,ศูนย์พัฒนาเด็กเล็กบ้านนาจักร,CDC,NOPE${s},,,`, // line 6: parent does not exist
      `S${s}1,โรงเรียนเทศบาล 2 (วัดเมธังกราวาส),SCHOOL,L${s}1,,,`, // line 7: duplicate code
      `P${s},แพร่,PROVINCE,DLA,,,`, // line 8: provinces are not importable
    ].join('\n');
    const report = await run(csv);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors.map((e) => [e.row, e.code, e.field])).toEqual([
      [5, `L${s}2`, 'lao_type'],
      [6, `C${s}2`, 'parent_code'],
      [7, `S${s}1`, 'code'],
      [8, `P${s}`, 'kind'],
    ]);
    expect(report.errors[0].message).toMatch(/ประเภท อปท\. "เทศบาล" ไม่ถูกต้อง/);
    expect(report.errors[1].message).toMatch(new RegExp(`ไม่พบหน่วยงานต้นสังกัดรหัส NOPE${s}`));
    expect(report.errors[2].message).toMatch(/ซ้ำกับแถวที่ 3/);
    expect(await counts()).toEqual(before);
  });

  it('refuses to move an existing unit or change its kind', async () => {
    const s = suffix();
    await run(phraeFile(s));
    const moved = phraeFile(s)
      .replace(
        `S${s}1,โรงเรียนเทศบาล 1 (วัดพระบาท),SCHOOL,L${s}1`,
        `S${s}1,โรงเรียนเทศบาล 1 (วัดพระบาท),SCHOOL,L${s}2`,
      )
      .replace(`C${s}1,ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลสูงเม่น,CDC`, `C${s}1,ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลสูงเม่น,SCHOOL`);
    const report = await run(moved);
    expect(report.ok === false && report.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'parent_code'],
      [3, 'kind'],
    ]);
  });

  it('reports a refusal by the decider against its row and rolls back the rows already written', async () => {
    const s = suffix();
    // A stream the read model does not show (as if registered between the check and the write):
    // the check passes, the decider refuses once the LAO before it has been written.
    const phantom = { code: `C${s}9`, kind: 'CDC', name: 'ศูนย์พัฒนาเด็กเล็กบ้านร่องฟอง', parentCode: null };
    await sys.dataSource.transaction((tx) =>
      appendToStream(
        tx,
        orgUnitStreamId(phantom.code),
        'OrgUnit',
        0,
        [{ type: 'OrgUnitRegistered', data: phantom }],
        systemMetadata('t'),
      ),
    );
    const before = await counts();
    const csv = [
      HEADER,
      `${phantom.code},ศูนย์พัฒนาเด็กเล็กบ้านร่องฟอง,CDC,L${s}1,,,`,
      `L${s}1,องค์การบริหารส่วนตำบลร่องฟอง,LAO,54,เมืองแพร่,อบต.,`,
    ].join('\n');
    const report = await run(csv);
    expect(report.ok === false && report.errors).toEqual([
      { row: 2, code: phantom.code, field: 'code', message: `รหัส ${phantom.code} มีอยู่ในระบบแล้ว` },
    ]);
    expect(await counts()).toEqual(before);
    expect(await sys.dataSource.manager.findOneBy(OrgUnitRow, { code: `L${s}1` })).toBeNull();
  });

  it('imports the sample file from the command line, then reports it unchanged', async () => {
    const lines: string[] = [];
    const open = async () => ({ ...sys, close: async () => undefined });
    const sample = path.join(__dirname, '../../../docs/samples/org-units.csv');
    const n = fs.readFileSync(sample, 'utf8').trim().split('\n').length - 1;
    expect(await runImport([sample], open, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(`เพิ่มใหม่ ${n} แก้ไข 0 ไม่เปลี่ยนแปลง 0`);
    expect(await runImport([sample], open, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(`0 registered, 0 changed, ${n} unchanged`);
    const bad = path.join(os.tmpdir(), `org-units-${suffix()}.csv`);
    fs.writeFileSync(bad, `${HEADER}\nX${suffix()},ศูนย์พัฒนาเด็กเล็กบ้านร่องฟอง,CDC,NOPE,,,\n`);
    expect(await runImport([bad], open, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/^2 +\| X\w+ +\| parent_code +\| ไม่พบหน่วยงานต้นสังกัด/);
    expect(await runImport([], open, (l) => lines.push(l))).toBe(2);
    fs.rmSync(bad);
  });
});
