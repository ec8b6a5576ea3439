import ExcelJS from 'exceljs';
import { metadataFor, openRoundDirect, viewerFor } from '../support/confirmation';
import { createUnit, signInAdmin, signInAs } from '../support/factories';
import { seedPupil, validCitizenId } from '../support/pupils';
import { startTestServer, type TestServer } from '../support/test-server';
import { systemMetadata } from '../../src/event-store/event';
import { rebuildProjections } from '../../src/event-store/rebuild';
import { confirmDataset } from '../../src/modules/confirmation/confirm-dataset';
import type { OrgUnitRow } from '../../src/modules/org-units/org-unit.entity';
import { renderNameListXlsx } from '../../src/modules/other-schools/name-list-form.xlsx';
import { PupilRow } from '../../src/modules/pupils/pupil.entity';
import { maskPupilId } from '../../src/modules/pupils/rules/citizen-id';
import { roundsDecider } from '../../src/modules/rounds/round.decider';
import { ROUNDS_STREAM } from '../../src/modules/rounds/round.events';

const REPORT = `query($r: ID, $c: String) { nameListCrossCheck(roundId: $r, orgUnitCode: $c) {
  roundId roundStatus unitCode fundedSchools listsStored
  duplicates { citizenId kind places { source unitCode unitKind laoCode provinceCode grade sex listDigest } } } }`;

interface Report {
  roundId: string;
  roundStatus: string;
  fundedSchools: number;
  listsStored: number;
  duplicates: {
    citizenId: string;
    kind: string;
    places: { source: string; unitCode: string; provinceCode: string; listDigest: string | null }[];
  }[];
}

