import fs from 'node:fs';
import path from 'node:path';
import { MAX_ROWS, parseCsv, parseOrgUnitCsv, type OrgUnitCsvRow } from './org-unit-csv';

const EN = 'code,name,kind,parent_code,district,lao_type';
const TH = 'รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,รหัสหน่วยงานต้นสังกัด,อำเภอ,ประเภท อปท.';

function rowsOf(text: string | Uint8Array): OrgUnitCsvRow[] {
  const r = parseOrgUnitCsv(text);
  if (!r.ok) throw new Error(r.fileErrors.join('\n'));
  return r.rows;
}
function fileErrorsOf(text: string | Uint8Array): string {
  const r = parseOrgUnitCsv(text);
  if (r.ok) throw new Error('expected a file-level error');
  return r.fileErrors.join('\n');
}

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'], badQuote: null },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'], badQuote: null },
      { line: 4, cells: ['last', '', ''], badQuote: null },
    ]);
  });

  it('skips blank lines but keeps counting them, and reads a last line without a newline', () => {
    expect(parseCsv('a\n\n,,\nb')).toEqual([
      { line: 1, cells: ['a'], badQuote: null },
      { line: 4, cells: ['b'], badQuote: null },
    ]);
  });

  it('takes a stray quote inside an unquoted field literally, and flags text after a closing quote', () => {
    expect(parseCsv('ab"c,"x" ,"y"z')).toEqual([{ line: 1, cells: ['ab"c', 'x', 'yz'], badQuote: 2 }]);
  });

  it('refuses an unclosed quote, naming the line it starts on', () => {
    expect(parseCsv('a\n"open,\nb\n')).toMatch(/บรรทัด 2/);
  });
});

