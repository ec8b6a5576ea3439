import { drawTable, type TableCell, type TableColumn } from '../../shared/pdf/pdf-table';
import {
  centred,
  countAndPrintedLine,
  placeLine,
  printedFooter,
  signatureBlock,
  titleBlock,
  type ReportFrame,
} from '../../shared/pdf/report-parts';
import {
  A4,
  createThaiDocument,
  fitLines,
  forEachPage,
  INK,
  MUTED,
  put,
  thaiDate,
  thaiDigits,
  type Doc,
} from '../../shared/pdf/thai-pdf';
import type { LaoType } from '../chain/org-unit-kind';
import { gradeLabels, grades, type Grade } from '../pupils/rules/grades';

export interface SummaryCount {
  grade: Grade;
  male: number;
  female: number;
}

export interface LaoSummaryInstitution {
  code: string;
  name: string;
  /** When its confirmation in force was made; null: not confirmed in the round (not counted). */
  confirmedAt: Date | null;
  counts: readonly SummaryCount[];
}

export interface LaoSummaryData {
  lao: { code: string; name: string; laoType: LaoType | null };
  district: string | null;
  provinceName: string | null;
  round: { academicYear: number; roundNo: number; snapshotDate: string };
  printedAt: Date;
  responsible: { name: string; position: string } | null;
  institutions: readonly LaoSummaryInstitution[];
  /** Funded schools of another affiliation, as the LAO's confirmation in force froze their counts. */
  fundedSchools: readonly (LaoSummaryInstitution & { total: number | null })[];
}

/** Who heads each kind of LAO, as the signature line names them. */
export const laoHeadTitle: Record<LaoType, string> = {
  PAO: 'นายกองค์การบริหารส่วนจังหวัด',
  CITY_MUNICIPALITY: 'นายกเทศมนตรี',
  TOWN_MUNICIPALITY: 'นายกเทศมนตรี',
  SUBDISTRICT_MUNICIPALITY: 'นายกเทศมนตรี',
  SAO: 'นายกองค์การบริหารส่วนตำบล',
};

export const LAO_SUMMARY_TITLE = 'แบบสรุปจำนวนนักเรียนและเด็กเล็กที่ยืนยันข้อมูลแล้ว';

const PAGE_W = A4.height; // landscape
const PAGE_H = A4.width;
const MARGIN_X = 30;
const TOP = 28;
const TABLE_BOTTOM = PAGE_H - 40;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const FRAME: ReportFrame = { x: MARGIN_X, width: CONTENT_W };

function header(doc: Doc, d: LaoSummaryData, counted: number): number {
  let y = titleBlock(doc, FRAME, TOP, LAO_SUMMARY_TITLE, d.lao, { titleSize: 17, titleGap: 26, unitGap: 20 });
  const place = placeLine({ laoName: null, district: d.district, provinceName: d.provinceName });
  if (place) {
    centred(doc, FRAME, place, y, 'regular', 12);
    y += 19;
  }
  // A document for signature: its date line in Thai numerals, as the department's letters write it.
  centred(
    doc,
    FRAME,
    thaiDigits(
      `การบันทึกข้อมูล ครั้งที่ ${d.round.roundNo} ประจำปีการศึกษา ${d.round.academicYear} ข้อมูล ณ วันที่ ${thaiDate(d.round.snapshotDate)}`,
    ),
    y,
    'regular',
    12,
  );
  y += 21;
  countAndPrintedLine(
    doc,
    FRAME,
    y,
    `สถานศึกษาที่ยืนยันข้อมูลแล้ว ${counted} แห่ง จากทั้งหมด ${d.institutions.length} แห่ง`,
    d.printedAt,
  );
  return y + 20;
}

