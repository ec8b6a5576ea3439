// Over 300 lines on purpose: one capability's scenarios against one server and unit tree set up once;
// split, every file would start and seed them again (each start costs seconds on 2 shared cores).
import ExcelJS from 'exceljs';
import { createLaoTree, createUnit, signInAdmin, signInAs } from '../support/factories';
import { pupilInput } from '../support/pupils';
import { codeOf, startTestServer, type TestServer } from '../support/test-server';
import { CONFIRM, HISTORY, REVOKE, STATUS, expectCode, openCurrentRound } from '../support/confirmation';

const ENROL = `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`;
const CORRECT = `mutation($id: ID!, $p: PupilPatch!) { correctPupil(pupilId: $id, input: $p) { id } }`;
const RECORD_COUNTS = `mutation($s: String!, $c: [GradeCountInput!]!) { recordOtherSchoolCounts(schoolCode: $s, counts: $c) { total } }`;
const RECORD_CDC = `mutation($c: String!, $i: CdcBasicDataInput!) { recordCdcBasicData(cdcCode: $c, input: $i) { version } }`;
const TASKS = `{ myTasks { kind message dataset dueDate daysLeft orgUnit { code } } }`;
const cdcBasicData = (over: Record<string, unknown> = {}) => ({
  teachers: 2,
  caregivers: 3,
  classrooms: 2,
  capacity: 40,
  buildingType: 'OWN_BUILDING',
  lunchProvision: 'BUYS',
  ...over,
});
const K1_P6 = ['K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6'];

type Confirmed = {
  confirm: {
    id: string;
    total: number | null;
    late: boolean;
    counts: { grade: string; sex: string; count: number }[];
  };
};

