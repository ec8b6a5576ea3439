// Over 300 lines on purpose: one streaming reader of a spreadsheet's XML (shared strings, styles,
// the sheet, the date cells) with its limits against hostile files; split, each part would need the
// parser's state handed between files.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue, RawRow } from './cells';
import { ACCEPTED_FILES, FileRefused } from './import-errors';
import { openZip, ZipPartTooLarge, type InflateLimit, type ZipArchive } from './zip-parts';

/**
 * The first sheet of an .xlsx, streamed: the zip is read with yauzl (zip-parts.ts, every part's
 * inflation bounded) and the sheet's XML is parsed as it inflates by a SAX parser (saxes, the one
 * exceljs uses), fed text decoded by a StringDecoder, so a Thai character split across two chunks
 * is joined, not turned into U+FFFD (exceljs 4.4's streaming reader decoded each chunk alone).
 * Nothing is written to disk. Memory: the upload itself, the shared strings, one chunk of XML.
 */

/** No 100,000-row sheet comes near this; a zip bomb does. */
const SHEET_LIMIT: InflateLimit = { maxBytes: 400 * 1024 * 1024 };
/**
 * 100,000 rows of unique Thai names and addresses are about 40 MB of shared-string XML; the
 * strings are held in memory while the sheet is read, so this bounds the memory of one upload.
 */
const SHARED_STRINGS_LIMIT: InflateLimit = { maxBytes: 64 * 1024 * 1024, maxRatio: 100 };
/** workbook.xml, its relationships and styles.xml are small; a few MB at most with many sheets or styles. */
const SMALL_PART_LIMIT: InflateLimit = { maxBytes: 16 * 1024 * 1024, maxRatio: 100 };

/** A row as read, with the 0-based columns of any formula cells in it. */
export interface XlsxRow extends RawRow {
  formulas: number[];
}

export interface XlsxSheet {
  rows: AsyncIterable<XlsxRow>;
  /** The merged ranges of the sheet (`A1:C1`); reads the rest of the sheet when the rows were not read to the end. */
  mergedRanges(): Promise<string[]>;
}

function damaged(detail = ''): FileRefused {
  return new FileRefused(
    `ไฟล์ Excel นี้เสียหายหรืออ่านไม่ได้${detail} กรุณาเปิดใน Excel แล้วบันทึกใหม่เป็น "Excel Workbook (.xlsx)" ${ACCEPTED_FILES}`,
  );
}

function tooBig(): FileRefused {
  return new FileRefused('ข้อมูลในไฟล์ Excel มีขนาดใหญ่เกินกว่าที่ระบบรับได้', 413);
}

function notExcel(names: string[], hasMimetype: boolean): FileRefused {
  const what = names.some((n) => n.startsWith('word/'))
    ? 'ไฟล์ Word (.docx)'
    : names.some((n) => n.startsWith('ppt/'))
      ? 'ไฟล์ PowerPoint (.pptx)'
      : hasMimetype
        ? 'ไฟล์ OpenDocument (เช่น .ods ของ LibreOffice) ซึ่งต้องบันทึกเป็น .xlsx ก่อน'
        : 'ไฟล์บีบอัด (.zip) ที่ไม่ใช่ไฟล์ Excel';
  return new FileRefused(`ไฟล์นี้เป็น${what} ${ACCEPTED_FILES}`);
}

/** A part's failure as the refusal a user sees. */
function refusalOf(e: unknown): FileRefused {
  if (e instanceof FileRefused) return e;
  if (e instanceof ZipPartTooLarge) return tooBig();
  return damaged();
}

/** `x:c` → `c`: some writers prefix the spreadsheetml namespace. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * Runs a SAX parser over a stream of XML bytes, yielding what the handlers collected after each
 * chunk. The decoder keeps a multi-byte character cut at a chunk's end for the next chunk.
 */
