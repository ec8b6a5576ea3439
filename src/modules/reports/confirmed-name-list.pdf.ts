import { drawTable } from '../../shared/pdf/pdf-table';
import {
  centred,
  countAndPrintedLine,
  placeLine,
  continuationPage,
  printedFooter,
  signatureBlock,
  titleBlock,
  type ReportFrame,
} from '../../shared/pdf/report-parts';
import {
  A4,
  createThaiDocument,
  forEachPage,
  MUTED,
  put,
  thaiDate,
  thaiTime,
  type Doc,
} from '../../shared/pdf/thai-pdf';

/** One pupil of the frozen confirmation, as printed. */
export interface ConfirmedNameListEntry {
  /** Whole for the institution itself, masked for anyone else. */
  pupilId: string;
  name: string;
  sex: string;
  /** ป.1 for a school pupil; the age for a CDC child. */
  grade: string;
}

export interface ConfirmedNameListData {
  kind: 'SCHOOL' | 'CDC';
  institution: { code: string; name: string };
  laoName: string | null;
  district: string | null;
  provinceName: string | null;
  round: { academicYear: number; roundNo: number; snapshotDate: string };
  confirmedAt: Date;
  /** The responsible person who confirmed (the profile in force then). */
  confirmedBy: { name: string; position: string | null };
  printedAt: Date;
  masked: boolean;
  /** In print order: by grade, then name. */
  entries: readonly ConfirmedNameListEntry[];
  /** Totals by grade label and sex, in grade order, as the confirmation froze them. */
  totals: readonly { grade: string; male: number; female: number }[];
}

export const nameListWording = {
  SCHOOL: { title: 'บัญชีรายชื่อนักเรียนที่ยืนยันข้อมูลแล้ว', who: 'นักเรียน', grade: 'ระดับชั้น', head: 'ผู้บริหารสถานศึกษา' },
  CDC: { title: 'บัญชีรายชื่อเด็กเล็กที่ยืนยันข้อมูลแล้ว', who: 'เด็กเล็ก', grade: 'อายุ', head: 'หัวหน้าศูนย์พัฒนาเด็กเล็ก' },
} as const;

const PAGE_W = A4.width;
const PAGE_H = A4.height;
const MARGIN_X = 40;
const TOP = 34;
const TABLE_BOTTOM = PAGE_H - 44;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const FRAME: ReportFrame = { x: MARGIN_X, width: CONTENT_W };

/** `การบันทึกข้อมูล ครั้งที่ 1 ประจำปีการศึกษา 2568 (ข้อมูล ณ วันที่ 10 มิถุนายน 2568)` */
export function roundLine(r: ConfirmedNameListData['round']): string {
  return `การบันทึกข้อมูล ครั้งที่ ${r.roundNo} ประจำปีการศึกษา ${r.academicYear} (ข้อมูล ณ วันที่ ${thaiDate(r.snapshotDate)})`;
}

function header(doc: Doc, d: ConfirmedNameListData): number {
  const words = nameListWording[d.kind];
  let y = titleBlock(doc, FRAME, TOP, words.title, d.institution);
  const place = placeLine(d);
  if (place) {
    centred(doc, FRAME, place, y, 'regular', 12);
    y += 20;
  }
  centred(doc, FRAME, roundLine(d.round), y, 'regular', 12);
  y += 22;
  const by = `${d.confirmedBy.name}${d.confirmedBy.position ? ` ตำแหน่ง ${d.confirmedBy.position}` : ''}`;
  put(
    doc,
    `ยืนยันข้อมูลเมื่อวันที่ ${thaiDate(d.confirmedAt)} เวลา ${thaiTime(d.confirmedAt)} โดย ${by}`,
    MARGIN_X,
    y,
    'regular',
    11,
  );
  y += 19;
  countAndPrintedLine(doc, FRAME, y, `${words.who}ที่ยืนยันแล้ว จำนวน ${d.entries.length} คน`, d.printedAt);
  y += 19;
  if (d.masked) {
    put(doc, 'เลขประจำตัวประชาชนแสดงเพียงบางส่วนเพื่อคุ้มครองข้อมูลส่วนบุคคล', MARGIN_X, y, 'regular', 9.5, MUTED);
    y += 14;
  }
  return y + 6;
}

