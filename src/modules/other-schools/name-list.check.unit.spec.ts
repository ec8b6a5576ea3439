import { citizenIdCheckDigit } from '../pupils/rules/citizen-id';
import { zipUnpackedSize } from './name-list-form.xlsx';
import {
  checkNameList,
  compareCounts,
  countByGrade,
  findDuplicates,
  findHeaderRow,
  NAME_LIST_COLUMNS,
  parseNameListRows,
  summarize,
  type SheetRow,
} from './name-list.check';
import { otherSchoolGrades } from './other-school-counts.rules';

const id = (n: number) => {
  const first12 = `1${String(n).padStart(11, '0')}`;
  return first12 + citizenIdCheckDigit(first12);
};
const HEADERS = NAME_LIST_COLUMNS.map((c) => c.header);

/** A filled form as a sheet reader gives it: a header block, the table header, the rows. */
function sheet(rows: (string | number | null)[][], headerAt = 7): SheetRow[] {
  const block: SheetRow[] = [
    { row: 1, cells: ['แบบรับรองรายชื่อนักเรียน'] },
    { row: 2, cells: ['สถานศึกษา โรงเรียนวัดทดสอบ รหัส 1234567890'] },
    { row: 5, cells: ['กรอกเลขประจำตัวประชาชน 13 หลัก เพศ ระดับชั้น'] },
  ];
  return [
    ...block,
    { row: headerAt, cells: HEADERS },
    ...rows.map((cells, i) => ({ row: headerAt + 1 + i, cells })),
  ];
}

describe('name list: reading the filled form', () => {
  it('finds the header row by its Thai headers, ignoring the header block, in any column order', () => {
    expect(findHeaderRow(sheet([]))).toEqual({
      index: 3,
      columns: { no: 0, citizenId: 1, prefix: 2, firstName: 3, lastName: 4, sex: 5, grade: 6 },
    });
    const moved = [{ row: 3, cells: [null, 'ระดับชั้น', 'ชื่อ', ' นามสกุล ', 'เพศ', 'เลขประจำตัวประชาชน'] }];
    expect(findHeaderRow(moved)?.columns).toEqual({
      grade: 1,
      firstName: 2,
      lastName: 3,
      sex: 4,
      citizenId: 5,
    });
    expect(findHeaderRow([{ row: 1, cells: ['ชื่อ', 'นามสกุล'] }])).toBeNull();
  });

  it('reads valid rows (13 digits as a number cell or grouped, Thai numerals and grade words), skips blank and numbered-only rows, stops at the certification', () => {
    const rows = sheet([
      [1, id(1), 'ด.ช.', 'ธนากร', 'ใจงาม', 'ชาย', 'อ.1'],
      [2, Number(id(2)), 'ด.ญ.', 'กานดา', 'ใจดี', 'หญิง', 'ป.๓'],
      [3, null, null, null, null, null, null],
      [
        4,
        `${id(3).slice(0, 1)}-${id(3).slice(1, 5)}-${id(3).slice(5, 10)}-${id(3).slice(10, 12)}-${id(3)[12]}`,
        'เด็กชาย',
        'สมชาย',
        'มีสุข',
        null,
        'ประถมศึกษาปีที่ 6',
      ],
      ['ขอรับรองว่ารายชื่อข้างต้นถูกต้อง รวมจำนวนนักเรียน 3 คน'],
      [null, id(4), 'ด.ช.', 'ต่อท้าย', 'ไม่นับ', 'ชาย', 'ป.1'],
    ]);
    const parsed = parseNameListRows(rows, findHeaderRow(rows)!);
    expect(parsed.invalidRows).toEqual([]);
    expect(parsed.rows).toBe(3);
    expect(parsed.pupils).toEqual([
      { row: 8, citizenId: id(1), sex: 'MALE', grade: 'K1' },
      { row: 9, citizenId: id(2), sex: 'FEMALE', grade: 'P3' },
      // No sex given: the prefix states it.
      { row: 11, citizenId: id(3), sex: 'MALE', grade: 'P6' },
    ]);
  });

  it('reports each bad field by sheet row, and does not count the row', () => {
    const rows = sheet([
      [1, '1234567890123', 'ด.ช.', 'ธนากร', 'ใจงาม', 'ชาย', 'ป.1'],
      [2, id(5), 'ด.ญ.', '', 'ใจดี', 'ชาย', 'ม.1'],
      [3, id(6), 'ด.ช.', 'สมชาย', 'มีสุข', 'อื่นๆ', 'ป.2'],
      [4, id(7), 'นาย', 'สมศักดิ์', 'ดีมาก', null, 'ป.2'],
    ]);
    const parsed = parseNameListRows(rows, findHeaderRow(rows)!);
    expect(parsed.rows).toBe(4);
    expect(parsed.pupils).toEqual([{ row: 11, citizenId: id(7), sex: 'MALE', grade: 'P2' }]);
    expect(parsed.invalidRows.map((r) => [r.row, r.field])).toEqual([
      [8, 'citizenId'],
      [9, 'firstName'],
      [9, 'sex'],
      [9, 'grade'],
      [10, 'sex'],
    ]);
    expect(parsed.invalidRows[0].message).toContain('เลขตรวจสอบ');
    expect(parsed.invalidRows[2].message).toContain('ไม่ตรงกับคำนำหน้า');
    expect(parsed.invalidRows[3].message).toContain('อ.1 ถึง ป.6');
  });
});

