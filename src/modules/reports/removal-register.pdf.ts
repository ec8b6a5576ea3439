import { drawTable, type TableColumn } from '../../shared/pdf/pdf-table';
import {
  centred,
  continuationPage,
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
  forEachPage,
  MUTED,
  put,
  thaiDate,
  type Doc,
} from '../../shared/pdf/thai-pdf';

/** One pupil or child removed as non-existent, as the register prints it. */
export interface RemovalRegisterEntry {
  /** The citizen ID or G-Code as it is to be printed: whole for the institution itself, masked for others. */
  pupilId: string;
  name: string;
  /** ระดับชั้น (อ.1, ป.1, ม.1) for a school; the child's age for a CDC. */
  grade: string;
  reason: string;
  note: string | null;
  removedAt: Date;
  /** Who removed it: the responsible person in force then, and their position. */
  by: { name: string; position: string | null };
}

export interface RemovalRegisterData {
  kind: 'SCHOOL' | 'CDC';
  institution: { code: string; name: string };
  laoName: string | null;
  district: string | null;
  provinceName: string | null;
  printedAt: Date;
  /** The IDs are masked (printed for someone other than the institution). */
  masked: boolean;
  /** The institution's responsible person now, printed under the first signature line. */
  responsible: { name: string; position: string } | null;
  entries: readonly RemovalRegisterEntry[];
}

/** What the register is called and who signs it: a school keeps pupils, a CDC young children. */
export const registerWording = {
  SCHOOL: {
    title: 'ทะเบียนนักเรียนที่ไม่มีตัวตน',
    who: 'นักเรียน',
    grade: 'ระดับชั้น',
    head: 'ผู้บริหารสถานศึกษา',
  },
  CDC: {
    title: 'ทะเบียนเด็กเล็กที่ไม่มีตัวตน',
    who: 'เด็กเล็ก',
    grade: 'อายุ',
    head: 'หัวหน้าศูนย์พัฒนาเด็กเล็ก',
  },
} as const;

const PAGE_W = A4.height; // landscape
const PAGE_H = A4.width;
const MARGIN_X = 36;
const TOP = 30;
const TABLE_BOTTOM = PAGE_H - 42;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const FRAME: ReportFrame = { x: MARGIN_X, width: CONTENT_W };

function columnsOf(data: RemovalRegisterData): TableColumn[] {
  const cols: TableColumn[] = [
    { header: 'ลำดับ', width: 34, align: 'center' },
    { header: 'เลขประจำตัวประชาชน', width: 100, align: 'center' },
    { header: 'ชื่อ – สกุล', width: 140 },
    { header: registerWording[data.kind].grade, width: 50, align: 'center' },
    { header: 'เหตุที่นำข้อมูลออกจากระบบ', width: 154 },
    { header: 'หมายเหตุ', width: 110 },
    { header: 'วันที่นำออก', width: 72, align: 'center' },
  ];
  const used = cols.reduce((w, c) => w + c.width, 0);
  return [...cols, { header: 'ผู้ดำเนินการ', width: CONTENT_W - used }];
}

function firstPageHeader(doc: Doc, d: RemovalRegisterData): number {
  const words = registerWording[d.kind];
  let y = titleBlock(doc, FRAME, TOP, words.title, d.institution, { unitSizes: [13, 12, 11], unitGap: 20 });
  const place = placeLine(d);
  if (place) {
    centred(doc, FRAME, place, y, 'regular', 12);
    y += 22;
  }
  countAndPrintedLine(
    doc,
    FRAME,
    y,
    `${words.who}ที่นำข้อมูลออกจากระบบเพราะไม่มีตัวตน จำนวน ${d.entries.length} ราย`,
    d.printedAt,
  );
  y += 16;
  if (d.masked) {
    put(
      doc,
      'เลขประจำตัวประชาชนแสดงเพียงบางส่วนเพื่อคุ้มครองข้อมูลส่วนบุคคล ฉบับที่มีเลขเต็มพิมพ์ได้จากบัญชีผู้ใช้งานของสถานศึกษา',
      MARGIN_X,
      y,
      'regular',
      9.5,
      MUTED,
    );
    y += 14;
  }
  return y + 6;
}

/** A page after the first: a running head, then the table or the signatures go on. */
function nextPage(doc: Doc, d: RemovalRegisterData): number {
  const head = `${registerWording[d.kind].title} · ${d.institution.name} (รหัส ${d.institution.code})`;
  continuationPage(doc, FRAME, TOP - 6, head);
  return TOP + 14;
}

const SIGNATURE_H = 130;

/** The certification and the two signature blocks: the responsible person, and the head of the institution. */
function signatures(doc: Doc, d: RemovalRegisterData, top: number): void {
  let y = top;
  if (y + SIGNATURE_H > TABLE_BOTTOM) y = nextPage(doc, d) + 8;
  put(doc, 'ขอรับรองว่าข้อมูลข้างต้นถูกต้องตามความเป็นจริง', MARGIN_X + 36, y + 12, 'regular', 12);
  y += 44;
  const blockW = CONTENT_W / 2 - 20;
  const size = 12;
  const block = (cx: number, role: string, person: { name: string; position: string } | null) => {
    doc.font('regular').fontSize(size);
    const room = blockW - doc.widthOfString(`ลงชื่อ  ${role}`) - 8;
    signatureBlock(doc, {
      x: cx - blockW / 2,
      y,
      width: blockW,
      role,
      person,
      dotsWidth: Math.min(170, room),
      withPosition: true,
      size,
    });
  };
  block(MARGIN_X + CONTENT_W * 0.25, 'ผู้รับผิดชอบ', d.responsible);
  block(MARGIN_X + CONTENT_W * 0.75, registerWording[d.kind].head, null);
}

/**
 * The removal register an institution keeps (guideline 5.3.4: ทะเบียนของนักเรียนหรือเด็กเล็กที่ไม่มีตัวตน):
 * A4 landscape, a heading with the institution, its LAO and province and the date printed, a ruled
 * table of every pupil removed as non-existent in the order they were removed (the header row
 * repeated on every page), then a certification and signature lines for the responsible person
 * and the head of the institution. Every page is numbered "หน้า x/y".
 */
export async function renderRemovalRegister(d: RemovalRegisterData): Promise<Buffer> {
  const words = registerWording[d.kind];
  const { doc, done } = createThaiDocument({
    layout: 'landscape',
    title: `${words.title} — ${d.institution.name}`,
    subject: 'Local Education Center information system: register of pupils removed as non-existent',
    bufferPages: true,
  });
  doc.addPage();
  const y = drawTable(doc, {
    columns: columnsOf(d),
    rows: d.entries.map((e, i) => [
      String(i + 1),
      e.pupilId,
      e.name,
      e.grade,
      e.reason,
      e.note ?? '',
      thaiDate(e.removedAt, { short: true }),
      [{ text: e.by.name }, ...(e.by.position ? [{ text: e.by.position, color: MUTED }] : [])],
    ]),
    x: MARGIN_X,
    y: firstPageHeader(doc, d),
    bottom: TABLE_BOTTOM,
    newPage: () => nextPage(doc, d),
    fontSize: 10.5,
    headerFill: '#e6e6e6',
    emptyText: `ไม่มี${words.who}ที่นำข้อมูลออกจากระบบเพราะไม่มีตัวตน`,
  });
  signatures(doc, d, y);
  forEachPage(doc, (page, pages) => printedFooter(doc, FRAME, PAGE_H - 28, d.printedAt, page, pages));
  doc.end();
  return done;
}
