import { flat, readPdfText } from '../../../test/support/pdf-text';
import { renderConfirmedNameList, type ConfirmedNameListData } from './confirmed-name-list.pdf';
import { gradesPresent, renderLaoSummary, type LaoSummaryData } from './lao-summary.pdf';

const round = { academicYear: 2568, roundNo: 1, snapshotDate: '2025-06-10' };
const printedAt = new Date('2025-06-21T03:00:00Z');

describe('confirmed name list (บัญชีรายชื่อนักเรียนที่ยืนยันข้อมูลแล้ว)', () => {
  const data: ConfirmedNameListData = {
    kind: 'SCHOOL',
    institution: { code: '1154000001', name: 'โรงเรียนบ้านนาคูหา' },
    laoName: 'องค์การบริหารส่วนตำบลนาคูหา',
    district: 'เมือง',
    provinceName: 'แพร่',
    round,
    confirmedAt: new Date('2025-06-18T02:30:00Z'),
    confirmedBy: { name: 'สมหญิง ใจดี', position: 'ครู' },
    printedAt,
    masked: false,
    entries: [
      { pupilId: '1-1037-02071-48-1', name: 'เด็กชายกิตติพัฒน์ วงศ์สวัสดิ์', sex: 'ชาย', grade: 'ป.1' },
      { pupilId: '1-1037-02071-49-0', name: 'เด็กหญิงพิมพ์ชนก ศรีสุข', sex: 'หญิง', grade: 'ป.2' },
    ],
    totals: [
      { grade: 'ป.1', male: 1, female: 0 },
      { grade: 'ป.2', male: 0, female: 1 },
    ],
  };

  it('prints the round, who confirmed and when, every pupil by name, the totals and a signature line', async () => {
    const t = await readPdfText(await renderConfirmedNameList(data));
    expect(t.text).toContain('บัญชีรายชื่อนักเรียนที่ยืนยันข้อมูลแล้ว');
    expect(t.flat).toContain(flat('โรงเรียนบ้านนาคูหา รหัส 1154000001'));
    expect(t.flat).toContain(flat('การบันทึกข้อมูล ครั้งที่ 1 ประจำปีการศึกษา 2568 (ข้อมูล ณ วันที่ 10 มิถุนายน 2568)'));
    expect(t.flat).toContain(flat('ยืนยันข้อมูลเมื่อวันที่ 18 มิถุนายน 2568 เวลา 09:30 น. โดย สมหญิง ใจดี ตำแหน่ง ครู'));
    expect(t.flat).toContain(flat('เด็กชายกิตติพัฒน์ วงศ์สวัสดิ์'));
    expect(t.flat).toContain(flat('เด็กหญิงพิมพ์ชนก ศรีสุข'));
    expect(t.text).toContain('1-1037-02071-48-1');
    expect(t.text).toContain('จำนวน 2 คน');
    expect(t.flat).toContain(flat('รวมทั้งสิ้น 1 1 2'));
    expect(t.text).toMatch(/ลงชื่อ \.+ ผู้บริหารสถานศึกษา/);
    expect(t.text).toContain('หน้า 1/1');
  });

  it('a CDC list is of young children by age; a long list runs onto numbered pages with the header row', async () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      pupilId: `1-xxxx-xxxx${i % 10}-00-${i % 10}`,
      name: `เด็กหญิงลำดวน ทดสอบ${i + 1}`,
      sex: 'หญิง',
      grade: '3 ปี',
    }));
    const t = await readPdfText(
      await renderConfirmedNameList({
        ...data,
        kind: 'CDC',
        masked: true,
        entries: many,
        totals: [{ grade: '3 ปี', male: 0, female: 70 }],
      }),
    );
    expect(t.text).toContain('บัญชีรายชื่อเด็กเล็กที่ยืนยันข้อมูลแล้ว');
    expect(t.text).toContain('แสดงเพียงบางส่วน');
    expect(t.pages.length).toBeGreaterThan(1);
    t.pages.forEach((p, i) => expect(p).toContain(`หน้า ${i + 1}/${t.pages.length}`));
    expect(flat(t.pages[1])).toContain(flat('เลขประจำตัวประชาชน'));
    expect(t.flat).toContain(flat('เด็กหญิงลำดวน ทดสอบ70'));
    expect(t.text).toMatch(/ลงชื่อ \.+ หัวหน้าศูนย์พัฒนาเด็กเล็ก/);
  });
});

