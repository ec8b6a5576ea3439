import { readStream } from '../../src/event-store/event-store';
import { rebuildProjections } from '../../src/event-store/rebuild';
import { cdcStreamId } from '../../src/modules/cdc-basic-data/cdc.events';
import { createLaoTree, signInAdmin, signInAs } from '../support/factories';
import { snapshotReadModels } from '../support/snapshot';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';

const FIELDS = `cdcCode version teachers caregivers classrooms capacity buildingType buildingTypeOther buildingTypeText
  lunchProvision lunchProvisionOther lunchProvisionText notes recordedAt recordedBy { username orgUnitCode }`;
const RECORD = `mutation($c: String!, $i: CdcBasicDataInput!) { recordCdcBasicData(cdcCode: $c, input: $i) { ${FIELDS} } }`;
const READ = `query($c: String!, $v: Int) { cdcBasicData(cdcCode: $c, version: $v) { ${FIELDS} cdc { name } history { version capacity } } }`;

interface BasicData {
  cdcCode: string;
  version: number;
  capacity: number;
  buildingTypeText: string;
  lunchProvisionText: string;
  notes: string | null;
  recordedAt: string;
  recordedBy: { username: string | null; orgUnitCode: string | null };
  cdc?: { name: string };
  history?: { version: number; capacity: number }[];
}

const INPUT = {
  teachers: 2,
  caregivers: 3,
  classrooms: 2,
  capacity: 40,
  buildingType: 'IN_TEMPLE',
  lunchProvision: 'COOKS_ITSELF',
};

