import fs from 'node:fs';
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;
export type ThaiFont = 'regular' | 'semibold' | 'bold';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Sarabun's vertical metrics: pdfkit puts the baseline 1.068 em under the y it is given, and the
 * line box (ascent + descent) is 1.3 em; stacked tone marks rise a little above it, so lines of
 * running text are set a bit looser than that.
 */
export const SARABUN = { ascent: 1.068, lineBox: 1.3, lineHeight: 1.38 } as const;

export const INK = '#111111';
export const MUTED = '#555555';

// Sarabun, the Thai government's standard typeface (OFL), as full TTFs with Thai and Latin glyphs
// and the mark/mkmk positioning that pdfkit's fontkit applies to place vowels and tone marks.
const FONT_FILES: Record<ThaiFont, string> = {
  regular: '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf',
  semibold: '@expo-google-fonts/sarabun/600SemiBold/Sarabun_600SemiBold.ttf',
  bold: '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf',
};
let fontData: Record<ThaiFont, Buffer> | undefined;

/** The three Sarabun weights, read once per process. */
export function sarabunFonts(): Record<ThaiFont, Buffer> {
  fontData ??= {
    regular: fs.readFileSync(require.resolve(FONT_FILES.regular)),
    semibold: fs.readFileSync(require.resolve(FONT_FILES.semibold)),
    bold: fs.readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fontData;
}

/**
 * pdfkit maps each glyph back to text (for copying, searching, screen readers) by the characters it
 * was first laid out for. Sarabun draws SARA AM as NIKHAHIT + SARA AA (after a tone mark, a tone +
 * NIKHAHIT ligature + SARA AA), so whichever word came first decided how every other use reads
 * back: "ำ" as "ำา", or every plain "า" lost. Laid out alone first, the glyphs read back as
 * "ํา": what NFKC makes of "ำ" too, so `text.normalize('NFKC')` compares equal.
 */
const SARA_AM_GLYPHS = 'ํ า ่ํ ้ํ ๊ํ ๋ํ ปํ ป่ํ ป้ํ ป๊ํ ป๋ํ';

export interface ThaiDocumentOptions {
  layout: 'portrait' | 'landscape';
  title: string;
  subject?: string;
  /** Keep pages open to the end, e.g. to write "page x of y" once the page count is known. */
  bufferPages?: boolean;
}

/**
 * A new A4 document with Sarabun registered as 'regular', 'semibold' and 'bold', no margins (the
 * caller places everything) and no page yet; `done` resolves to the file once `doc.end()` is called.
 */
export function createThaiDocument(opts: ThaiDocumentOptions): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout,
    margin: 0,
    autoFirstPage: false,
    bufferPages: opts.bufferPages ?? false,
    lang: 'th-TH',
    displayTitle: true,
    // pdfkit cannot write an undefined entry.
    info: { Title: opts.title, Creator: 'LEC', ...(opts.subject ? { Subject: opts.subject } : {}) },
  });
  const fonts = sarabunFonts();
  for (const name of Object.keys(fonts) as ThaiFont[]) {
    doc.registerFont(name, fonts[name]);
    doc.font(name).widthOfString(SARA_AM_GLYPHS);
  }
  return { doc, done: bytesOf(doc) };
}

/** The file a document writes, once `doc.end()` is called. Call before anything is drawn. */
export function bytesOf(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Calls `draw` on every page of a document made with `bufferPages`, e.g. for "หน้า 1/3". */
export function forEachPage(doc: Doc, draw: (page: number, pages: number) => void): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    draw(i - start + 1, count);
  }
}

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Marks a line must not start with (ๆ, ฯ, closing brackets, punctuation) and ones it must not end with. */
const NO_BREAK_BEFORE = /^[ๆฯ)\]}.,:;!?%”’]/;
const NO_BREAK_AFTER = /[([{“‘]$/;

/** Words to lay out, with the marks that must stay with their neighbour glued on. */
function tokensOf(paragraph: string): string[] {
  const tokens: string[] = [];
  let glueNext = false;
  for (const { segment } of thaiWords.segment(paragraph)) {
    const last = tokens.length - 1;
    if (last >= 0 && (glueNext || NO_BREAK_BEFORE.test(segment))) tokens[last] += segment;
    else tokens.push(segment);
    glueNext = NO_BREAK_AFTER.test(segment);
  }
  return tokens;
}

/**
 * Breaks text into lines no wider than `width` in the given font and size. Thai has no spaces
 * between words: ICU's dictionary finds them (Intl.Segmenter). A word wider than a whole line is
 * broken between grapheme clusters, never between a consonant and its vowels or tone marks.
 * Line breaks in the text are kept.
 */
export function wrapThai(doc: Doc, text: string, width: number, font: string, size: number): string[] {
  if (!text) return [];
  doc.font(font).fontSize(size);
  const fits = (s: string) => doc.widthOfString(s) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const token of tokensOf(paragraph)) {
      if (fits((line + token).trimEnd())) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      let rest = token.trimStart();
      while (rest && !fits(rest)) {
        let head = '';
        for (const { segment } of graphemes.segment(rest)) {
          if (head && !fits(head + segment)) break;
          head += segment;
        }
        lines.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Fits text into at most `maxLines` lines of `width`, trying each size in turn (largest first);
 * at the smallest size, cuts what still does not fit. Returns the size used and the lines.
 */
export function fitLines(
  doc: Doc,
  text: string,
  font: string,
  width: number,
  maxLines: number,
  sizes: readonly number[],
): { size: number; lines: string[] } {
  let lines: string[] = [];
  for (const size of sizes) {
    lines = wrapThai(doc, text, width, font, size);
    if (lines.length <= maxLines) return { size, lines };
  }
  return { size: sizes[sizes.length - 1], lines: lines.slice(0, maxLines) };
}

/**
 * Writes one line with its line box's top-left at (x, y). Never wraps: pdfkit's own wrapping knows
 * no Thai word boundaries, and with a width it wraps even with `lineBreak: false`, so a width with
 * `align: 'center' | 'right'` only places the line within that width.
 */
export function put(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  font: string,
  size: number,
  color: string = INK,
  opts: PDFKit.Mixins.TextOptions = {},
): void {
  const { width, align, ...rest } = opts;
  doc.font(font).fontSize(size).fillColor(color);
  let at = x;
  if (width !== undefined && (align === 'center' || align === 'right')) {
    const free = width - doc.widthOfString(text, rest);
    at += align === 'center' ? free / 2 : free;
  }
  doc.text(text, at, y, { ...rest, lineBreak: false });
}

/** A row of dots `width` wide, as forms leave for a signature or a hand-written entry. */
export function dots(doc: Doc, width: number, font: string, size: number): string {
  doc.font(font).fontSize(size);
  return '.'.repeat(Math.max(3, Math.floor(width / doc.widthOfString('.'))));
}

export * from './thai-date';
