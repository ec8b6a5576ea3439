// Over 300 lines on purpose: one printed sheet's layout (card geometry, QR, cut marks, the Thai
// wording) reads top to bottom as one drawing; split into files it would be a page of coordinates
// passed around.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { thaiDate } from '../../shared/pdf/thai-date';
// Wrapping and writing a line are the shared PDF helpers' (Thai word breaks, marks kept with their word).
import { bytesOf, fitLines, INK, MUTED, put, sarabunFonts, type Doc } from '../../shared/pdf/thai-pdf';

/** One cut-out card: everything a unit's responsible person needs for the first login. */
export interface CredentialCard {
  unitCode: string;
  unitName: string;
  /** What the unit is, e.g. โรงเรียน, ศูนย์พัฒนาเด็กเล็ก, อปท. */
  kindLabel: string;
  /** Where the unit sits (an institution's LAO, an LAO's district), printed small, to sort the cards for handing out. */
  context?: string | null;
  username: string;
  initialPassword: string;
  /** What the QR code encodes: the login page with the user name filled in. */
  loginUrl: string;
}

export interface CredentialSheetData {
  /** The unit the sheet is for, as a heading: e.g. จังหวัดน่าน, องค์การบริหารส่วนตำบล... */
  title: string;
  unitCode: string;
  issuedAt: Date;
  /** The login page, printed for whoever cannot scan the code. */
  loginPageUrl: string;
  cards: readonly CredentialCard[];
  /** What an empty sheet says instead of cards. */
  emptyNote?: string;
}

export { thaiDate } from '../../shared/pdf/thai-date';

export const SHEET_INSTRUCTION = 'เข้าสู่ระบบด้วยชื่อผู้ใช้งานและรหัสผ่านเริ่มต้น แล้วกรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่';

/**
 * User names and passwords: Sarabun too, spaced out to be read off paper character by character.
 * Not Courier: a standard font is not embedded, and viewers substitute faces of other widths.
 */
const SECRET_SPACING = 1.2;

// A4 portrait in points, 2 × 4 cards a page under a header.
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 28;
const MARGIN_TOP = 26;
const MARGIN_BOTTOM = 22;
const HEADER_H = 80;
const COLS = 2;
const ROWS = 4;
const PER_PAGE = COLS * ROWS;
const GRID_TOP = MARGIN_TOP + HEADER_H;
const CARD_W = (PAGE_W - 2 * MARGIN_X) / COLS;
const CARD_H = (PAGE_H - GRID_TOP - MARGIN_BOTTOM) / ROWS;
const PAD = 12;
const QR_SIZE = 92;

/** Where the cards sit on a page, in points from the top-left: for whoever cuts or checks them. */
export const CARD_LAYOUT = {
  pageWidth: PAGE_W,
  pageHeight: PAGE_H,
  left: MARGIN_X,
  top: GRID_TOP,
  cardWidth: CARD_W,
  cardHeight: CARD_H,
  columns: COLS,
  rows: ROWS,
} as const;

const RULE = '#888888';

/** A QR code drawn as vector squares (crisp at any printer's resolution), runs merged per row. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = size / n;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      // A hair of overlap so no white seams appear between neighbouring modules.
      doc.rect(x + start * m, y + r * m, (c - start) * m + 0.05, m + 0.05);
    }
  }
  doc.fillColor('#000000').fill();
}

function drawHeader(doc: Doc, data: CredentialSheetData, page: number, pages: number): void {
  const x = MARGIN_X;
  const w = PAGE_W - 2 * MARGIN_X;
  let y = MARGIN_TOP;
  put(doc, 'บัญชีผู้ใช้งานระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC)', x, y, 'bold', 15);
  put(doc, `หน้า ${page}/${pages}`, x, y + 3, 'regular', 10, MUTED, { width: w, align: 'right' });
  y += 22;
  const head = fitLines(doc, `${data.title} (รหัส ${data.unitCode})`, 'semibold', w - 150, 1, [12, 11, 10, 9]);
  put(doc, head.lines[0] ?? '', x, y, 'semibold', head.size);
  put(doc, `ออกเมื่อ ${thaiDate(data.issuedAt)}`, x, y + 1, 'regular', 11, INK, { width: w, align: 'right' });
  y += 19;
  put(doc, SHEET_INSTRUCTION, x, y, 'regular', 10.5, INK);
  y += 15;
  put(
    doc,
    'รหัสผ่านเริ่มต้นเป็นความลับ ใช้ได้จนกว่าจะตั้งรหัสผ่านใหม่ ตัดตามเส้นประแล้วมอบให้ผู้รับผิดชอบของแต่ละหน่วยงาน',
    x,
    y,
    'regular',
    9.5,
    MUTED,
  );
}

/** Dashed cut lines around and between the cards of one page (shared edges overlay exactly). */
function drawCutLines(doc: Doc, count: number): void {
  doc.save().lineWidth(0.6).strokeColor(RULE).dash(4, { space: 3 });
  for (let r = 0; r * COLS < count; r++) {
    const inRow = Math.min(COLS, count - r * COLS);
    const top = GRID_TOP + r * CARD_H;
    for (const y of [top, top + CARD_H]) doc.moveTo(MARGIN_X, y).lineTo(MARGIN_X + inRow * CARD_W, y);
    for (let c = 0; c <= inRow; c++) {
      const x = MARGIN_X + c * CARD_W;
      doc.moveTo(x, top).lineTo(x, top + CARD_H);
    }
  }
  doc.stroke().undash().restore();
}