describe('parseOrgUnitCsv', () => {
  it('maps English headers in any order, trims cells and turns empty optional cells into null', () => {
    const rows = rowsOf(
      `kind,code,name,parent_code,lao_type,district\n LAO , 5400401 ,  องค์การบริหารส่วนตำบลนาจักร ,54,SAO,เมืองแพร่\nCDC,540040101,ศูนย์พัฒนาเด็กเล็กบ้านนาจักร,5400401,,`,
    );
    expect(rows).toEqual([
      {
        line: 2,
        code: '5400401',
        name: 'องค์การบริหารส่วนตำบลนาจักร',
        kind: 'LAO',
        parentCode: '54',
        district: 'เมืองแพร่',
        laoType: 'SAO',
        ministryCode: undefined, // no such column: the importer keeps what is recorded
        problems: {},
      },
      expect.objectContaining({ line: 3, kind: 'CDC', district: null, laoType: null }),
    ]);
  });

  it('reads Thai headers, Thai kinds and LAO types, a UTF-8 BOM and a quoted name with a comma', () => {
    const csv = `\uFEFF${TH},รหัสสถานศึกษา (กระทรวงศึกษาธิการ)\r\n5400301,เทศบาลตำบลสูงเม่น,อปท.,54,สูงเม่น,เทศบาลตำบล,\r\n540030102,"โรงเรียนวัดสูงเม่น (สพป., แพร่ เขต 1)",สถานศึกษาสังกัดอื่น,5400301,,,1054360201\r\n`;
    const rows = rowsOf(new TextEncoder().encode(csv));
    expect(rows.map((r) => [r.code, r.kind, r.laoType, r.ministryCode])).toEqual([
      ['5400301', 'LAO', 'SUBDISTRICT_MUNICIPALITY', null],
      ['540030102', 'OTHER_SCHOOL', null, '1054360201'],
    ]);
    expect(rows[1].name).toBe('โรงเรียนวัดสูงเม่น (สพป., แพร่ เขต 1)');
  });

  it.each([
    ['โรงเรียน', 'SCHOOL'],
    ['ศพด.', 'CDC'],
    ['ศูนย์พัฒนาเด็กเล็ก', 'CDC'],
    ['school', 'SCHOOL'],
    ['other_school', 'OTHER_SCHOOL'],
    ['จังหวัด', 'PROVINCE'],
    ['โรงเรียนเอกชน', 'โรงเรียนเอกชน'],
  ])('maps the kind %s to %s (unknown values are kept for the error report)', (cell, kind) => {
    expect(rowsOf(`${EN}\nX01,ชื่อ,${cell},54,,`)[0].kind).toBe(kind);
  });

  it.each([
    ['อบจ.', 'PAO'],
    ['เทศบาลนคร', 'CITY_MUNICIPALITY'],
    ['เทศบาลเมือง', 'TOWN_MUNICIPALITY'],
    ['อบต', 'SAO'],
    ['sao', 'SAO'],
    ['เทศบาล', 'เทศบาล'],
  ])('maps the LAO type %s to %s', (cell, type) => {
    expect(rowsOf(`${EN}\nX01,ชื่อ,LAO,54,เมืองแพร่,${cell}`)[0].laoType).toBe(type);
  });

  it('matches a header typed with ํ + า for ำ and with extra spaces', () => {
    expect(
      rowsOf(`code,name,kind,parent_code,  อ\u0e4d\u0e32เภอ ,lao_type\nX01,ชื่อ,LAO,54,สอง,อบต.`)[0].district,
    ).toBe('สอง');
  });

  it('collapses line breaks and double spaces inside a cell', () => {
    expect(rowsOf(`${EN}\nX01,"โรงเรียนเทศบาล 1\n(วัดพระบาท)",SCHOOL,5400201,,`)[0].name).toBe(
      'โรงเรียนเทศบาล 1 (วัดพระบาท)',
    );
  });

  it('reports cells beyond the header and text after a closing quote as problems of the row', () => {
    const [extra, quote] = rowsOf(
      `${EN}\nX01,ศูนย์พัฒนาเด็กเล็กบ้านนาจักร, หมู่ 5,CDC,5400401,,\nX02,"ชื่อ"ผิด,CDC,5400401,,`,
    );
    expect(extra.problems.row).toMatch(/เกินคอลัมน์/);
    expect(quote.problems.name).toMatch(/เครื่องหมายคำพูด/);
  });

  it('ignores empty header columns and trailing empty cells that Excel adds', () => {
    expect(rowsOf(`${EN},,\nX01,ชื่อ,CDC,5400401,,,,`)[0].problems).toEqual({});
  });

  it('names the missing required columns in Thai', () => {
    expect(fileErrorsOf('code,name,kind\nX01,ชื่อ,LAO')).toMatch(
      /ไม่พบคอลัมน์ที่จำเป็น: รหัสหน่วยงานต้นสังกัด \(parent_code\), อำเภอ \(district\), ประเภท อปท\. \(lao_type\)/,
    );
  });

  it('refuses unknown or duplicated columns, as a sign of the wrong file', () => {
    expect(fileErrorsOf(`${EN},เลขประจำตัวประชาชน\n`)).toMatch(/คอลัมน์ที่ไม่รู้จัก: "เลขประจำตัวประชาชน"/);
    expect(fileErrorsOf(`${EN},รหัสหน่วยงาน\n`)).toMatch(/คอลัมน์ซ้ำกัน: "รหัสหน่วยงาน"/);
    expect(fileErrorsOf(`${EN.replace(/,/g, ';')}\n`)).toMatch(/จุลภาค/);
  });

  it('refuses an empty file, a header without rows, and more rows than allowed', () => {
    expect(fileErrorsOf('')).toMatch(/ไฟล์ว่าง/);
    expect(fileErrorsOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]))).toMatch(/ไฟล์ว่าง/);
    expect(fileErrorsOf(`${EN}\n`)).toMatch(/ไม่มีข้อมูลหน่วยงาน/);
    const big = `${EN}\n${'X01,ชื่อ,CDC,5400401,,\n'.repeat(MAX_ROWS + 1)}`;
    expect(fileErrorsOf(big)).toMatch(/เกิน 200,000 แถว/);
    expect(rowsOf(`${EN}\n${'X01,ชื่อ,CDC,5400401,,\n'.repeat(MAX_ROWS)}`)).toHaveLength(MAX_ROWS);
  });

  it('refuses files that are not UTF-8 text: TIS-620, UTF-16, Excel, binary', () => {
    const tis620 = new Uint8Array([...Buffer.from(`${EN}\n`), 0xc3, 0xcb, 0xd1, 0xca]); // "รหัส"
    expect(fileErrorsOf(tis620)).toMatch(/UTF-8/);
    expect(fileErrorsOf(new Uint8Array([0xff, 0xfe, 0x63, 0x00]))).toMatch(/UTF-16/);
    expect(fileErrorsOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatch(/Excel/);
    expect(fileErrorsOf(new Uint8Array([0x63, 0x6f, 0x00, 0x01, 0x02]))).toMatch(/ไม่ใช่ไฟล์ข้อความ/);
  });

  it('parses the sample file cleanly', () => {
    const rows = rowsOf(fs.readFileSync(path.join(__dirname, '../../../docs/samples/org-units.csv')));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => Object.keys(r.problems).length === 0)).toBe(true);
  });
});