function continuation(doc: Doc, d: ConfirmedNameListData): number {
  const head = `${nameListWording[d.kind].title} · ${d.institution.name} (รหัส ${d.institution.code})`;
  continuationPage(doc, FRAME, TOP - 10, head);
  return TOP + 10;
}

const CLOSING_H = 150;

function closing(doc: Doc, d: ConfirmedNameListData, top: number): void {
  let y = top + 14;
  const rows = d.totals.length + 2;
  if (y + rows * 20 + CLOSING_H > TABLE_BOTTOM) y = continuation(doc, d) + 4;
  put(doc, 'สรุปจำนวนตามข้อมูลที่ยืนยัน', MARGIN_X, y, 'bold', 12);
  y += 20;
  const sum = d.totals.reduce((s, t) => ({ male: s.male + t.male, female: s.female + t.female }), {
    male: 0,
    female: 0,
  });
  y = drawTable(doc, {
    columns: [
      { header: nameListWording[d.kind].grade, width: 120, align: 'center' },
      { header: 'ชาย', width: 80, align: 'center' },
      { header: 'หญิง', width: 80, align: 'center' },
      { header: 'รวม', width: 80, align: 'center' },
    ],
    rows: [
      ...d.totals.map((t) => [t.grade, String(t.male), String(t.female), String(t.male + t.female)]),
      [
        [{ text: 'รวมทั้งสิ้น', font: 'bold' as const }],
        String(sum.male),
        String(sum.female),
        [{ text: String(sum.male + sum.female), font: 'bold' as const }],
      ],
    ],
    x: MARGIN_X,
    y,
    bottom: TABLE_BOTTOM,
    newPage: () => continuation(doc, d),
    fontSize: 11,
    headerFill: '#e6e6e6',
  });
  y += 22;
  if (y + 110 > TABLE_BOTTOM) y = continuation(doc, d) + 8;
  put(doc, 'ขอรับรองว่ารายชื่อข้างต้นตรงกับข้อมูลที่ยืนยันในระบบ LEC', MARGIN_X + 30, y, 'regular', 12);
  y += 34;
  const blockW = 300;
  signatureBlock(doc, {
    x: MARGIN_X + CONTENT_W - blockW,
    y,
    width: blockW,
    role: nameListWording[d.kind].head,
    dotsWidth: 160,
    withPosition: false,
  });
}

/**
 * An institution's confirmed name list for a round: the pupils (or children) whose ids the
 * frozen confirmation holds, with the round, who confirmed and when, the totals by grade and sex,
 * and a line for the head to sign. A4 portrait, header row repeated, pages numbered "หน้า x/y".
 */
export async function renderConfirmedNameList(d: ConfirmedNameListData): Promise<Buffer> {
  const words = nameListWording[d.kind];
  const { doc, done } = createThaiDocument({
    layout: 'portrait',
    title: `${words.title} — ${d.institution.name}`,
    subject: 'Local Education Center information system: confirmed name list of a round',
    bufferPages: true,
  });
  doc.addPage();
  const y = drawTable(doc, {
    columns: [
      { header: 'ลำดับ', width: 36, align: 'center' },
      { header: 'เลขประจำตัวประชาชน', width: 118, align: 'center' },
      { header: 'ชื่อ – สกุล', width: CONTENT_W - 36 - 118 - 50 - 70 },
      { header: 'เพศ', width: 50, align: 'center' },
      { header: words.grade, width: 70, align: 'center' },
    ],
    rows: d.entries.map((e, i) => [String(i + 1), e.pupilId, e.name, e.sex, e.grade]),
    x: MARGIN_X,
    y: header(doc, d),
    bottom: TABLE_BOTTOM,
    newPage: () => continuation(doc, d),
    fontSize: 11,
    headerFill: '#e6e6e6',
    emptyText: `ไม่มี${words.who}ในข้อมูลที่ยืนยัน`,
  });
  closing(doc, d, y);
  forEachPage(doc, (page, pages) => printedFooter(doc, FRAME, PAGE_H - 30, d.printedAt, page, pages));
  doc.end();
  return done;
}