async function* parseXml<T>(
  stream: Readable,
  setUp: (parser: SaxesParser, out: T[]) => void,
): AsyncGenerator<T[]> {
  const parser = new SaxesParser({ position: false });
  const out: T[] = [];
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  setUp(parser, out);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.write(chunk as Buffer));
      if (failure) throw failure;
      if (out.length) yield out.splice(0, out.length);
    }
    parser.write(decoder.end());
    parser.close();
    if (failure) throw failure;
    if (out.length) yield out.splice(0, out.length);
  } finally {
    stream.destroy();
  }
}

async function readXml(zip: ZipArchive, name: string, limit: InflateLimit, setUp: (p: SaxesParser) => void) {
  for await (const _ of parseXml<never>(await zip.stream(name, limit), (p) => setUp(p))) {
    /* the handlers keep what they need */
  }
}

/** The workbook's first tab: its part and whether dates count from 1904 (old Mac Excel). */
async function firstSheet(zip: ZipArchive): Promise<{ part: string; date1904: boolean }> {
  let relId: string | null = null;
  let date1904 = false;
  await readXml(zip, 'xl/workbook.xml', SMALL_PART_LIMIT, (p) =>
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
      else if (n === 'sheet' && relId === null) relId = t.attributes['r:id'] ?? null;
    }),
  );
  let target: string | null = null;
  if (relId !== null && zip.parts.has('xl/_rels/workbook.xml.rels')) {
    await readXml(zip, 'xl/_rels/workbook.xml.rels', SMALL_PART_LIMIT, (p) =>
      p.on('opentag', (t) => {
        if (local(t.name) === 'Relationship' && t.attributes.Id === relId)
          target = t.attributes.Target ?? null;
      }),
    );
  }
  const t = target as string | null;
  const part = t ? (t.startsWith('/') ? t.slice(1) : `xl/${t}`) : 'xl/worksheets/sheet1.xml';
  if (!zip.parts.has(part)) throw damaged(' (ไม่พบแผ่นงานแรก)');
  return { part, date1904 };
}

/** exceljs's rule (utils.isDateFmt), kept so that the same cells are dates as before. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, as exceljs knows them). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (the `s` of a cell, an index into cellXfs) show a date. */
async function dateStyles(zip: ZipArchive): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!zip.parts.has('xl/styles.xml')) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await readXml(zip, 'xl/styles.xml', SMALL_PART_LIMIT, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(t.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) dates.add(index);
        index++;
      }
    });
    p.on('closetag', (t) => {
      if (local(t.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return dates;
}

/** The shared strings, rich text joined; phonetic guides (`rPh`) left out. */
async function sharedStrings(zip: ZipArchive): Promise<string[]> {
  const name = ['xl/sharedStrings.xml', 'xl/SharedStrings.xml'].find((n) => zip.parts.has(n));
  if (!name) return [];
  const strings: string[] = [];
  let text: string[] | null = null;
  let inT = false;
  let inPhonetic = 0;
  await readXml(zip, name, SHARED_STRINGS_LIMIT, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'si') text = [];
      else if (n === 'rPh') inPhonetic++;
      else if (n === 't' && !inPhonetic) inT = true;
    });
    p.on('text', (s) => {
      if (inT && text) text.push(s);
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 't') inT = false;
      else if (n === 'rPh') inPhonetic--;
      else if (n === 'si' && text) {
        strings.push(text.length === 1 ? text[0] : text.join(''));
        text = null;
      }
    });
  });
  return strings;
}

