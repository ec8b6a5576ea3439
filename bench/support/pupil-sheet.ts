import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { citizenIdCheckDigit } from '../../src/modules/pupils/rules/citizen-id';
import { schoolGrades, typicalAge, gradeLabels } from '../../src/modules/pupils/rules/grades';
import { academicYearOf, beToCe, todayInBangkok } from '../../src/shared/thai-calendar';

/** LEC's pupil export: the columns the import reads, then some of the export's others (kept as extras). */
export const SHEET_HEADERS = [
  'เลขประจำตัวประชาชน',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เพศ',
  'วันเดือนปีเกิด',
  'ระดับชั้น',
  'สัญชาติ',
  'ศาสนา',
  'วันที่เข้าเรียน',
  'ด้อยโอกาส',
  'หมายเหตุ',
  'ชื่อบิดา',
  'ชื่อมารดา',
  'ที่อยู่',
  'น้ำหนัก (กก.)',
  'ส่วนสูง (ซม.)',
];

// prettier-ignore
const FIRST = { MALE: ['สมชาย', 'ธนากร', 'ภูมิ', 'กิตติ', 'ปกรณ์', 'วีระ', 'อนุชา', 'ชยพล'], FEMALE: ['สมหญิง', 'กานดา', 'ปิยะดา', 'ศิริพร', 'นภัส', 'วรรณา', 'อรุณี', 'ชุติมา'] };
const LAST = ['ใจดี', 'ศรีสุข', 'มั่นคง', 'ทองดี', 'แก้วมณี', 'บุญมา', 'สายทอง', 'พรหมมา', 'จันทร์เพ็ญ', 'รักไทย'];

/** A checksum-valid citizen ID per index, unique within a run (first digit 1: Thai, registered at birth). */
export function benchCitizenId(base: number, i: number): string {
  const first12 = `1${String(base + i).padStart(11, '0')}`;
  return first12 + citizenIdCheckDigit(first12);
}

/**
 * `rows` valid pupils of one school, every grade from อนุบาล 1 to ม.6, each of the usual age for its
 * grade this academic year, dates written day/month/Buddhist-era year as Thai sheets do. Written with
 * exceljs's streaming writer, to a buffer.
 */
export async function pupilSheet(rows: number, idBase: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('นักเรียน');
  sheet.addRow(SHEET_HEADERS).commit();
  const startYear = beToCe(academicYearOf(todayInBangkok(new Date())));
  for (let i = 0; i < rows; i++) {
    const grade = schoolGrades[i % schoolGrades.length];
    const age = typicalAge(grade);
    const sex = i % 2 ? 'FEMALE' : 'MALE';
    const adult = age >= 15;
    const prefix = sex === 'MALE' ? (adult ? 'นาย' : 'ด.ช.') : adult ? 'นางสาว' : 'ด.ญ.';
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 4) + 1).padStart(2, '0');
    sheet
      .addRow([
        benchCitizenId(idBase, i),
        prefix,
        FIRST[sex][i % 8],
        LAST[i % LAST.length],
        sex === 'MALE' ? 'ชาย' : 'หญิง',
        `${day}/${month}/${startYear - age + 543}`,
        gradeLabels[grade].short,
        'ไทย',
        'พุทธ',
        `16/05/${startYear + 543}`,
        i % 10 === 0 ? 'ใช่' : 'ไม่ใช่',
        '',
        `นาย${FIRST.MALE[(i + 3) % 8]} ${LAST[i % LAST.length]}`,
        `นาง${FIRST.FEMALE[(i + 5) % 8]} ${LAST[i % LAST.length]}`,
        `${(i % 200) + 1} หมู่ ${(i % 12) + 1} ตำบลในเวียง อำเภอเมืองแพร่ จังหวัดแพร่`,
        String(15 + (age * 3 + (i % 7))),
        String(95 + age * 5 + (i % 9)),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
