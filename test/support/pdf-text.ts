import { PDFParse } from 'pdf-parse';

/** A PDF's text as a reader copies it. */
export interface PdfText {
  /** The text of every page; SARA AM, which reads back as NIKHAHIT + SARA AA (as Sarabun draws it), folded. */
  pages: string[];
  text: string;
  /** The text without any white space: Thai cells wrap at word boundaries, with no spaces to find. */
  flat: string;
}

export const flat = (s: string) => s.replace(/\s+/g, '');

/** A citizen ID grouped as on the card, as the institution's own documents print it. */
export const grouped = (v: string) =>
  `${v[0]}-${v.slice(1, 5)}-${v.slice(5, 10)}-${v.slice(10, 12)}-${v[12]}`;

/** Reads the text of a PDF made with src/shared/pdf (pages in order). */
export async function readPdfText(pdf: Buffer): Promise<PdfText> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const pages = (await parser.getText()).pages.map((p) => p.text.replace(/\u0E4D\u0E32/g, '\u0E33'));
    const text = pages.join('\n');
    return { pages, text, flat: flat(text) };
  } finally {
    await parser.destroy();
  }
}