describe('CDC basic data (ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก)', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let cdc: string;
  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store);
    cdc = await signInAs(server, tree.cdc.code);
  });
  afterAll(() => server.close());

  const record = (input: Record<string, unknown>, token = cdc, code = tree.cdc.code) =>
    server.gql<{ recordCdcBasicData: BasicData }>(RECORD, { c: code, i: input }, { token });
  const read = (token: string, code = tree.cdc.code, version?: number) =>
    server.gql<{ cdcBasicData: BasicData | null }>(READ, { c: code, v: version }, { token });
  const events = async (code = tree.cdc.code) =>
    (await readStream(server.sys.dataSource.manager, cdcStreamId(code))).map((e) => [
      e.type,
      e.streamVersion,
    ]);

  it('the CDC records its data as version 1, then a change as version 2; the same data again appends nothing', async () => {
    expect((await read(cdc)).data).toEqual({ cdcBasicData: null });

    const first = await record({ ...INPUT, notes: '  เปิดรับเด็กอายุ 2–5 ปี ' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordCdcBasicData).toMatchObject({
      cdcCode: tree.cdc.code,
      version: 1,
      teachers: 2,
      caregivers: 3,
      classrooms: 2,
      capacity: 40,
      buildingType: 'IN_TEMPLE',
      buildingTypeOther: null,
      buildingTypeText: 'ตั้งอยู่ในวัด',
      lunchProvisionText: 'ศูนย์พัฒนาเด็กเล็กประกอบอาหารเอง',
      notes: 'เปิดรับเด็กอายุ 2–5 ปี',
      recordedBy: { username: tree.cdc.code, orgUnitCode: tree.cdc.code },
    });

    const second = await record({
      ...INPUT,
      capacity: 45,
      buildingType: 'OTHER',
      buildingTypeOther: 'ศาลาอเนกประสงค์ของหมู่บ้าน',
      lunchProvision: 'BUYS',
    });
    expect(second.data?.recordCdcBasicData).toMatchObject({
      version: 2,
      capacity: 45,
      buildingTypeText: 'อื่น ๆ (ศาลาอเนกประสงค์ของหมู่บ้าน)',
      lunchProvisionText: 'จัดซื้อหรือจ้างเหมาประกอบอาหาร',
      notes: null,
    });

    const again = await record({
      ...INPUT,
      capacity: 45,
      buildingType: 'OTHER',
      buildingTypeOther: ' ศาลาอเนกประสงค์ของหมู่บ้าน ',
      lunchProvision: 'BUYS',
      lunchProvisionOther: 'ไม่ใช้ เพราะไม่ได้เลือกอื่น ๆ',
      notes: '   ',
    });
    expect(again.errors).toBeUndefined();
    expect(again.data?.recordCdcBasicData).toMatchObject({
      version: 2,
      recordedAt: second.data?.recordCdcBasicData.recordedAt,
    });
    expect(await events()).toEqual([
      ['CdcBasicDataRecorded', 1],
      ['CdcBasicDataRecorded', 2],
    ]);

    const latest = (await read(cdc)).data?.cdcBasicData;
    expect(latest).toMatchObject({ version: 2, capacity: 45, cdc: { name: tree.cdc.name } });
    expect(latest?.history).toEqual([
      { version: 2, capacity: 45 },
      { version: 1, capacity: 40 },
    ]);
    expect((await read(cdc, tree.cdc.code, 1)).data?.cdcBasicData).toMatchObject({
      version: 1,
      capacity: 40,
      buildingTypeText: 'ตั้งอยู่ในวัด',
    });
    expect((await read(cdc, tree.cdc.code, 3)).data).toEqual({ cdcBasicData: null });
  });

  it('refuses bad input with Thai messages naming each field, and records nothing', async () => {
    const before = await events();
    const bad = await record({
      ...INPUT,
      teachers: -1,
      capacity: 5000,
      buildingType: 'OTHER',
      lunchProvision: 'OTHER',
      lunchProvisionOther: 'ก'.repeat(201),
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/[ก-๙]/);
    expect(bad.errors?.[0].extensions?.fields).toEqual({
      teachers: 'จำนวนครู (ครูผู้ดูแลเด็ก)ต้องไม่ติดลบ (กรอก -1)',
      capacity: 'จำนวนเด็กที่ศูนย์รับได้ต้องไม่เกิน 1,000 คน (กรอก 5000) กรุณาตรวจสอบอีกครั้ง',
      buildingTypeOther: 'เลือก "อื่น ๆ" แล้ว กรุณาระบุลักษณะอาคาร',
      lunchProvisionOther: 'วิธีจัดอาหารกลางวันยาวได้ไม่เกิน 200 ตัวอักษร',
    });
    const noRoom = await record({ ...INPUT, classrooms: 0 });
    expect(noRoom.errors?.[0].extensions?.fields).toEqual({
      classrooms: 'ศูนย์ที่รับเด็กได้ต้องมีห้องเรียนอย่างน้อย 1 ห้อง',
    });
    const closed = await record({ ...INPUT, capacity: 0 });
    expect(closed.errors?.[0].extensions?.fields).toHaveProperty('notes');
    // Not a whole number: GraphQL's Int refuses it before any resolver runs.
    expect(codeOf(await record({ ...INPUT, caregivers: 2.5 }))).toBe('BAD_USER_INPUT');
    expect(await events()).toEqual(before);
  });

  it('only the CDC itself records: its school, its LAO, the province, the department and another CDC are refused', async () => {
    const other = await createLaoTree(server.sys.store);
    const [school, lao, province, otherCdc] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, tree.lao.code),
      signInAs(server, tree.provinceCode),
      signInAs(server, other.cdc.code),
    ]);
    const admin = await signInAdmin(server);
    for (const token of [school, lao, province, admin, otherCdc]) {
      const res = await record({ ...INPUT, capacity: 99 }, token);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(/เฉพาะศูนย์พัฒนาเด็กเล็กนั้นเอง/);
    }
    // A school cannot record "CDC basic data" for itself either.
    expect(codeOf(await record(INPUT, school, tree.school.code))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(RECORD, { c: tree.cdc.code, i: INPUT }))).toBe('UNAUTHENTICATED');
    expect((await read(cdc)).data?.cdcBasicData?.capacity).not.toBe(99);
  });

  it('is read by its LAO, province and the department; not by a school or another LAO or province', async () => {
    const other = await createLaoTree(server.sys.store, '55');
    const [school, lao, province, otherLao, otherProvince] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, tree.lao.code),
      signInAs(server, tree.provinceCode),
      signInAs(server, other.lao.code),
      signInAs(server, other.provinceCode),
    ]);
    for (const token of [lao, province, await signInAdmin(server)])
      expect((await read(token)).data?.cdcBasicData).toMatchObject({ cdcCode: tree.cdc.code, version: 2 });
    for (const token of [school, otherLao, otherProvince])
      expect(codeOf(await read(token))).toBe('FORBIDDEN');

    expect(codeOf(await read(lao, tree.school.code))).toBe('BAD_USER_INPUT');
    expect((await read(lao, 'NO-SUCH-CDC')).data).toEqual({ cdcBasicData: null });
  });

  it('replaying the events rebuilds the latest data and every version exactly', async () => {
    const m = server.sys.dataSource.manager;
    const tables = async () => {
      const all = await snapshotReadModels(m, server.sys.store.projections);
      // Several versions share a centre code: ordered here by the whole key.
      delete all.cdc_basic_data_versions;
      const versions = await m.query(`SELECT * FROM cdc_basic_data_versions ORDER BY cdc_code, version`);
      return { all, versions, latest: await m.query(`SELECT * FROM cdc_basic_data ORDER BY cdc_code`) };
    };
    const live = await tables();
    expect(live.versions).toHaveLength(2);
    expect(live.latest).toEqual([
      expect.objectContaining({ cdc_code: tree.cdc.code, version: 2, stream_version: 2 }),
    ]);
    await rebuildProjections(server.sys.store);
    expect(await tables()).toEqual(live);
  });
});