describe('name list: counting and comparing', () => {
  const pupil = (row: number, n: number, grade: 'K1' | 'P1', sex: 'MALE' | 'FEMALE' = 'MALE') => ({
    row,
    citizenId: id(n),
    grade,
    sex,
  });

  it('counts a pupil listed twice once, and reports the masked ID with both rows', () => {
    const { unique, duplicates } = findDuplicates([pupil(8, 1, 'K1'), pupil(9, 2, 'P1'), pupil(12, 1, 'K1')]);
    expect(unique.map((p) => p.row)).toEqual([8, 9]);
    expect(duplicates).toEqual([{ citizenId: expect.stringMatching(/^1-xxxx-xxxx/), rows: [8, 12] }]);
    expect(duplicates[0].citizenId).not.toContain(id(1).slice(1, 9));
  });

  it('counts every grade K1–P6 by sex, 0 where none', () => {
    const counts = countByGrade([
      pupil(8, 1, 'K1'),
      pupil(9, 2, 'P1', 'FEMALE'),
      pupil(10, 3, 'P1', 'FEMALE'),
    ]);
    expect(counts.map((c) => c.grade)).toEqual([...otherSchoolGrades]);
    expect(counts[0]).toEqual({ grade: 'K1', male: 1, female: 0 });
    expect(counts[3]).toEqual({ grade: 'P1', male: 0, female: 2 });
    expect(counts[8]).toEqual({ grade: 'P6', male: 0, female: 0 });
  });

  it('lists every grade and sex that differs; nothing to compare when nothing is recorded', () => {
    const list = countByGrade([pupil(8, 1, 'K1'), pupil(9, 2, 'P1', 'FEMALE')]);
    const recorded = countByGrade([pupil(8, 1, 'K1'), pupil(9, 2, 'P1', 'MALE')]);
    expect(compareCounts(list, recorded)).toEqual([
      { grade: 'P1', sex: 'male', list: 0, recorded: 1 },
      { grade: 'P1', sex: 'female', list: 1, recorded: 0 },
    ]);
    expect(compareCounts(list, list)).toEqual([]);
    expect(compareCounts(list, null)).toEqual([]);
  });

  it('checks a whole sheet: counts, differences and a Thai summary', () => {
    const rows = sheet([
      [1, id(1), 'ด.ช.', 'ธนากร', 'ใจงาม', 'ชาย', 'อ.1'],
      [2, id(2), 'ด.ญ.', 'กานดา', 'ใจดี', 'หญิง', 'อ.1'],
      [3, id(2), 'ด.ญ.', 'กานดา', 'ใจดี', 'หญิง', 'อ.1'],
      [4, 'abc', 'ด.ช.', 'สมชาย', 'มีสุข', 'ชาย', 'ป.1'],
    ]);
    const recorded = otherSchoolGrades.map((grade) => ({
      grade,
      male: grade === 'K1' ? 2 : 0,
      female: grade === 'K1' ? 1 : 0,
    }));
    const check = checkNameList(rows, recorded);
    expect(check.rows).toBe(4);
    expect(check.countsFromList[0]).toEqual({ grade: 'K1', male: 1, female: 1 });
    expect(check.duplicates).toHaveLength(1);
    expect(check.invalidRows).toEqual([{ row: 11, field: 'citizenId', message: expect.any(String) }]);
    expect(check.differences).toEqual([{ grade: 'K1', sex: 'male', list: 1, recorded: 2 }]);
    expect(check.message).toContain('อ.1 ชาย ตามรายชื่อ 1 บันทึกไว้ 2');
    expect(check.message).toContain('แถวที่ 11');
    expect(checkNameList(rows, null).message).toContain('ยังไม่ได้บันทึก');
    expect(summarize({ ...check, invalidRows: [], duplicates: [], differences: [] })).toContain(
      'ตรงกับจำนวนที่บันทึกไว้ทุกชั้น',
    );
  });

  it('refuses a sheet without the header row with a 400 in Thai', () => {
    expect(() => checkNameList([{ row: 1, cells: ['ชื่อ', 'คะแนน'] }], null)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('ไม่พบหัวตาราง') }),
    );
  });
});

describe('zipUnpackedSize', () => {
  it('is null for what is not a zip', () => {
    expect(zipUnpackedSize(Buffer.from('ลำดับ,ชื่อ\n1,ก'))).toBeNull();
  });
});
