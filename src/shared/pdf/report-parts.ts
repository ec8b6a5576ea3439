import { dots, fitLines, INK, MUTED, put, thaiDate, thaiTime, type Doc } from './thai-pdf';

/** The band of a page that a report writes in: its left edge and width. */
export interface ReportFrame {
  x: number;
  width: number;
}

/** One line centred across the frame. */
export function centred(
  doc: Doc,
  f: ReportFrame,
  text: string,
  y: number,
  font: string,
  size: number,
  color = INK,
): void {
  put(doc, text, f.x, y, font, size, color, { width: f.width, align: 'center' });
}

/** Where an institution sits: its LAO, district and province, as a letterhead writes it. */
export function placeLine(d: {
  laoName: string | null;
  district: string | null;
  provinceName: string | null;
}): string {
  const district = d.district && (/^(อำเภอ|เขต)/.test(d.district) ? d.district : `อำเภอ${d.district}`);
  return [d.laoName && `สังกัด${d.laoName}`, district, d.provinceName && `จังหวัด${d.provinceName}`]
    .filter(Boolean)
    .join('  ');
}

/** A line with what the document counts on the left and the day it was printed on the right. */
export function countAndPrintedLine(
  doc: Doc,
  f: ReportFrame,
  y: number,
  count: string,
  printedAt: Date,
): void {
  put(doc, count, f.x, y, 'regular', 11);
  put(doc, `พิมพ์เมื่อวันที่ ${thaiDate(printedAt)}`, f.x, y, 'regular', 11, INK, {
    width: f.width,
    align: 'right',
  });
}

export interface TitleBlockOptions {
  titleSize?: number;
  /** From the title's top to the unit line's. */
  titleGap?: number;
  /** Sizes to try for the unit line, largest first. */
  unitSizes?: readonly number[];
  /** From the unit line's top to what follows. */
  unitGap?: number;
}

/**
 * The first page's heading: the document's title in bold, then the unit (name and code) on one
 * line, shrunk to fit; both centred. Returns the y under them.
 */
export function titleBlock(
  doc: Doc,
  f: ReportFrame,
  y: number,
  title: string,
  unit: { name: string; code: string },
  { titleSize = 18, titleGap = 28, unitSizes = [14, 12, 11], unitGap = 22 }: TitleBlockOptions = {},
): number {
  centred(doc, f, title, y, 'bold', titleSize);
  y += titleGap;
  const fit = fitLines(doc, `${unit.name}  รหัส ${unit.code}`, 'semibold', f.width, 1, unitSizes);
  centred(doc, f, fit.lines[0] ?? '', y, 'semibold', fit.size);
  return y + unitGap;
}

/**
 * A page after the first: adds it and writes the running head (the document and unit, shrunk to
 * fit, `reserve` points kept free) with "(ต่อ)" on the right, at `y`.
 */
export function continuationPage(doc: Doc, f: ReportFrame, y: number, head: string, reserve = 60): void {
  doc.addPage();
  const fit = fitLines(doc, head, 'regular', f.width - reserve, 1, [10, 9, 8]);
  put(doc, fit.lines[0] ?? '', f.x, y, 'regular', fit.size, MUTED);
  put(doc, '(ต่อ)', f.x, y, 'regular', 10, MUTED, { width: f.width, align: 'right' });
}

/** Every page's foot: when and where it was printed, and "หน้า x/y" on the right. */
export function printedFooter(
  doc: Doc,
  f: ReportFrame,
  y: number,
  printedAt: Date,
  page: number,
  pages: number,
): void {
  put(
    doc,
    `พิมพ์จากระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC) เมื่อ ${thaiDate(printedAt)} เวลา ${thaiTime(printedAt)}`,
    f.x,
    y,
    'regular',
    9,
    MUTED,
  );
  put(doc, `หน้า ${page}/${pages}`, f.x, y, 'regular', 9, MUTED, { width: f.width, align: 'right' });
}

export interface SignatureBlockOptions {
  x: number;
  y: number;
  width: number;
  /** Who signs, after the dotted line: e.g. ผู้บริหารสถานศึกษา. */
  role: string;
  /** Printed in the brackets (and the position line); null leaves dots to fill in by hand. */
  person?: { name: string; position: string } | null;
  /** How wide the dotted lines for the signature and the name are. */
  dotsWidth: number;
  /** With a ตำแหน่ง line between the name and the date. */
  withPosition: boolean;
  size?: number;
}

/**
 * A signature block, each line centred in its width: ลงชื่อ ..... role, (name), ตำแหน่ง ..., and
 * วันที่ ... เดือน ... พ.ศ. ..., 22 points apart.
 */
export function signatureBlock(doc: Doc, o: SignatureBlockOptions): void {
  const size = o.size ?? 12;
  const at = (text: string, dy: number) =>
    put(doc, text, o.x, o.y + dy, 'regular', size, INK, { width: o.width, align: 'center' });
  const line = dots(doc, o.dotsWidth, 'regular', size);
  at(`ลงชื่อ ${line} ${o.role}`, 0);
  at(o.person ? `( ${o.person.name} )` : `(${line})`, 22);
  if (o.withPosition) at(`ตำแหน่ง ${o.person?.position || line}`, 44);
  const blank = (w: number) => dots(doc, w, 'regular', size);
  at(`วันที่ ${blank(24)} เดือน ${blank(70)} พ.ศ. ${blank(34)}`, o.withPosition ? 66 : 44);
}
