import { drawTable, type TableColumn } from '../../shared/pdf/pdf-table';
import {
  centred,
  continuationPage,
  signatureBlock,
  titleBlock,
  type ReportFrame,
} from '../../shared/pdf/report-parts';
import {
  A4,
  createThaiDocument,
  dots,
  fitLines,
  forEachPage,
  MUTED,
  put,
  type Doc,
} from '../../shared/pdf/thai-pdf';
import { GRADE_WORDS, NAME_LIST_COLUMNS, NAME_LIST_TITLE, CERTIFICATION_TEXT } from './name-list.check';
import type { NameListFormData } from './name-list-form.xlsx';
import { gradeLabels } from '../pupils/rules/grades';
import { otherSchoolGrades } from './other-school-counts.rules';

/** Empty ruled rows of the printed form; a school with more pupils copies the last page. */
export const PDF_FORM_ROWS = 60;

const PAGE_W = A4.width; // portrait
const PAGE_H = A4.height;
const MARGIN_X = 40;
const TOP = 36;
const TABLE_BOTTOM = PAGE_H - 48;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const FRAME: ReportFrame = { x: MARGIN_X, width: CONTENT_W };

const WIDTHS: Record<(typeof NAME_LIST_COLUMNS)[number]['key'], number> = {
  no: 36,
  citizenId: 118,
  prefix: 56,
  firstName: 0, // the rest, shared with lastName
  lastName: 0,
  sex: 40,
  grade: 52,
};

function columns(): TableColumn[] {
  const fixed = Object.values(WIDTHS).reduce((a, b) => a + b, 0);
  const name = (CONTENT_W - fixed) / 2;
  return NAME_LIST_COLUMNS.map((c) => ({
    header: c.header,
    width: WIDTHS[c.key] || name,
    align: c.key === 'firstName' || c.key === 'lastName' ? 'left' : 'center',
  }));
}

function header(doc: Doc, d: NameListFormData): number {
  let y = titleBlock(doc, FRAME, TOP, NAME_LIST_TITLE, d.school);
  const lao = [d.lao && `ได้รับเงินอุดหนุนจาก ${d.lao.name}`, d.provinceName && `จังหวัด${d.provinceName}`]
    .filter(Boolean)
    .join('  ');
  if (lao) {
    centred(doc, FRAME, lao, y, 'regular', 12);
    y += 20;
  }
  centred(doc, FRAME, `ปีการศึกษา ${d.academicYear}`, y, 'regular', 12);
  y += 22;
  const how = fitLines(
    doc,
    `กรอกนักเรียนชั้น${gradeLabels.K1.full} ถึง ${gradeLabels.P6.short} คนละหนึ่งบรรทัด: เลขประจำตัวประชาชน 13 หลัก ` +
      `(ไม่มีให้กรอกรหัส G) เพศ ชาย/หญิง ระดับชั้น ${GRADE_WORDS.join(' ')} หากบรรทัดไม่พอให้ถ่ายสำเนาหน้าสุดท้ายของตาราง`,
    'regular',
    CONTENT_W,
    2,
    [10.5, 10, 9.5],
  );
  how.lines.forEach((l, i) => put(doc, l, MARGIN_X, y + i * how.size * 1.38, 'regular', how.size, MUTED));
  return y + how.lines.length * how.size * 1.38 + 8;
}

function continuation(doc: Doc, d: NameListFormData): number {
  continuationPage(doc, FRAME, TOP - 10, `${NAME_LIST_TITLE} · ${d.school.name} (รหัส ${d.school.code})`, 50);
  return TOP + 10;
}

/** The per-grade totals the head certifies (blank), then the certification and the head's signature. */
const CLOSING_H = 250;

function closing(doc: Doc, d: NameListFormData, top: number): void {
  let y = top + 14;
  if (y + CLOSING_H > TABLE_BOTTOM) y = continuation(doc, d) + 4;
  put(doc, 'สรุปจำนวนนักเรียน', MARGIN_X, y, 'bold', 12);
  y += 20;
  const gradeW = (CONTENT_W - 70) / otherSchoolGrades.length;
  y = drawTable(doc, {
    columns: [
      { header: 'เพศ', width: 70, align: 'center' },
      ...otherSchoolGrades.map((g) => ({
        header: gradeLabels[g].short,
        width: gradeW,
        align: 'center' as const,
      })),
    ],
    rows: [['ชาย'], ['หญิง'], ['รวม']],
    x: MARGIN_X,
    y,
    bottom: TABLE_BOTTOM,
    newPage: () => continuation(doc, d),
    fontSize: 11,
    paddingY: 4,
    headerFill: '#e6e6e6',
  });
  y += 18;
  put(
    doc,
    `${CERTIFICATION_TEXT} รวมจำนวนนักเรียนทั้งสิ้น ${dots(doc, 50, 'regular', 12)} คน`,
    MARGIN_X + 30,
    y,
    'regular',
    12,
  );
  y += 40;
  const blockW = 300;
  signatureBlock(doc, {
    x: MARGIN_X + CONTENT_W - blockW,
    y,
    width: blockW,
    role: 'ผู้บริหารสถานศึกษา',
    dotsWidth: 160,
    withPosition: true,
  });
}

/**
 * The blank certified name list as a printable A4 form: heading (school and code, funding LAO,
 * province, academic year, how to fill it), {@link PDF_FORM_ROWS} empty ruled rows numbered in the
 * ลำดับ column (the header row repeated on every page), a blank per-grade summary, the certification
 * and the head's signature. Pages numbered "หน้า x/y".
 */
export async function renderNameListPdf(d: NameListFormData): Promise<Buffer> {
  const { doc, done } = createThaiDocument({
    layout: 'portrait',
    title: `${NAME_LIST_TITLE} — ${d.school.name}`,
    subject:
      'Local Education Center information system: certified name list of a school of another affiliation',
    bufferPages: true,
  });
  doc.addPage();
  const y = drawTable(doc, {
    columns: columns(),
    rows: Array.from({ length: PDF_FORM_ROWS }, (_, i) => [String(i + 1)]),
    x: MARGIN_X,
    y: header(doc, d),
    bottom: TABLE_BOTTOM,
    newPage: () => continuation(doc, d),
    fontSize: 12,
    headerFontSize: 11,
    paddingY: 5,
    headerFill: '#e6e6e6',
  });
  closing(doc, d, y);
  forEachPage(doc, (page, pages) =>
    put(
      doc,
      `${d.school.name} (รหัส ${d.school.code})  หน้า ${page}/${pages}`,
      MARGIN_X,
      PAGE_H - 30,
      'regular',
      9,
      MUTED,
      {
        width: CONTENT_W,
        align: 'right',
      },
    ),
  );
  doc.end();
  return done;
}
