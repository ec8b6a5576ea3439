import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, RawRow } from './cells';
import { ACCEPTED_FILES, FileRefused } from './import-errors';
import { readZipEntry, zipEntries, type ZipEntry } from './zip-entries';

/** No 100,000-row sheet comes near this; a zip bomb does. */
const MAX_SHEET_XML = 400 * 1024 * 1024;

const MERGE = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;

/** A row as read, with the 0-based columns of any formula cells in it. */
export interface XlsxRow extends RawRow {
  formulas: number[];
}

export interface XlsxSheet {
  rows: AsyncIterable<XlsxRow>;
  /** The merged ranges of the sheet (`A1:C1`), read from its XML, which exceljs's streaming reader skips. */
  mergedRanges(): string[];
}

function damaged(detail = ''): FileRefused {
  return new FileRefused(
    `ไฟล์ Excel นี้เสียหายหรืออ่านไม่ได้${detail} กรุณาเปิดใน Excel แล้วบันทึกใหม่เป็น "Excel Workbook (.xlsx)" ${ACCEPTED_FILES}`,
  );
}

function notExcel(entries: Map<string, ZipEntry>): FileRefused {
  const names = [...entries.keys()];
  const what = names.some((n) => n.startsWith('word/'))
    ? 'ไฟล์ Word (.docx)'
    : names.some((n) => n.startsWith('ppt/'))
      ? 'ไฟล์ PowerPoint (.pptx)'
      : entries.has('mimetype')
        ? 'ไฟล์ OpenDocument (เช่น .ods ของ LibreOffice) ซึ่งต้องบันทึกเป็น .xlsx ก่อน'
        : 'ไฟล์บีบอัด (.zip) ที่ไม่ใช่ไฟล์ Excel';
  return new FileRefused(`ไฟล์นี้เป็น${what} ${ACCEPTED_FILES}`);
}

/** The part of the workbook's first tab, from workbook.xml and its relationships; null if they cannot tell. */
function firstSheetPart(bytes: Buffer, entries: Map<string, ZipEntry>): string | null {
  const wb = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return null;
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(readZipEntry(bytes, wb, 16 << 20).toString());
  if (!sheet) return null;
  const relsXml = readZipEntry(bytes, rels, 16 << 20).toString();
  const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]}"[^>]*>`).exec(relsXml)?.[0];
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  return target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : null;
}

function cellOf(v: unknown): CellValue | 'formula' {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v as CellValue;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return 'formula';
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if (typeof o.error === 'string') return { error: o.error };
  if (typeof o.text === 'string') return o.text; // a hyperlink
  return null;
}

async function* rowsOf(sheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncIterable<XlsxRow> {
  for await (const row of sheet) {
    const values = row.values as unknown[];
    const cells = new Array<CellValue>(Math.max(0, values.length - 1)).fill(null);
    const formulas: number[] = [];
    for (let i = 1; i < values.length; i++) {
      const c = cellOf(values[i]);
      if (c === 'formula') formulas.push(i - 1);
      else cells[i - 1] = c;
    }
    yield { row: row.number, cells, formulas };
  }
}

/** Opens the workbook's first tab for streaming (exceljs's streaming reader: styles kept, so date cells are dates). */
export function openXlsx(bytes: Buffer): XlsxSheet {
  const entries = zipEntries(bytes);
  if (!entries) throw damaged(' (โครงสร้างไฟล์ไม่สมบูรณ์ อาจดาวน์โหลดหรือคัดลอกมาไม่ครบ)');
  if (!entries.has('xl/workbook.xml')) throw notExcel(entries);
  if ([...entries.values()].some((e) => e.encrypted)) throw damaged(' (ไฟล์ถูกเข้ารหัส)');
  let part: string | null;
  try {
    part = firstSheetPart(bytes, entries);
  } catch {
    throw damaged();
  }
  const sheetNo = part && /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1];
  const entry = part ? entries.get(part) : undefined;
  if (entry && entry.size > MAX_SHEET_XML)
    throw new FileRefused('ข้อมูลในไฟล์ Excel มีขนาดใหญ่เกินกว่าที่ระบบรับได้', 413);
  return {
    rows: (async function* () {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      // Zip writers (exceljs's own among them, under load) may store a sheet before workbook.xml;
      // exceljs's reader then reads `model.sheets` before it has a model and throws. Without one,
      // the sheet keeps the number of its part, which is what is matched below.
      const withModel = reader as unknown as { model?: { sheets?: unknown[] } };
      withModel.model ??= { sheets: [] };
      try {
        for await (const sheet of reader) {
          const id = String((sheet as unknown as { id: string | number }).id);
          if (sheetNo && id !== sheetNo) continue;
          yield* rowsOf(sheet);
          return;
        }
      } catch (e) {
        if (e instanceof FileRefused) throw e;
        throw damaged();
      }
    })(),
    mergedRanges() {
      if (!entry) return [];
      let xml: Buffer;
      try {
        xml = readZipEntry(bytes, entry, MAX_SHEET_XML);
      } catch {
        throw damaged();
      }
      const at = xml.indexOf('mergeCell ');
      if (at < 0) return [];
      return [...xml.toString('utf8', Math.max(0, at - 10)).matchAll(MERGE)].map((m) => m[1]);
    },
  };
}
