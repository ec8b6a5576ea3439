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
  wrapThai,
  type Doc,
} from '../../shared/pdf/thai-pdf';

/** The public name list for posting (ปิดประกาศ): names and grades only, never an ID. */
export interface PostingListData {
  kind: 'SCHOOL' | 'CDC';
  institution: { code: string; name: string };
  laoName: string | null;
  district: string | null;
  provinceName: string | null;
  academicYear: number;
  printedAt: Date;
  /** In posting order: by grade, then by name. */
  entries: readonly { name: string; grade: string }[];
}

export const postingWording = {
  SCHOOL: { title: 'ประกาศรายชื่อนักเรียน', who: 'นักเรียน', head: 'ผู้บริหารสถานศึกษา' },
  CDC: { title: 'ประกาศรายชื่อเด็กเล็ก', who: 'เด็กเล็ก', head: 'หัวหน้าศูนย์พัฒนาเด็กเล็ก' },
} as const;

const MARGIN_X = 48;
const TOP = 36;
const PAGE_H = A4.height;
const TABLE_BOTTOM = PAGE_H - 48;
const CONTENT_W = A4.width - 2 * MARGIN_X;
const FRAME: ReportFrame = { x: MARGIN_X, width: CONTENT_W };

function columns(): TableColumn[] {
  return [
    { header: 'ลำดับ', width: 44, align: 'center' },
    { header: 'ชื่อ – สกุล', width: CONTENT_W - 44 - 90 },
    { header: 'ระดับชั้น', width: 90, align: 'center' },
  ];
}

function header(doc: Doc, d: PostingListData): number {
  const words = postingWording[d.kind];
  let y = titleBlock(doc, FRAME, TOP, `${words.title} ปีการศึกษา ${d.academicYear}`, d.institution, {
    unitSizes: [13, 12, 11],
    unitGap: 20,
  });
  const place = placeLine(d);
  if (place) {
    centred(doc, FRAME, place, y, 'regular', 12);
    y += 22;
  }
  countAndPrintedLine(doc, FRAME, y, `${words.who}ที่มีชื่ออยู่ในระบบ จำนวน ${d.entries.length} คน`, d.printedAt);
  y += 18;
  const note = `ประกาศเพื่อตรวจสอบว่า${words.who}มีตัวตนอยู่จริง (แนวทาง ข้อ 5.3.1) หากพบชื่อที่ไม่ถูกต้อง หรือชื่อของ${words.who}ที่ไม่ได้เรียนอยู่จริง โปรดแจ้งสถานศึกษา`;
  for (const line of wrapThai(doc, note, CONTENT_W, 'regular', 10)) {
    put(doc, line, MARGIN_X, y, 'regular', 10, MUTED);
    y += 14;
  }
  return y + 6;
}

function nextPage(doc: Doc, d: PostingListData): number {
  continuationPage(doc, FRAME, TOP - 6, `${postingWording[d.kind].title} · ${d.institution.name}`);
  return TOP + 14;
}

/**
 * The name list an institution posts for parents and the community to check (guideline 5.3.1 (1):
 * จัดทำและปิดประกาศรายชื่อนักเรียน เพื่อตรวจสอบนักเรียนว่ามีตัวตนอยู่จริง): A4, names and grades of
 * the current register only — no citizen ID, birth date or anything else personal — and the head's
 * signature line. Printable at any time.
 */
export async function renderPostingList(d: PostingListData): Promise<Buffer> {
  const words = postingWording[d.kind];
  const { doc, done } = createThaiDocument({
    layout: 'portrait',
    title: `${words.title} — ${d.institution.name}`,
    subject: 'Local Education Center information system: public name list for posting',
    bufferPages: true,
  });
  doc.addPage();
  let y = drawTable(doc, {
    columns: columns(),
    rows: d.entries.map((e, i) => [String(i + 1), e.name, e.grade]),
    x: MARGIN_X,
    y: header(doc, d),
    bottom: TABLE_BOTTOM,
    newPage: () => nextPage(doc, d),
    fontSize: 11,
    headerFill: '#e6e6e6',
    emptyText: `ยังไม่มี${words.who}ในระบบ`,
  });
  if (y + 90 > TABLE_BOTTOM) y = nextPage(doc, d);
  signatureBlock(doc, {
    x: MARGIN_X + CONTENT_W * 0.4,
    y: y + 30,
    width: CONTENT_W * 0.6,
    role: words.head,
    person: null,
    dotsWidth: 130,
    withPosition: true,
    size: 12,
  });
  forEachPage(doc, (page, pages) => printedFooter(doc, FRAME, PAGE_H - 30, d.printedAt, page, pages));
  doc.end();
  return done;
}