function continuation(doc: Doc, d: LaoSummaryData): number {
  doc.addPage();
  put(
    doc,
    `${LAO_SUMMARY_TITLE} · ${d.lao.name} (รหัส ${d.lao.code})`,
    MARGIN_X,
    TOP - 8,
    'regular',
    9,
    MUTED,
  );
  put(doc, '(ต่อ)', MARGIN_X, TOP - 8, 'regular', 9, MUTED, { width: CONTENT_W, align: 'right' });
  return TOP + 12;
}

/** The grades that any counted institution has, in grade order: the table's columns. */
export function gradesPresent(institutions: readonly LaoSummaryInstitution[]): Grade[] {
  const seen = new Set<Grade>();
  for (const i of institutions)
    if (i.confirmedAt) for (const c of i.counts) if (c.male + c.female > 0) seen.add(c.grade);
  return grades.filter((g) => seen.has(g));
}

function rowsOf(label: TableCell, cols: Grade[], counts: readonly SummaryCount[], no: string): TableCell[][] {
  const by = new Map(counts.map((c) => [c.grade, c]));
  const line = (pick: (c: SummaryCount) => number) => {
    const values = cols.map((g) => (by.has(g) ? pick(by.get(g)!) : 0));
    return [String(values.reduce((a, b) => a + b, 0)), ...values.map(String)];
  };
  const male = line((c) => c.male);
  const female = line((c) => c.female);
  const both = line((c) => c.male + c.female);
  const bold = (s: string): TableCell => [{ text: s, font: 'bold' }];
  return [
    [no, label, 'ชาย', ...male.slice(1), male[0]],
    ['', '', 'หญิง', ...female.slice(1), female[0]],
    ['', '', bold('รวม'), ...both.slice(1).map(bold), bold(both[0])],
  ];
}

function signatures(doc: Doc, d: LaoSummaryData, top: number): void {
  let y = top + 16;
  if (y + 140 > TABLE_BOTTOM) y = continuation(doc, d) + 8;
  put(
    doc,
    'ขอรับรองว่าจำนวนนักเรียนและเด็กเล็กข้างต้นเป็นข้อมูลที่สถานศึกษาในสังกัดยืนยันในระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC) ถูกต้องตามความเป็นจริง',
    MARGIN_X + 30,
    y,
    'regular',
    12,
  );
  y += 40;
  const blockW = CONTENT_W / 2 - 20;
  const block = (cx: number, role: string, person: { name: string; position: string } | null) =>
    signatureBlock(doc, {
      x: cx - blockW / 2,
      y,
      width: blockW,
      role,
      person,
      dotsWidth: 170,
      withPosition: true,
    });
  block(MARGIN_X + CONTENT_W * 0.25, 'ผู้รับผิดชอบ', d.responsible);
  block(MARGIN_X + CONTENT_W * 0.75, d.lao.laoType ? laoHeadTitle[d.lao.laoType] : 'ผู้บริหารท้องถิ่น', null);
}

/** A short paragraph under a table, shrunk to fit three lines. */
function note(doc: Doc, text: string, top: number): number {
  let y = top + 10;
  const fit = fitLines(doc, text, 'regular', CONTENT_W, 3, [11, 10, 9]);
  for (const l of fit.lines) {
    put(doc, l, MARGIN_X, y, 'regular', fit.size, INK);
    y += fit.size * 1.38;
  }
  return y;
}