/** `BC12` → 54 (0-based column); -1 when there are no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** A serial day number as a date, as exceljs converts it (1900 system, or 1904). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetContext {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  merges: string[];
}

/** Hooks the sheet's row, cell and merge elements; each finished row is pushed to `out`. */
function sheetHandlers(ctx: SheetContext) {
  return (p: SaxesParser, out: XlsxRow[]) => {
    let rowNo = 0;
    let cells: CellValue[] = [];
    let formulas: number[] = [];
    let col = -1;
    let type = 'n';
    let style = 0;
    let hasFormula = false;
    let value = '';
    let collecting = false;
    let inInline = false;
    let inPhonetic = 0;
    p.on('opentag', (t: SaxesTagPlain) => {
      switch (local(t.name)) {
        case 'row': {
          const r = Number(t.attributes.r);
          rowNo = r > 0 ? r : rowNo + 1;
          cells = [];
          formulas = [];
          col = -1;
          break;
        }
        case 'c': {
          const at = t.attributes.r ? columnOf(t.attributes.r) : -1;
          col = at >= 0 ? at : col + 1;
          type = t.attributes.t ?? 'n';
          style = t.attributes.s ? Number(t.attributes.s) : 0;
          hasFormula = false;
          value = '';
          inInline = false;
          break;
        }
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          collecting = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          inPhonetic++;
          break;
        case 't':
          if (inInline && !inPhonetic) collecting = true;
          break;
        case 'mergeCell':
          if (t.attributes.ref) ctx.merges.push(t.attributes.ref);
          break;
      }
    });
    p.on('text', (s) => {
      if (collecting) value += s;
    });
    p.on('closetag', (t) => {
      switch (local(t.name)) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          inPhonetic--;
          break;
        case 'c': {
          if (hasFormula) {
            formulas.push(col);
            break;
          }
          let v: CellValue = null;
          if (type === 's') v = ctx.strings[Number(value)] ?? null;
          else if (type === 'inlineStr' || type === 'str') v = value;
          else if (type === 'b') v = value === '1' || value === 'true';
          else if (type === 'e') v = { error: value };
          else if (type === 'd') v = value ? new Date(value) : null;
          else if (value !== '') {
            const n = Number(value);
            v = Number.isNaN(n) ? value : ctx.dates.has(style) ? excelDate(n, ctx.date1904) : n;
          }
          if (v !== null) {
            while (cells.length < col) cells.push(null);
            cells[col] = v;
          }
          break;
        }
        case 'row':
          out.push({ row: rowNo, cells, formulas });
          break;
      }
    });
  };
}

/** Opens the workbook's first tab for streaming. Refuses (Thai) what is not a readable .xlsx. */
export async function openXlsx(bytes: Buffer): Promise<XlsxSheet> {
  let zip: ZipArchive;
  try {
    zip = await openZip(bytes);
  } catch {
    throw damaged(' (โครงสร้างไฟล์ไม่สมบูรณ์ อาจดาวน์โหลดหรือคัดลอกมาไม่ครบ)');
  }
  let ctx: SheetContext;
  let part: string;
  try {
    const names = [...zip.parts.keys()];
    if (!zip.parts.has('xl/workbook.xml')) throw notExcel(names, zip.parts.has('mimetype'));
    if ([...zip.parts.values()].some((e) => e.encrypted)) throw damaged(' (ไฟล์ถูกเข้ารหัส)');
    const sheet = await firstSheet(zip);
    part = sheet.part;
    if (zip.parts.get(part)!.size > SHEET_LIMIT.maxBytes) throw tooBig();
    const [strings, dates] = [await sharedStrings(zip), await dateStyles(zip)];
    ctx = { strings, dates, date1904: sheet.date1904, merges: [] };
  } catch (e) {
    zip.close();
    throw refusalOf(e);
  }
  let complete = false;
  let reading: Promise<void> | null = null;
  const readRows = async function* (): AsyncGenerator<XlsxRow> {
    try {
      for await (const batch of parseXml(await zip.stream(part, SHEET_LIMIT), sheetHandlers(ctx)))
        yield* batch;
      complete = true;
    } catch (e) {
      throw refusalOf(e);
    }
  };
  return {
    rows: (async function* () {
      try {
        yield* readRows();
      } finally {
        if (complete) zip.close();
      }
    })(),
    async mergedRanges() {
      if (!complete) {
        // The rows stopped early (no header, a formula): the merges come after the rows, read on to them.
        reading ??= (async () => {
          for await (const _ of readRows()) {
            /* rows already judged */
          }
        })();
        try {
          await reading;
        } finally {
          zip.close();
        }
      }
      return ctx.merges;
    },
  };
}
