import { sniffFile } from './file-kind';
import { csvOf } from '../../shared/table-file';
import { readCsvRows } from './read-csv';

describe('what an upload is, from its bytes', () => {
  it('takes a zip as an .xlsx and UTF-8 or Windows Thai text as a CSV', () => {
    expect(sniffFile(Buffer.from('PK\x03\x04rest')).kind).toBe('xlsx');
    expect(sniffFile(Buffer.from('\uFEFFชื่อ,นามสกุล\r\n', 'utf8'))).toEqual({
      kind: 'csv',
      text: 'ชื่อ,นามสกุล\r\n',
    });
    expect(sniffFile(Buffer.from([0xaa, 0xd7, 0xe8, 0xcd]))).toEqual({ kind: 'csv', text: 'ชื่อ' });
  });

  it('names what a wrong file is', () => {
    expect(() => sniffFile(Buffer.from('%PDF-1.7'))).toThrow(/PDF/);
    expect(() => sniffFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toThrow(/PNG/);
    expect(() => sniffFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/\.xls/);
    expect(() => sniffFile(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toThrow(/ไม่ใช่ไฟล์ตารางข้อมูล/);
    expect(() => sniffFile(Buffer.alloc(0))).toThrow(/ว่างเปล่า/);
  });
});

describe('CSV out and back in', () => {
  it('quotes what needs it and keeps a cell Excel would run as a formula as text, both ways', async () => {
    const csv = csvOf({ headers: ['ชื่อ', 'ที่อยู่'], rows: [['=1+1', '12, หมู่ 3 "บ้านใหม่"']] });
    const text = csv.toString('utf8');
    expect(text).toBe('\uFEFFชื่อ,ที่อยู่\r\n\'=1+1,"12, หมู่ 3 ""บ้านใหม่"""\r\n');
    const file = sniffFile(csv);
    if (file.kind !== 'csv') throw new Error('read as a CSV');
    const rows = await readCsvRows(file.text);
    expect(rows.map((r) => r.cells)).toEqual([
      ['ชื่อ', 'ที่อยู่'],
      ['=1+1', '12, หมู่ 3 "บ้านใหม่"'],
    ]);
  });
});
