import { mapColumns } from './import-columns';
import { cellDate, rowInput } from './row-input';

const HEADERS = [
  'เลขประจำตัวประชาชน',
  'คำนำหน้าชื่อ',
  'ชื่อ',
  'ชื่อสกุล',
  'เพศ',
  'วันเดือนปีเกิด (พ.ศ.)',
  'ระดับชั้น',
  'สัญชาติ',
  'ด้อยโอกาส',
  'ที่อยู่',
];
const map = mapColumns(HEADERS, 'SCHOOL');

describe('a sheet row as the pupil rules take it', () => {
  it('reads Buddhist-era dates as Thai sheets write them, and date cells whatever year they show', () => {
    expect(cellDate('15/03/2561', 'วันเกิด')).toEqual({ date: '2018-03-15' });
    expect(cellDate('๑๕ มี.ค. ๒๕๖๑', 'วันเกิด')).toEqual({ date: '2018-03-15' });
    expect(cellDate(new Date(Date.UTC(2018, 2, 15)), 'วันเกิด')).toEqual({ date: '2018-03-15' });
    // Typed 15/03/2561 into a Christian-era cell: Excel stores the year 2561.
    expect(cellDate(new Date(Date.UTC(2561, 2, 15)), 'วันเกิด')).toEqual({ date: '2018-03-15' });
    // A column formatted with Thai date codes (ว/ด/ปปปป) reads as the bare serial number.
    expect(cellDate(43174, 'วันเกิด')).toEqual({ date: '2018-03-15' });
    expect(cellDate('15/03/61', 'วันเกิด').problem).toMatch(/พ\.ศ\. 4 หลัก/);
    expect(cellDate(null, 'วันเกิด')).toEqual({ date: null });
  });

  it('keeps a 13-digit ID typed as a number whole, and puts back the leading 0 a number cell drops', () => {
    const row = (id: string | number) =>
      rowInput([id, 'ด.ช.', 'ก', 'ข', '', '1/1/2561', 'ป.1', 'ไทย'], map, 'SCHOOL');
    expect(row(1103702071811).input.citizenId).toBe('1103702071811');
    expect(row(103702071811).input.citizenId).toBe('0103702071811');
    expect(row('1.10370E+12').problems.citizenId).toMatch(/ข้อความ \(Text\)/);
  });

  it('takes the sex from the prefix when the column is blank, Thai grade labels, ใช่/ไม่ใช่, and keeps other columns as extras', () => {
    const { input, problems } = rowInput(
      ['1103702071811', 'เด็กหญิง', 'มานี', 'มีนา', null, '1/1/2561', 'ประถมศึกษาปีที่ 1', 'ไทย', 'ใช่', '12 หมู่ 3'],
      map,
      'SCHOOL',
    );
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      sex: 'FEMALE',
      grade: 'P1',
      disadvantaged: true,
      extra: { ที่อยู่: '12 หมู่ 3' },
    });
    const bad = rowInput(
      ['1103702071811', 'ด.ช.', 'ก', 'ข', 'ชย', '1/1/2561', 'ป.1', 'ไทย', 'บางที'],
      map,
      'SCHOOL',
    );
    expect(Object.keys(bad.problems).sort()).toEqual(['disadvantaged', 'sex']);
  });

  it('puts a CDC child in เด็กเล็ก when the sheet has no grade column', () => {
    const cdc = mapColumns(['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วันเกิด', 'สัญชาติ'], 'CDC');
    expect(rowInput(['1103702071811', 'ด.ช.', 'ก', 'ข', '1/1/2565', 'ไทย'], cdc, 'CDC').input.grade).toBe(
      'CDC',
    );
  });
});

describe('headers', () => {
  it('names the required headers a sheet lacks, and refuses one given twice', () => {
    expect(() => mapColumns(['ชื่อ', 'นามสกุล'], 'SCHOOL')).toThrow(
      /เลขประจำตัวประชาชน, คำนำหน้า, วันเดือนปีเกิด, ระดับชั้น, สัญชาติ/,
    );
    expect(() =>
      mapColumns(['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วันเกิด', 'สัญชาติ'], 'SCHOOL'),
    ).toThrow(/ระดับชั้น/);
    expect(() => mapColumns([...HEADERS, 'ชื่อ'], 'SCHOOL')).toThrow(/ซ้ำ.*คอลัมน์ C และ K/);
  });
});