describe('LAO summary for signature (แบบสรุปจำนวนนักเรียนและเด็กเล็กที่ยืนยันข้อมูลแล้ว)', () => {
  const data: LaoSummaryData = {
    lao: { code: '5400101', name: 'องค์การบริหารส่วนตำบลนาคูหา', laoType: 'SAO' },
    district: 'เมือง',
    provinceName: 'แพร่',
    round,
    printedAt,
    responsible: { name: 'สมชาย รักถิ่น', position: 'นักวิชาการศึกษา' },
    institutions: [
      {
        code: '1154000001',
        name: 'โรงเรียนบ้านนาคูหา',
        confirmedAt: new Date('2025-06-18T02:30:00Z'),
        counts: [
          { grade: 'K1', male: 5, female: 6 },
          { grade: 'P1', male: 10, female: 12 },
        ],
      },
      {
        code: '5400101001',
        name: 'ศูนย์พัฒนาเด็กเล็กบ้านนาคูหา',
        confirmedAt: new Date('2025-06-19T02:30:00Z'),
        counts: [{ grade: 'CDC', male: 7, female: 8 }],
      },
      {
        code: '1154000002',
        name: 'โรงเรียนวัดดอนมูล',
        confirmedAt: null,
        counts: [{ grade: 'P2', male: 9, female: 9 }],
      },
    ],
    fundedSchools: [
      {
        code: 'OS5400101',
        name: 'โรงเรียนบ้านดอนแก้ว (สพฐ.)',
        confirmedAt: new Date('2025-06-20T02:30:00Z'),
        counts: [
          { grade: 'P1', male: 20, female: 21 },
          { grade: 'P3', male: 3, female: 4 },
        ],
        total: 48,
      },
      {
        code: 'OS5400102',
        name: 'โรงเรียนวัดร้าง (ยุบรวม)',
        confirmedAt: new Date('2025-06-20T02:30:00Z'),
        counts: [],
        total: 0,
      },
    ],
  };

  it('uses as columns only the grades the counted institutions have', () => {
    expect(gradesPresent(data.institutions)).toEqual(['K1', 'P1', 'CDC']);
  });

  it('prints each confirmed institution by grade and sex, the LAO total, who has not confirmed, and the signatures', async () => {
    const t = await readPdfText(await renderLaoSummary(data));
    expect(t.text).toContain('แบบสรุปจำนวนนักเรียนและเด็กเล็กที่ยืนยันข้อมูลแล้ว');
    expect(t.flat).toContain(flat('องค์การบริหารส่วนตำบลนาคูหา รหัส 5400101'));
    // The date line of a document for signature, in Thai numerals.
    expect(t.flat).toContain(flat('การบันทึกข้อมูล ครั้งที่ ๑ ประจำปีการศึกษา ๒๕๖๘ ข้อมูล ณ วันที่ ๑๐ มิถุนายน ๒๕๖๘'));
    expect(t.text).toContain('สถานศึกษาที่ยืนยันข้อมูลแล้ว 2 แห่ง จากทั้งหมด 3 แห่ง');
    expect(t.flat).toContain(flat('โรงเรียนบ้านนาคูหา'));
    expect(t.flat).toContain(flat('ศูนย์พัฒนาเด็กเล็กบ้านนาคูหา'));
    for (const h of ['อ.1', 'ป.1', 'เด็กเล็ก']) expect(t.text).toContain(h);
    expect(t.text).not.toContain('ป.2');
    // School rows: male 5 10 (15), female 6 12 (18), both 11 22 (33); CDC 7 / 8 / 15.
    expect(t.flat).toContain(flat('ชาย 5 10 0 15'));
    expect(t.flat).toContain(flat('หญิง 6 12 0 18'));
    expect(t.flat).toContain(flat('รวม 11 22 0 33'));
    expect(t.flat).toContain(flat('ชาย 0 0 7 7'));
    // The LAO's total: male 5 10 7 (22), female 6 12 8 (26), both 11 22 15 (48).
    expect(t.flat).toContain(flat('รวมทั้ง องค์การบริหารส่วนตำบลนาคูหา ชาย 5 10 7 22'));
    expect(t.flat).toContain(flat('รวม 11 22 15 48'));
    expect(t.flat).toContain(flat('สถานศึกษาที่ยังไม่ยืนยันข้อมูล (ไม่นับรวม): โรงเรียนวัดดอนมูล (1154000002)'));
    // Funded schools of another affiliation, as the LAO confirmed them (a closed school counts 0).
    expect(t.flat).toContain(flat('สถานศึกษาสังกัดอื่นที่ องค์การบริหารส่วนตำบลนาคูหา อุดหนุน'));
    expect(t.flat).toContain(flat('โรงเรียนบ้านดอนแก้ว (สพฐ.)'));
    expect(t.flat).toContain(flat('ชาย 20 3 23'));
    expect(t.flat).toContain(flat('รวมสถานศึกษาสังกัดอื่น ชาย 20 3 23'));
    expect(t.flat).toContain(flat('รวม 41 7 48'));
    expect(t.text).toMatch(/ลงชื่อ \.+ ผู้รับผิดชอบ/);
    expect(t.text).toMatch(/ลงชื่อ \.+ นายกองค์การบริหารส่วนตำบล/);
    expect(t.text).toContain('( สมชาย รักถิ่น )');
  });
});
