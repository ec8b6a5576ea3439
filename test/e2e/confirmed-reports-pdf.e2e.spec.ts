import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { maskPupilId } from '../../src/modules/pupils/rules/citizen-id';
import { openRound2568 } from '../support/confirmation';
import { createLaoTree, createUnit, PROFILE, signInAdmin, signInAs } from '../support/factories';
import { flat, grouped, readPdfText } from '../support/pdf-text';
import { pupilInput, seedPupil } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';

describe('confirmed documents: GET /reports/confirmed-name-list/<institution>.pdf and /reports/lao-summary/<lao>.pdf', () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof createLaoTree>>;
  let school: string;
  let lao: string;
  let province: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    tree = await createLaoTree(server.sys.store, '54');
    [school, lao, province] = await Promise.all([
      signInAs(server, tree.school.code),
      signInAs(server, tree.lao.code),
      signInAs(server, '54'),
    ]);
    const enrol = async (over: Record<string, unknown>) => {
      const res = await server.gql<{ enrolPupil: { id: string } }>(
        `mutation($c: String!, $i: PupilInput!) { enrolPupil(institutionCode: $c, input: $i) { id } }`,
        { c: tree.school.code, i: pupilInput(over) },
        { token: school },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.enrolPupil.id;
    };
    ids.boy = await enrol({ firstName: 'กิตติพัฒน์', lastName: 'วงศ์สวัสดิ์' });
    ids.girl = await enrol({ prefix: 'ด.ญ.', sex: 'FEMALE', firstName: 'พิมพ์ชนก', lastName: 'ศรีสุข' });
    await seedPupil(server.sys.store, tree.cdc);
    const dept = await signInAdmin(server);
    await openRound2568(server, dept);
  });
  afterAll(() => server.close());

  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const nameList = (code: string) => `/reports/confirmed-name-list/${code}.pdf`;
  const summary = (code: string) => `/reports/lao-summary/${code}.pdf`;
  async function print(path: string, token: string) {
    const res = await get(path, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return readPdfText(Buffer.from(await res.arrayBuffer()));
  }
  const confirm = (token: string, c: string, d: string) =>
    server.gql(
      `mutation($c: String!, $d: Dataset!) { confirm(orgUnitCode: $c, dataset: $d) { id } }`,
      { c, d },
      { token },
    );
  const citizenIdOf = async (id: string) =>
    (await server.sys.dataSource.manager.findOneByOrFail(PupilRow, { id })).citizenId;

  it('before the school confirms there is no confirmed list to print', async () => {
    const res = await get(nameList(tree.school.code), school);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/ยังไม่มีข้อมูลที่ยืนยันแล้ว/),
    });
  });

  it('the school prints its confirmed list: the round, who confirmed, every pupil with the whole ID, the totals', async () => {
    expect((await confirm(school, tree.school.code, 'PUPILS')).errors).toBeUndefined();
    const t = await print(nameList(tree.school.code), school);
    expect(t.text).toContain('บัญชีรายชื่อนักเรียนที่ยืนยันข้อมูลแล้ว');
    expect(t.flat).toContain(flat(`${tree.school.name} รหัส ${tree.school.code}`));
    expect(t.flat).toContain(flat('การบันทึกข้อมูล ครั้งที่ 1 ประจำปีการศึกษา 2568 (ข้อมูล ณ วันที่ 10 มิถุนายน 2568)'));
    expect(t.flat).toContain(flat(`โดย ${PROFILE.firstName} ${PROFILE.lastName} ตำแหน่ง ${PROFILE.position}`));
    expect(t.flat).toContain(flat('ด.ช.กิตติพัฒน์ วงศ์สวัสดิ์'));
    expect(t.flat).toContain(flat('ด.ญ.พิมพ์ชนก ศรีสุข'));
    expect(t.text).toContain(grouped(await citizenIdOf(ids.boy)));
    expect(t.text).toContain('จำนวน 2 คน');
    expect(t.flat).toContain(flat('ป.1 1 1 2'));
  });

  it('its LAO and province print it with masked IDs; another LAO and another school are refused', async () => {
    for (const token of [lao, province]) {
      const t = await print(nameList(tree.school.code), token);
      expect(t.flat).toContain(flat('ด.ญ.พิมพ์ชนก ศรีสุข'));
      const id = await citizenIdOf(ids.girl);
      expect(t.text).toContain(maskPupilId(id));
      expect(t.flat).not.toContain(id);
    }
    const other = await createLaoTree(server.sys.store, '54');
    for (const token of [await signInAs(server, other.lao.code), await signInAs(server, other.school.code)]) {
      const res = await get(nameList(tree.school.code), token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
    }
    expect((await get(nameList(tree.lao.code), lao)).status).toBe(400);
    expect((await get(nameList('NO-SUCH'), lao)).status).toBe(404);
    expect((await get(nameList(tree.school.code))).status).toBe(401);
  });

  it('the list is the frozen confirmation: revoked, it is gone; confirmed again, it holds the pupils of that moment', async () => {
    const revoked = await server.gql(
      `mutation($c: String!) { revokeConfirmation(orgUnitCode: $c, dataset: PUPILS, reason: "แก้ไขชื่อ") { id } }`,
      { c: tree.school.code },
      { token: lao },
    );
    expect(revoked.errors).toBeUndefined();
    expect((await get(nameList(tree.school.code), school)).status).toBe(404);
    const removed = await server.gql(
      `mutation($id: ID!) { removePupilAsNonExistent(pupilId: $id, reason: NEVER_ATTENDED) { reason } }`,
      { id: ids.boy },
      { token: school },
    );
    expect(removed.errors).toBeUndefined();
    expect((await confirm(school, tree.school.code, 'PUPILS')).errors).toBeUndefined();
    const t = await print(nameList(tree.school.code), school);
    expect(t.flat).toContain(flat('ด.ญ.พิมพ์ชนก ศรีสุข'));
    expect(t.flat).not.toContain(flat('กิตติพัฒน์'));
    expect(t.text).toContain('จำนวน 1 คน');
  });

  it("a past round's list keeps the grades confirmed then, whatever the register says now", async () => {
    const dept = await signInAdmin(server);
    expect(
      (await server.gql(`mutation { closeRound(roundId: "2568-1") { id } }`, {}, { token: dept })).errors,
    ).toBeUndefined();
    const corrected = await server.gql(
      `mutation($id: ID!) { correctPupil(pupilId: $id, input: { grade: P2 }) { grade } }`,
      { id: ids.girl },
      { token: school },
    );
    expect(corrected.errors).toBeUndefined();
    const t = await print(`${nameList(tree.school.code)}?roundId=2568-1`, school);
    expect(t.flat).toContain(flat('ด.ญ.พิมพ์ชนก ศรีสุข หญิง ป.1'));
    expect(t.text).not.toContain('ป.2');
  });

  it("the LAO's summary for signature: confirmed institutions by grade and sex, who has not confirmed, signature lines", async () => {
    const t = await print(summary(tree.lao.code), lao);
    expect(t.text).toContain('แบบสรุปจำนวนนักเรียนและเด็กเล็กที่ยืนยันข้อมูลแล้ว');
    expect(t.flat).toContain(flat(`${tree.lao.name} รหัส ${tree.lao.code}`));
    expect(t.flat).toContain(flat('ข้อมูล ณ วันที่ ๑๐ มิถุนายน ๒๕๖๘'));
    expect(t.text).toContain('สถานศึกษาที่ยืนยันข้อมูลแล้ว 1 แห่ง จากทั้งหมด 2 แห่ง');
    expect(t.flat).toContain(flat(tree.school.name));
    // One girl in ป.1 after the re-confirmation.
    expect(t.flat).toContain(flat('หญิง 1 1'));
    expect(t.flat).toContain(flat(`สถานศึกษาที่ยังไม่ยืนยันข้อมูล (ไม่นับรวม): ${tree.cdc.name} (${tree.cdc.code})`));
    expect(t.text).toMatch(/ลงชื่อ \.+ ผู้รับผิดชอบ/);
    expect(t.text).toMatch(/ลงชื่อ \.+ นายกองค์การบริหารส่วนตำบล/);
    expect(t.text).toContain(`( ${PROFILE.firstName} ${PROFILE.lastName} )`);

    expect((await get(summary(tree.lao.code), province)).status).toBe(200);
    for (const token of [school, await signInAs(server, '55')]) {
      const res = await get(summary(tree.lao.code), token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
    }
    expect((await get(summary(tree.school.code), school)).status).toBe(400);
    const lonely = await createUnit(server.sys.store, 'LAO', '54');
    expect((await get(`${summary(lonely.code)}?roundId=2999-1`, province)).status).toBe(404);
  });
});