/** A filled certified name list: the form LEC hands out, with one row per (ID, grade, sex). */
async function filledList(
  school: OrgUnitRow,
  pupils: { id: string; grade: string; sex: 'ชาย' | 'หญิง' }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const form = await renderNameListXlsx({
    school: { code: school.code, name: school.name },
    lao: null,
    provinceName: null,
    academicYear: 2569,
  });
  await wb.xlsx.load(form as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let h = 0;
  ws.eachRow((row, n) => {
    if (!h && row.getCell(2).value === 'เลขประจำตัวประชาชน') h = n;
  });
  pupils.forEach((p, i) =>
    [i + 1, p.id, p.sex === 'ชาย' ? 'ด.ช.' : 'ด.ญ.', 'ทดสอบ', 'รายชื่อ', p.sex, p.grade].forEach(
      (v, c) => (ws.getCell(h + 1 + i, c + 1).value = v),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('cross-check across affiliations: stored certified lists against registers and each other', () => {
  let server: TestServer;
  let roundId: string;
  let school: OrgUnitRow, f1: OrgUnitRow, f2: OrgUnitRow, f3: OrgUnitRow, laoA: OrgUnitRow, laoC: OrgUnitRow;
  let tokens: Record<string, string>;
  let onRegister: string;
  const listed = validCitizenId();
  const crossProvince = validCitizenId();

  const upload = async (unit: OrgUnitRow, file: Buffer, token: string) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(file)]), 'list.xlsx');
    const res = await fetch(`${server.url}/other-schools/${unit.code}/name-list-check`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        stored: { roundId: string; fileDigest: string; appended: boolean } | null;
        message: string;
      },
    };
  };
  const report = async (token: string, c?: string) => {
    const res = await server.gql<{ nameListCrossCheck: Report }>(REPORT, { c }, { token });
    return res;
  };
  const events = async () =>
    Number((await server.sys.dataSource.query(`SELECT count(*) AS n FROM events`))[0].n);

  beforeAll(async () => {
    server = await startTestServer();
    const store = server.sys.store;
    roundId = await openRoundDirect(store);
    laoA = await createUnit(store, 'LAO', '54');
    school = await createUnit(store, 'SCHOOL', laoA.code);
    f1 = await createUnit(store, 'OTHER_SCHOOL', laoA.code);
    f2 = await createUnit(store, 'OTHER_SCHOOL', laoA.code);
    laoC = await createUnit(store, 'LAO', '55');
    f3 = await createUnit(store, 'OTHER_SCHOOL', laoC.code);
    const pupil = await server.sys.dataSource.manager.findOneByOrFail(PupilRow, {
      id: await seedPupil(store, school),
    });
    onRegister = pupil.citizenId;
    tokens = {
      laoA: await signInAs(server, laoA.code),
      laoC: await signInAs(server, laoC.code),
      p54: await signInAs(server, '54'),
      p55: await signInAs(server, '55'),
      dla: await signInAdmin(server),
    };
  });
  afterAll(() => server.close());

  it('the LAO stores each returned list for the open round with its file digest; the same file again appends nothing', async () => {
    const list1 = await filledList(f1, [
      { id: onRegister, grade: 'ป.1', sex: 'ชาย' },
      { id: listed, grade: 'ป.2', sex: 'หญิง' },
    ]);
    const first = await upload(f1, list1, tokens.laoA);
    expect(first.status).toBe(200);
    expect(first.body.stored).toMatchObject({ roundId, appended: true });
    expect(first.body.stored!.fileDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.message).toContain(`เก็บแบบรับรองรายชื่อนี้เป็นของรอบ ${roundId}`);
    const before = await events();
    const again = await upload(f1, list1, tokens.laoA);
    expect(again.body.stored).toMatchObject({ appended: false, fileDigest: first.body.stored!.fileDigest });
    expect(await events()).toBe(before);
    const [e] = await server.sys.dataSource.query(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'CertifiedNameListStored'`,
      [`CertifiedNameList-${f1.code}`],
    );
    expect(e.data.fileDigest).toBe(first.body.stored!.fileDigest);
    // IDs, grades and sexes only: the names stay in the file.
    expect(JSON.stringify(e.data)).not.toContain('ทดสอบ');

    expect(
      (
        await upload(
          f2,
          await filledList(f2, [
            { id: listed, grade: 'ป.2', sex: 'หญิง' },
            { id: crossProvince, grade: 'ป.3', sex: 'ชาย' },
          ]),
          tokens.laoA,
        )
      ).status,
    ).toBe(200);
    expect(
      (await upload(f3, await filledList(f3, [{ id: crossProvince, grade: 'ป.3', sex: 'ชาย' }]), tokens.laoC))
        .status,
    ).toBe(200);
  });

  it('the department sees every duplicate in the round with its units, IDs masked', async () => {
    const res = await report(tokens.dla);
    expect(res.errors).toBeUndefined();
    const r = res.data!.nameListCrossCheck;
    expect(r).toMatchObject({ roundId, roundStatus: 'OPEN', fundedSchools: 3, listsStored: 3 });
    const byId = new Map(r.duplicates.map((d) => [d.citizenId, d]));
    expect([...byId.keys()].sort()).toEqual([onRegister, listed, crossProvince].map(maskPupilId).sort());
    const reg = byId.get(maskPupilId(onRegister))!;
    expect(reg.kind).toBe('REGISTER_AND_LIST');
    expect(reg.places.map((p) => [p.source, p.unitCode])).toEqual([
      ['REGISTER', school.code],
      ['CERTIFIED_LIST', f1.code],
    ]);
    expect(reg.places[1].listDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.get(maskPupilId(listed))!.kind).toBe('TWO_LISTS');
    expect(
      byId
        .get(maskPupilId(crossProvince))!
        .places.map((p) => p.provinceCode)
        .sort(),
    ).toEqual(['54', '55']);
    // The full IDs never leave the server in this report.
    for (const id of [onRegister, listed, crossProvince]) expect(JSON.stringify(r)).not.toContain(id);
  });

  it('a province sees the duplicates that touch it; nobody below the province sees the report', async () => {
    const p55 = (await report(tokens.p55)).data!.nameListCrossCheck;
    expect(p55.duplicates.map((d) => d.citizenId)).toEqual([maskPupilId(crossProvince)]);
    expect(p55.fundedSchools).toBe(1);
    const p54 = (await report(tokens.p54)).data!.nameListCrossCheck;
    expect(p54.duplicates).toHaveLength(3);
    expect((await report(tokens.p54, '55')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await report(tokens.laoA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the xlsx holds the same rows, masked', async () => {
    const res = await fetch(`${server.url}/exports/name-list-cross-check.xlsx`, {
      headers: { authorization: `Bearer ${tokens.p54}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const values: string[] = [];
    wb.worksheets[0].eachRow((row) => values.push(JSON.stringify(row.values)));
    const text = values.join('\n');
    expect(text).toContain(maskPupilId(onRegister));
    expect(text).toContain(school.code);
    for (const id of [onRegister, listed, crossProvince]) expect(text).not.toContain(id);
    const refused = await fetch(`${server.url}/exports/name-list-cross-check.xlsx`, {
      headers: { authorization: `Bearer ${tokens.laoA}` },
    });
    expect(refused.status).toBe(403);
  });

  it('once the round is closed, the register side is the confirmed register; rebuilding the lists gives the same tables', async () => {
    const v = viewerFor(school);
    await confirmDataset(server.sys.store, v, school.code, 'PUPILS', metadataFor(v));
    await server.sys.store.transaction((tx) =>
      server.sys.store.decide(
        tx,
        ROUNDS_STREAM,
        roundsDecider,
        { type: 'CloseRound', roundId },
        systemMetadata('test'),
      ),
    );
    const r = (await report(tokens.dla)).data!.nameListCrossCheck;
    expect(r.roundStatus).toBe('CLOSED');
    expect(r.duplicates.find((d) => d.citizenId === maskPupilId(onRegister))?.kind).toBe('REGISTER_AND_LIST');
    const tables = () =>
      server.sys.dataSource.query(
        `SELECT l.*, (SELECT json_agg(p ORDER BY citizen_id) FROM certified_name_list_pupils p
           WHERE p.round_id = l.round_id AND p.school_code = l.school_code) AS pupils
           FROM certified_name_lists l ORDER BY school_code`,
      );
    const before = await tables();
    await rebuildProjections(server.sys.store);
    expect(await tables()).toEqual(before);
  });
});