/** One table of confirmed units by grade and sex (male, female, both), with its total row. */
function section(
  doc: Doc,
  d: LaoSummaryData,
  units: readonly LaoSummaryInstitution[],
  top: number,
  totalLabel: string,
): number {
  const counted = units.filter((i) => i.confirmedAt);
  const cols = gradesPresent(units);
  const gradeW = cols.length ? Math.min(48, (CONTENT_W - 36 - 170 - 34 - 48) / cols.length) : 0;
  const columns: TableColumn[] = [
    { header: 'ลำดับ', width: 36, align: 'center' },
    // The institution's name takes what the grade columns leave.
    { header: 'สถานศึกษา', width: CONTENT_W - 36 - 34 - 48 - gradeW * cols.length },
    { header: 'เพศ', width: 34, align: 'center' },
    ...cols.map((g) => ({ header: gradeLabels[g].short, width: gradeW, align: 'center' as const })),
    { header: 'รวม', width: 48, align: 'center' },
  ];
  const total = new Map<Grade, SummaryCount>();
  for (const i of counted)
    for (const c of i.counts) {
      const t = total.get(c.grade) ?? { grade: c.grade, male: 0, female: 0 };
      t.male += c.male;
      t.female += c.female;
      total.set(c.grade, t);
    }
  const rows = counted.flatMap((i, n) =>
    rowsOf(
      [
        { text: i.name },
        { text: `รหัส ${i.code} ยืนยัน ${thaiDate(i.confirmedAt!, { short: true })}`, color: MUTED },
      ],
      cols,
      i.counts,
      String(n + 1),
    ),
  );
  rows.push(...rowsOf([{ text: totalLabel, font: 'bold' }], cols, [...total.values()], ''));
  return drawTable(doc, {
    columns,
    rows,
    x: MARGIN_X,
    y: top,
    bottom: TABLE_BOTTOM,
    newPage: () => continuation(doc, d),
    fontSize: 10,
    paddingY: 2,
    headerFill: '#e6e6e6',
  });
}

/**
 * An LAO's summary for signature: its institutions' confirmed totals in the round, by grade and
 * sex (a row each for male, female and both), the LAO's total, the institutions not yet confirmed
 * (not counted), the funded schools' counts as the LAO confirmed them, then the certification and signature lines for the responsible person and the
 * head of the LAO. A4 landscape; pages numbered.
 */
export async function renderLaoSummary(d: LaoSummaryData): Promise<Buffer> {
  const { doc, done } = createThaiDocument({
    layout: 'landscape',
    title: `${LAO_SUMMARY_TITLE} — ${d.lao.name}`,
    subject: 'Local Education Center information system: confirmed totals of an LAO for signature',
    bufferPages: true,
  });
  doc.addPage();
  const counted = d.institutions.filter((i) => i.confirmedAt);
  let y = section(doc, d, d.institutions, header(doc, d, counted.length), `รวมทั้ง ${d.lao.name}`);
  const pending = d.institutions.filter((i) => !i.confirmedAt);
  if (pending.length)
    y = note(
      doc,
      `สถานศึกษาที่ยังไม่ยืนยันข้อมูล (ไม่นับรวม): ${pending.map((i) => `${i.name} (${i.code})`).join(', ')}`,
      y,
    );
  if (d.fundedSchools.length) {
    if (y + 80 > TABLE_BOTTOM) y = continuation(doc, d);
    y += 14;
    const confirmed = d.fundedSchools.filter((f) => f.confirmedAt);
    put(doc, `สถานศึกษาสังกัดอื่นที่ ${d.lao.name} อุดหนุน (จำนวนตามที่ อปท. ยืนยัน)`, MARGIN_X, y, 'bold', 13);
    y += 20;
    y = section(doc, d, d.fundedSchools, y, 'รวมสถานศึกษาสังกัดอื่น');
    // Confirmed before the parts carried their counts: only the total is known by school.
    const totalsOnly = confirmed.filter((f) => !f.counts.length && (f.total ?? 0) > 0);
    if (totalsOnly.length)
      y = note(doc, `จำนวนรวม (ไม่มีรายชั้น): ${totalsOnly.map((f) => `${f.name} ${f.total} คน`).join(', ')}`, y);
    if (!confirmed.length) y = note(doc, 'อปท. ยังไม่ได้ยืนยันจำนวนนักเรียนสถานศึกษาสังกัดอื่นในรอบนี้ (ไม่นับรวม)', y);
  }
  signatures(doc, d, y);
  forEachPage(doc, (page, pages) => printedFooter(doc, FRAME, PAGE_H - 26, d.printedAt, page, pages));
  doc.end();
  return done;
}