describe('the confirmation chain: school → LAO → province → department', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAdmin(server);
  });
  afterAll(() => server.close());

  const gql = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>, token: string) =>
    server.gql<T>(q, v, { token });

  it('refuses confirmation and revocation while no round is open (NO_OPEN_ROUND)', async () => {
    const tree = await createLaoTree(server.sys.store, '30');
    const school = await signInAs(server, tree.school.code);
    const lao = await signInAs(server, tree.lao.code);
    expectCode(await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school), 'NO_OPEN_ROUND');
    expectCode(await gql(REVOKE, { c: tree.school.code, d: 'PUPILS', r: 'ผิด' }, lao), 'NO_OPEN_ROUND');
    expect((await gql<{ myTasks: unknown[] }>(TASKS, {}, school)).data?.myTasks).toEqual([]);
  });

  describe('in an open round', () => {
    beforeAll(async () => {
      await openCurrentRound(server, admin);
    });

    it('walks the whole chain up and back down, each step refused out of order', async () => {
      const tree = await createLaoTree(server.sys.store, '31');
      const [school, lao, province] = await Promise.all([
        signInAs(server, tree.school.code),
        signInAs(server, tree.lao.code),
        signInAs(server, '31'),
      ]);
      const p1 = await gql<{ enrolPupil: { id: string } }>(
        ENROL,
        { c: tree.school.code, i: pupilInput() },
        school,
      );
      await gql(
        ENROL,
        { c: tree.school.code, i: pupilInput({ prefix: 'ด.ญ.', sex: 'FEMALE', firstName: 'มาลี' }) },
        school,
      );
      const pupilId = p1.data!.enrolPupil.id;

      // The LAO waits on its school, and the message names it.
      const early = await gql(CONFIRM, { c: tree.lao.code, d: 'PUPILS' }, lao);
      expectCode(early, 'NOT_READY');
      expect(early.errors![0].message).toContain(tree.school.name);
      expect(early.errors![0].extensions?.missing).toEqual([tree.school.code]);

      // The school confirms: the figures are frozen, and late against a deadline that has passed.
      const confirmed = await gql<Confirmed>(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school);
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data!.confirm).toMatchObject({ total: 2, late: true });
      expect(confirmed.data!.confirm.counts).toEqual([
        { grade: 'P1', sex: 'FEMALE', count: 1 },
        { grade: 'P1', sex: 'MALE', count: 1 },
      ]);
      expectCode(await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school), 'DATA_CONFIRMED');

      // Locked: every write to the register is refused, and the message says who must revoke.
      const enrol = await gql(ENROL, { c: tree.school.code, i: pupilInput() }, school);
      expectCode(enrol, 'DATA_CONFIRMED');
      expect(enrol.errors![0].message).toContain(tree.lao.name);
      expectCode(await gql(CORRECT, { id: pupilId, p: { firstName: 'ธนพล' } }, school), 'DATA_CONFIRMED');

      // Up the chain: LAO (not late: its deadline is ahead), then province.
      const laoConfirmed = await gql<Confirmed>(CONFIRM, { c: tree.lao.code, d: 'PUPILS' }, lao);
      expect(laoConfirmed.data?.confirm).toMatchObject({ total: 2, late: false });
      const provConfirmed = await gql<Confirmed>(CONFIRM, { c: '31', d: 'PUPILS' }, province);
      expect(provConfirmed.data?.confirm.total).toBe(2);

      // Down again, top first: each revocation waits on the level above.
      expectCode(await gql(REVOKE, { c: tree.school.code, d: 'PUPILS', r: 'แก้ชื่อ' }, lao), 'PARENT_CONFIRMED');
      expectCode(
        await gql(REVOKE, { c: tree.lao.code, d: 'PUPILS', r: 'แก้ชื่อ' }, province),
        'PARENT_CONFIRMED',
      );
      const byDept = await gql<{
        revokeConfirmation: { action: string; reason: string; byOrgUnit: { code: string } };
      }>(REVOKE, { c: '31', d: 'PUPILS', r: 'จังหวัดขอแก้ไขข้อมูลโรงเรียน' }, admin);
      expect(byDept.data?.revokeConfirmation).toMatchObject({
        action: 'REVOKED',
        byOrgUnit: { code: 'DLA' },
      });
      expectCode(await gql(REVOKE, { c: tree.lao.code, d: 'PUPILS', r: '  ' }, province), 'BAD_USER_INPUT');
      expect(
        (await gql(REVOKE, { c: tree.lao.code, d: 'PUPILS', r: 'แก้ชื่อนักเรียน' }, province)).errors,
      ).toBeUndefined();
      expect(
        (await gql(REVOKE, { c: tree.school.code, d: 'PUPILS', r: 'ชื่อนักเรียนสะกดผิด' }, lao)).errors,
      ).toBeUndefined();

      // The school sees who revoked, when and why; it must confirm again; and it can edit now.
      const status = await gql<{ confirmationStatus: { datasets: Record<string, unknown>[] } }>(
        STATUS,
        { c: tree.school.code },
        school,
      );
      expect(status.data?.confirmationStatus.datasets[0]).toMatchObject({
        dataset: 'PUPILS',
        confirmed: false,
        revocationReason: 'ชื่อนักเรียนสะกดผิด',
        revokedByOrgUnit: { code: tree.lao.code },
        revokedBy: { username: tree.lao.code },
      });
      const tasks = await gql<{ myTasks: { kind: string; message: string }[] }>(TASKS, {}, school);
      expect(tasks.data?.myTasks).toEqual([
        expect.objectContaining({ kind: 'RECONFIRM', message: expect.stringContaining('ชื่อนักเรียนสะกดผิด') }),
      ]);
      expect((await gql(CORRECT, { id: pupilId, p: { firstName: 'ธนพล' } }, school)).errors).toBeUndefined();
      expect((await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school)).errors).toBeUndefined();

      // The history keeps every step with who (profile in force), when, why and the confirmed total.
      const history = await gql<{ confirmationHistory: Record<string, unknown>[] }>(
        HISTORY,
        { c: tree.school.code },
        lao,
      );
      expect(history.data?.confirmationHistory.map((h) => [h.action, h.total, h.reason])).toEqual([
        ['CONFIRMED', 2, null],
        ['REVOKED', 2, 'ชื่อนักเรียนสะกดผิด'],
        ['CONFIRMED', 2, null],
      ]);
      expect(history.data?.confirmationHistory[1]).toMatchObject({
        by: { username: tree.lao.code, profile: { firstName: 'สมหญิง', position: 'นักวิชาการศึกษา' } },
        byOrgUnit: { code: tree.lao.code },
      });
      const provHistory = await gql<{ confirmationHistory: Record<string, unknown>[] }>(
        HISTORY,
        { c: '31' },
        admin,
      );
      // The province's own tab also lists the revocation it made of its LAO, naming the LAO.
      expect(
        provHistory.data?.confirmationHistory.map((h) => [h.action, (h.orgUnit as { code: string }).code]),
      ).toEqual([
        ['CONFIRMED', '31'],
        ['REVOKED', '31'],
        ['REVOKED', tree.lao.code],
      ]);
    });

    it('nobody revokes their own confirmation, and nobody acts outside their part of the tree', async () => {
      const a = await createLaoTree(server.sys.store, '32');
      const b = await createLaoTree(server.sys.store, '32');
      const [schoolA, laoA, laoB, prov33] = await Promise.all([
        signInAs(server, a.school.code),
        signInAs(server, a.lao.code),
        signInAs(server, b.lao.code),
        signInAs(server, '33'),
      ]);
      await gql(ENROL, { c: a.school.code, i: pupilInput() }, schoolA);
      await gql(CONFIRM, { c: a.school.code, d: 'PUPILS' }, schoolA);
      expectCode(await gql(REVOKE, { c: a.school.code, d: 'PUPILS', r: 'ขอแก้' }, schoolA), 'FORBIDDEN');
      expectCode(await gql(REVOKE, { c: a.school.code, d: 'PUPILS', r: 'ขอแก้' }, laoB), 'FORBIDDEN');
      expectCode(await gql(REVOKE, { c: a.lao.code, d: 'PUPILS', r: 'ขอแก้' }, laoA), 'FORBIDDEN');
      expectCode(await gql(REVOKE, { c: a.lao.code, d: 'PUPILS', r: 'ขอแก้' }, prov33), 'FORBIDDEN');
      expectCode(await gql(CONFIRM, { c: a.school.code, d: 'PUPILS' }, laoA), 'FORBIDDEN');
      expectCode(await gql(CONFIRM, { c: a.lao.code, d: 'PUPILS' }, laoB), 'FORBIDDEN');
      expectCode(await gql(CONFIRM, { c: 'DLA', d: 'PUPILS' }, admin), 'FORBIDDEN');
      expectCode(await gql(STATUS, { c: a.school.code }, laoB), 'FORBIDDEN');
      expectCode(await gql(HISTORY, { c: a.school.code }, laoB), 'FORBIDDEN');
      // A unit confirms only the datasets it holds.
      expectCode(await gql(CONFIRM, { c: a.school.code, d: 'CHILDREN' }, schoolA), 'BAD_USER_INPUT');
    });

    it('a CDC confirms children and basic data; an LAO confirms other-affiliation counts it recorded', async () => {
      const tree = await createLaoTree(server.sys.store, '34');
      const [cdc, lao] = await Promise.all([
        signInAs(server, tree.cdc.code),
        signInAs(server, tree.lao.code),
      ]);
      const year = new Date().getUTCFullYear();
      await gql(
        ENROL,
        { c: tree.cdc.code, i: pupilInput({ grade: 'CDC', birthDate: `${year - 3}-01-10` }) },
        cdc,
      );

      expectCode(await gql(CONFIRM, { c: tree.cdc.code, d: 'CDC_BASIC_DATA' }, cdc), 'BAD_USER_INPUT');
      expect((await gql(RECORD_CDC, { c: tree.cdc.code, i: cdcBasicData() }, cdc)).errors).toBeUndefined();
      const basic = await gql<Confirmed>(CONFIRM, { c: tree.cdc.code, d: 'CDC_BASIC_DATA' }, cdc);
      expect(basic.data?.confirm.total).toBeNull();
      expectCode(
        await gql(RECORD_CDC, { c: tree.cdc.code, i: cdcBasicData({ capacity: 99 }) }, cdc),
        'DATA_CONFIRMED',
      );
      // Basic data confirmed does not lock the children, which are their own dataset.
      expect(
        (
          await gql(
            ENROL,
            { c: tree.cdc.code, i: pupilInput({ grade: 'CDC', birthDate: `${year - 3}-02-10` }) },
            cdc,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        (await gql<Confirmed>(CONFIRM, { c: tree.cdc.code, d: 'CHILDREN' }, cdc)).data?.confirm.total,
      ).toBe(2);

      const counts = K1_P6.map((grade) => ({ grade, male: 2, female: 3 }));
      const notYet = await gql(CONFIRM, { c: tree.lao.code, d: 'OTHER_SCHOOL_COUNTS' }, lao);
      expectCode(notYet, 'NOT_READY');
      expect(notYet.errors![0].message).toContain(tree.otherSchool.name);
      await gql(RECORD_COUNTS, { s: tree.otherSchool.code, c: counts }, lao);
      const other = await gql<Confirmed>(CONFIRM, { c: tree.lao.code, d: 'OTHER_SCHOOL_COUNTS' }, lao);
      expect(other.data?.confirm.total).toBe(45);
      expectCode(
        await gql(
          RECORD_COUNTS,
          { s: tree.otherSchool.code, c: K1_P6.map((grade) => ({ grade, male: 0, female: 0 })) },
          lao,
        ),
        'DATA_CONFIRMED',
      );
      const laoChildren = await gql<Confirmed>(CONFIRM, { c: tree.lao.code, d: 'CHILDREN' }, lao);
      expect(laoChildren.data?.confirm.total).toBe(2);
    });

    it('an LAO with nothing to confirm does not block its province; status lists who is missing', async () => {
      const a = await createLaoTree(server.sys.store, '35');
      const empty = await createUnit(server.sys.store, 'LAO', '35');
      const [schoolA, laoA, province, emptyLao] = await Promise.all([
        signInAs(server, a.school.code),
        signInAs(server, a.lao.code),
        signInAs(server, '35'),
        signInAs(server, empty.code),
      ]);
      const before = await gql<{
        confirmationStatus: {
          datasets: { dataset: string; ready: boolean; missing: { code: string }[] }[];
          children: { orgUnit: { code: string }; datasets: { dataset: string }[] }[];
        };
      }>(STATUS, { c: '35' }, province);
      const pupils = before.data!.confirmationStatus.datasets.find((d) => d.dataset === 'PUPILS')!;
      expect(pupils).toMatchObject({ ready: false, missing: [{ code: a.lao.code }] });
      expect(
        before.data!.confirmationStatus.children.find((c) => c.orgUnit.code === empty.code)?.datasets,
      ).toEqual([]);
      expect((await gql<{ myTasks: { kind: string }[] }>(TASKS, {}, emptyLao)).data?.myTasks).toEqual([]);

      await gql(CONFIRM, { c: a.school.code, d: 'PUPILS' }, schoolA);
      await gql(CONFIRM, { c: a.lao.code, d: 'PUPILS' }, laoA);
      expect((await gql(CONFIRM, { c: '35', d: 'PUPILS' }, province)).errors).toBeUndefined();
    });

    it('bulk: an LAO confirms everything ready at once; a province revokes a branch top-down', async () => {
      const tree = await createLaoTree(server.sys.store, '36');
      const [school, cdc, lao, province] = await Promise.all([
        signInAs(server, tree.school.code),
        signInAs(server, tree.cdc.code),
        signInAs(server, tree.lao.code),
        signInAs(server, '36'),
      ]);
      await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school);
      await gql(CONFIRM, { c: tree.cdc.code, d: 'CHILDREN' }, cdc);
      const BULK = `mutation($c: String!) { confirmReady(orgUnitCode: $c) { done { dataset total } failed { dataset code message orgUnit { code } } } }`;
      const bulk = await gql<{
        confirmReady: { done: { dataset: string }[]; failed: { dataset: string; code: string }[] };
      }>(BULK, { c: tree.lao.code }, lao);
      expect(bulk.data?.confirmReady.done.map((d) => d.dataset).sort()).toEqual(['CHILDREN', 'PUPILS']);
      expect(bulk.data?.confirmReady.failed.map((f) => [f.dataset, f.code]).sort()).toEqual([
        ['CDC_BASIC_DATA', 'NOT_READY'],
        ['OTHER_SCHOOL_COUNTS', 'NOT_READY'],
      ]);

      const REVOKE_MANY = `mutation($t: [ConfirmationTargetInput!]!) { revokeConfirmations(targets: $t, reason: "ตรวจพบจำนวนไม่ตรง") { done { orgUnit { code } dataset } failed { code orgUnit { code } } } }`;
      // Listed bottom-up on purpose: the operation revokes the LAO before its school.
      const many = await gql<{
        revokeConfirmations: { done: { orgUnit: { code: string } }[]; failed: unknown[] };
      }>(
        REVOKE_MANY,
        {
          t: [
            { orgUnitCode: tree.school.code, dataset: 'PUPILS' },
            { orgUnitCode: tree.lao.code, dataset: 'PUPILS' },
            { orgUnitCode: tree.cdc.code, dataset: 'CDC_BASIC_DATA' },
          ],
        },
        province,
      );
      expect(many.errors).toBeUndefined();
      expect(many.data?.revokeConfirmations.done.map((d) => d.orgUnit.code)).toEqual([
        tree.lao.code,
        tree.school.code,
      ]);
      expect(many.data?.revokeConfirmations.failed).toEqual([
        { code: 'BAD_USER_INPUT', orgUnit: { code: tree.cdc.code } },
      ]);
      expectCode(
        await gql(
          REVOKE_MANY,
          {
            t: [
              { orgUnitCode: (await createLaoTree(server.sys.store, '37')).school.code, dataset: 'PUPILS' },
            ],
          },
          province,
        ),
        'FORBIDDEN',
      );
    });

    it('progress: per level and dataset, who confirmed, who has not, who is late; the department by province', async () => {
      const a = await createLaoTree(server.sys.store, '39');
      const b = await createLaoTree(server.sys.store, '39');
      const [schoolA, laoA, province] = await Promise.all([
        signInAs(server, a.school.code),
        signInAs(server, a.lao.code),
        signInAs(server, '39'),
      ]);
      await gql(CONFIRM, { c: a.school.code, d: 'PUPILS' }, schoolA);
      await gql(CONFIRM, { c: a.lao.code, d: 'PUPILS' }, laoA);
      const PROGRESS = `query($c: String!) { confirmationProgress(orgUnitCode: $c) { round { id } levels { level datasets {
        dataset units confirmed late daysLeft notConfirmed { code } } } byProvince { orgUnit { code } levels { level datasets { dataset units confirmed } } } } }`;
      type Progress = {
        confirmationProgress: {
          levels: {
            level: string;
            datasets: {
              dataset: string;
              units: number;
              confirmed: number;
              late: number;
              daysLeft: number;
              notConfirmed: { code: string }[];
            }[];
          }[];
          byProvince: {
            orgUnit: { code: string };
            levels: { level: string; datasets: { dataset: string; units: number; confirmed: number }[] }[];
          }[];
        };
      };
      const res = await gql<Progress>(PROGRESS, { c: '39' }, province);
      const levels = res.data!.confirmationProgress.levels;
      expect(levels.map((l) => l.level)).toEqual(['LAO', 'INSTITUTION']);
      const pupils = (level: string) =>
        levels.find((l) => l.level === level)!.datasets.find((d) => d.dataset === 'PUPILS')!;
      // The school deadline has passed (late unless confirmed on time: school A confirmed late too).
      expect(pupils('INSTITUTION')).toMatchObject({
        units: 2,
        confirmed: 1,
        late: 2,
        daysLeft: -1,
        notConfirmed: [{ code: b.school.code }],
      });
      expect(pupils('LAO')).toMatchObject({
        units: 2,
        confirmed: 1,
        late: 0,
        daysLeft: 10,
        notConfirmed: [{ code: b.lao.code }],
      });
      expect(res.data!.confirmationProgress.byProvince).toEqual([]);

      const national = await gql<Progress>(PROGRESS, { c: 'DLA' }, admin);
      const p39 = national.data!.confirmationProgress.byProvince.find((p) => p.orgUnit.code === '39')!;
      expect(p39.levels.find((l) => l.level === 'LAO')!.datasets.find((d) => d.dataset === 'PUPILS')).toEqual(
        {
          dataset: 'PUPILS',
          units: 2,
          confirmed: 1,
        },
      );
      expectCode(await gql(PROGRESS, { c: '39' }, laoA), 'FORBIDDEN');

      // The same status as a spreadsheet for the LAO and its units; outside its scope: refused.
      const xlsx = (code: string, token: string) =>
        fetch(`${server.url}/exports/confirmation-status.xlsx?orgUnitCode=${code}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
      const res2 = await xlsx(a.lao.code, laoA);
      expect(res2.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res2.arrayBuffer()) as never);
      const rows = wb.worksheets[0]
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
      expect(rows[0]).toEqual(expect.arrayContaining(['รหัสหน่วยงาน', 'ฐานข้อมูล', 'สถานะ']));
      const schoolRow = rows.find((r) => r[0] === a.school.code)!;
      expect(schoolRow.slice(1, 6)).toEqual([a.school.name, 'โรงเรียน', 'ข้อมูลนักเรียน', 'ยืนยันแล้ว', '0']);
      const cdcRows = rows.filter((r) => r[0] === a.cdc.code).map((r) => r[4]);
      expect(cdcRows).toEqual(['ยังไม่ยืนยัน (พร้อมยืนยัน)', 'ยังไม่ยืนยัน (พร้อมยืนยัน)']);
      expect((await xlsx(b.lao.code, laoA)).status).toBe(403);
    });

    it('closing the round releases the locks; confirmation then waits for the next round (ROUND_CLOSED)', async () => {
      const tree = await createLaoTree(server.sys.store, '38');
      const school = await signInAs(server, tree.school.code);
      await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school);
      expectCode(await gql(ENROL, { c: tree.school.code, i: pupilInput() }, school), 'DATA_CONFIRMED');
      const current = await server.gql<{ currentRound: { id: string } }>(
        `{ currentRound { id } }`,
        {},
        { token: admin },
      );
      await gql(
        `mutation($r: ID!) { closeRound(roundId: $r) { id } }`,
        { r: current.data!.currentRound.id },
        admin,
      );
      expect((await gql(ENROL, { c: tree.school.code, i: pupilInput() }, school)).errors).toBeUndefined();
      const closed = await gql(CONFIRM, { c: tree.school.code, d: 'PUPILS' }, school);
      expect(codeOf(closed)).toBe('ROUND_CLOSED');
    });
  });
});
