import ExcelJS from 'exceljs';
import {
  CERTIFICATION_TEXT,
  GRADE_WORDS,
  NAME_LIST_COLUMNS,
  NAME_LIST_TITLE,
  notANameList,
  SEX_WORDS,
  type SheetCell,
  type SheetRow,
} from './name-list.check';

/** What the header block of a blank form says. */
export interface NameListFormData {
  school: { code: string; name: string };
  lao: { code: string; name: string } | null;
  provinceName: string | null;
  /** Buddhist era, e.g. 2568. */
  academicYear: number;
}

/** Ruled rows with the drop-down lists; a school with more pupils inserts rows above the certification. */
export const XLSX_FORM_ROWS = 300;
/** The biggest upload the check reads. */
export const MAX_NAME_LIST_BYTES = 5 * 1024 * 1024;
/** What the files inside a 5 MB upload may unpack to: far above any real list, far below a zip bomb. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Far above any school's K1–P6 roll; a sheet longer than this is not a name list. */
const MAX_SHEET_ROWS = 50_000;

const WIDTHS = [8, 22, 12, 20, 22, 8, 11];
const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const list = (words: readonly string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${words.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'ข้อมูลไม่ถูกต้อง',
  error: `กรุณาเลือก ${words.join(' ')}`,
});

/**
 * The blank certified name list as an Excel workbook: a header block (title, school and code,
 * funding LAO and province, academic year, how to fill it), the table (citizen-ID column as text so
 * Excel keeps all 13 digits; grade and sex as drop-down lists), then the certification block.
 */
export async function renderNameListXlsx(d: NameListFormData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LEC';
  wb.title = `${NAME_LIST_TITLE} ${d.school.name}`;
  const ws = wb.addWorksheet('รายชื่อนักเรียน', {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const last = NAME_LIST_COLUMNS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(2).numFmt = '@';

  const line = (text: string, font: Partial<ExcelJS.Font> = { size: 12 }) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).font = { name: 'TH Sarabun New', ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    return row;
  };
  line(NAME_LIST_TITLE, { size: 16, bold: true });
  line(`สถานศึกษา ${d.school.name}  รหัส ${d.school.code}`, { size: 14, bold: true });
  line(
    [
      d.lao ? `ได้รับเงินอุดหนุนจาก ${d.lao.name} (รหัส ${d.lao.code})` : '',
      d.provinceName ? `จังหวัด${d.provinceName}` : '',
    ]
      .filter(Boolean)
      .join('  '),
  );
  line(`ปีการศึกษา ${d.academicYear}`);
  const how = line(
    `กรอกนักเรียนชั้นอนุบาล 1 ถึง ป.6 คนละหนึ่งแถว: เลขประจำตัวประชาชน 13 หลัก (ไม่มีให้กรอกรหัส G), เพศ ${SEX_WORDS.join('/')}, ` +
      `ระดับชั้น ${GRADE_WORDS[0]}–${GRADE_WORDS[GRADE_WORDS.length - 1]} ห้ามใช้สูตร ห้ามแก้หัวตาราง ` +
      `หากแถวไม่พอให้แทรกแถวเหนือส่วนรับรอง`,
    { size: 11, italic: true, color: { argb: 'FF555555' } },
  );
  how.height = 34;
  ws.addRow([]);

  const header = ws.addRow(NAME_LIST_COLUMNS.map((c) => c.header));
  header.eachCell((c) => {
    c.font = { name: 'TH Sarabun New', size: 13, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  const sexCol = NAME_LIST_COLUMNS.findIndex((c) => c.key === 'sex') + 1;
  const gradeCol = NAME_LIST_COLUMNS.findIndex((c) => c.key === 'grade') + 1;
  for (let i = 0; i < XLSX_FORM_ROWS; i++) {
    const row = ws.addRow([]);
    for (let col = 1; col <= last; col++) {
      const c = row.getCell(col);
      c.border = BORDER;
      c.font = { name: 'TH Sarabun New', size: 13 };
    }
    row.getCell(2).numFmt = '@';
    row.getCell(sexCol).dataValidation = list(SEX_WORDS);
    row.getCell(gradeCol).dataValidation = list(GRADE_WORDS);
  }

  ws.addRow([]);
  const cert = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).font = { name: 'TH Sarabun New', size: 13, bold };
    row.getCell(1).alignment = { horizontal: 'left' };
  };
  cert(`${CERTIFICATION_TEXT} รวมจำนวนนักเรียน .............. คน`, true);
  cert('');
  cert('ลงชื่อ ................................................ ผู้บริหารสถานศึกษา');
  cert('      (................................................)');
  cert('ตำแหน่ง ................................................');
  cert('วันที่ ........ เดือน ............................ พ.ศ. ............');

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The uncompressed size of every file in a zip, from its central directory; null if it is not a
 * readable zip. A zip64 archive (sizes over 4 GB) reads as Infinity.
 */
export function zipUnpackedSize(bytes: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CEN = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CEN) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

const NOT_XLSX =
  'ไฟล์ที่ส่งมาไม่ใช่ไฟล์ Excel (.xlsx) กรุณาส่งแบบรับรองรายชื่อนักเรียนที่ดาวน์โหลดจากระบบ ' +
  'ซึ่งสถานศึกษากรอกแล้ว (บันทึกเป็น "Excel Workbook (.xlsx)")';

function cellOf(v: ExcelJS.CellValue): SheetCell | 'formula' {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) return 'formula';
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text; // a hyperlink
  if ('error' in v) return String(v.error);
  return null;
}

/**
 * The rows of a filled form's first sheet. Refuses (400, Thai) a file that is not an .xlsx, unpacks
 * too big, is longer than any list, or holds a formula: the list must be the names themselves.
 */
export async function readNameListXlsx(bytes: Buffer): Promise<SheetRow[]> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notANameList(NOT_XLSX);
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw notANameList(NOT_XLSX);
  if (unpacked > MAX_UNPACKED_BYTES)
    throw notANameList('ไฟล์ Excel นี้มีข้อมูลมากเกินกว่าที่แบบรับรองรายชื่อนักเรียนจะมีได้ กรุณาตรวจสอบไฟล์');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notANameList(NOT_XLSX);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw notANameList(NOT_XLSX);
  if (ws.rowCount > MAX_SHEET_ROWS)
    throw notANameList(
      `แผ่นงานมีมากกว่า ${MAX_SHEET_ROWS.toLocaleString('en-US')} แถว ซึ่งไม่ใช่แบบรับรองรายชื่อนักเรียน`,
    );
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const c = cellOf(cell.value);
      if (c === 'formula')
        throw notANameList(
          `เซลล์ ${cell.address} มีสูตร (formula) แบบรับรองรายชื่อนักเรียนต้องกรอกเป็นข้อมูล ไม่ใช้สูตร ` +
            'กรุณาคัดลอกแล้ววางแบบค่า (Paste Values) แล้วส่งใหม่',
        );
      cells[col - 1] = c;
    });
    rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}