/**
 * One card. Offsets are fixed from the card's top so every card reads alike; they keep Sarabun's
 * marks clear of each other (its tone marks stand up to ~1 em over the baseline, ุ ู hang ~0.35 em
 * under it; pdfkit puts the baseline at 1.068 em under the given y).
 */
function drawCard(doc: Doc, card: CredentialCard, loginPageUrl: string, left: number, top: number): void {
  const x = left + PAD;
  const w = CARD_W - 2 * PAD;

  const kicker = card.context ? `${card.kindLabel} · ${card.context}` : card.kindLabel;
  const k = fitLines(doc, kicker, 'regular', w, 1, [9, 8.5, 8, 7.5, 7]);
  put(doc, k.lines[0] ?? '', x, top + 8, 'regular', k.size, MUTED);

  const name = fitLines(doc, card.unitName, 'bold', w, 2, [13, 12.5, 12, 11, 10, 9]);
  name.lines.forEach((line, i) => put(doc, line, x, top + 20 + i * 15.9, 'bold', name.size));

  const qrTop = top + 59;
  drawQr(doc, card.loginUrl, x - 2, qrTop, QR_SIZE);

  const fx = x + QR_SIZE + 10;
  const fw = left + CARD_W - PAD - fx;
  let fy = top + 57;
  const field = (label: string, value: string, font: string, size: number, spacing = 0) => {
    put(doc, label, fx, fy, 'regular', 8.5, MUTED);
    const v = fitLines(doc, value, font, fw - spacing * value.length, 1, [
      size,
      size - 1,
      size - 2,
      size - 3,
    ]);
    put(doc, v.lines[0] ?? '', fx, fy + 11, font, v.size, INK, { characterSpacing: spacing });
    fy += 31;
  };
  field('รหัสหน่วยงาน', card.unitCode, 'semibold', 12);
  field('ชื่อผู้ใช้งาน (User Login)', card.username, 'bold', 13, SECRET_SPACING);

  put(doc, 'รหัสผ่านเริ่มต้น (Password)', fx, fy, 'regular', 8.5, MUTED);
  const boxY = fy + 14;
  const boxH = 23;
  doc.save().lineWidth(0.8).strokeColor('#333333').roundedRect(fx, boxY, fw, boxH, 3).stroke().restore();
  const secret = card.initialPassword;
  const pw = fitLines(
    doc,
    secret,
    'bold',
    fw - 10 - SECRET_SPACING * secret.length,
    1,
    [15, 14, 13, 12, 11, 10],
  );
  // Baseline 1.068 em under y: put the capitals' middle on the box's middle.
  const baseline = boxY + boxH / 2 + 0.35 * pw.size;
  put(doc, pw.lines[0] ?? '', fx + 5, baseline - 1.068 * pw.size, 'bold', pw.size, INK, {
    characterSpacing: SECRET_SPACING,
  });

  const foot = fitLines(
    doc,
    `สแกนคิวอาร์โค้ด หรือเข้าสู่ระบบที่ ${loginPageUrl}`,
    'regular',
    w,
    1,
    [8, 7.5, 7, 6.5, 6],
  );
  put(doc, foot.lines[0] ?? '', x, qrTop + QR_SIZE + 6, 'regular', foot.size, MUTED);
}

/**
 * The printable credential sheet: A4 portrait, a header with the unit, the Thai date and the
 * instruction, then 2 × 4 cards a page with cut lines, each with the unit's name and code, the
 * user name, the initial password and a QR code of the login page with the user name filled in.
 */
export async function renderCredentialSheet(data: CredentialSheetData): Promise<Buffer> {
  // Not createThaiDocument: the sheet has its own settings (no language or displayed title, no
  // SARA AM priming); taking those would change the file.
  const f = sarabunFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `บัญชีผู้ใช้งาน LEC — ${data.title}`,
      Subject: 'Local Education Center information system: credential sheet',
      Creator: 'LEC',
    },
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('semibold', f.semibold);
  doc.registerFont('bold', f.bold);

  const done = bytesOf(doc);

  const pages = Math.max(1, Math.ceil(data.cards.length / PER_PAGE));
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    drawHeader(doc, data, p + 1, pages);
    const onPage = data.cards.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
    if (!onPage.length) {
      const note = fitLines(
        doc,
        data.emptyNote ?? 'ไม่มีหน่วยงานที่ต้องออกบัญชีผู้ใช้งาน',
        'semibold',
        PAGE_W - 2 * MARGIN_X,
        3,
        [12, 11, 10],
      );
      note.lines.forEach((line, i) =>
        put(doc, line, MARGIN_X, GRID_TOP + 20 + i * note.size * 1.5, 'semibold', note.size),
      );
      continue;
    }
    drawCutLines(doc, onPage.length);
    onPage.forEach((card, i) =>
      drawCard(
        doc,
        card,
        data.loginPageUrl,
        MARGIN_X + (i % COLS) * CARD_W,
        GRID_TOP + Math.floor(i / COLS) * CARD_H,
      ),
    );
  }
  doc.end();
  return done;
}
