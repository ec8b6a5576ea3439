import { INK, put, SARABUN, wrapThai, type Doc, type ThaiFont } from './thai-pdf';

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** One paragraph of a cell; a cell of several (e.g. a name, then a position in grey) stacks them. */
export interface CellParagraph {
  text: string;
  font?: ThaiFont;
  color?: string;
}
export type TableCell = string | readonly CellParagraph[];

export interface TableOptions {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  x: number;
  y: number;
  /** The lowest y a row may reach on any page. */
  bottom: number;
  /** Adds a page, draws its running header, and returns the y the table continues at. */
  newPage: () => number;
  fontSize?: number;
  headerFontSize?: number;
  paddingX?: number;
  paddingY?: number;
  headerFill?: string;
  /** What a table without rows says, across all its columns. */
  emptyText?: string;
}

interface LaidCell {
  lines: { text: string; font: ThaiFont; color: string }[];
}

/**
 * A ruled table: a shaded header row (repeated at the top of every page the table runs onto),
 * cells wrapped with wrapThai and set top-aligned. A row moves whole to the next page when it
 * does not fit; only a row taller than a whole page is split, line by line. Returns the y under
 * the table.
 */
export function drawTable(doc: Doc, o: TableOptions): number {
  const size = o.fontSize ?? 10.5;
  const headerSize = o.headerFontSize ?? size;
  const padX = o.paddingX ?? 4;
  const padY = o.paddingY ?? 3;
  const lh = size * SARABUN.lineHeight;
  const width = o.columns.reduce((w, c) => w + c.width, 0);

  const lay = (cell: TableCell, col: TableColumn, font: ThaiFont = 'regular', at = size): LaidCell => {
    const paragraphs = typeof cell === 'string' ? [{ text: cell }] : cell;
    return {
      lines: paragraphs.flatMap((p) =>
        wrapThai(doc, p.text, col.width - 2 * padX, p.font ?? font, at).map((text) => ({
          text,
          font: p.font ?? font,
          color: p.color ?? INK,
        })),
      ),
    };
  };
  const header = o.columns.map((c) => lay(c.header, c, 'bold', headerSize));
  const headerH = Math.max(...header.map((c) => c.lines.length)) * headerSize * SARABUN.lineHeight + 2 * padY;

  const rule = (y: number, h: number) => {
    doc.save().lineWidth(0.6).strokeColor('#000000');
    let x = o.x;
    for (const c of o.columns) {
      doc.rect(x, y, c.width, h);
      x += c.width;
    }
    doc.stroke().restore();
  };
  const text = (
    cell: LaidCell,
    col: TableColumn,
    x: number,
    y: number,
    from: number,
    to: number,
    at: number,
  ) => {
    cell.lines.slice(from, to).forEach((l, i) =>
      put(doc, l.text, x + padX, y + padY + i * at * SARABUN.lineHeight, l.font, at, l.color, {
        width: col.width - 2 * padX,
        align: col.align ?? 'left',
      }),
    );
  };
  const drawHeader = (y: number): number => {
    if (o.headerFill) doc.save().rect(o.x, y, width, headerH).fill(o.headerFill).restore();
    let x = o.x;
    o.columns.forEach((c, i) => {
      const h = header[i].lines.length * headerSize * SARABUN.lineHeight;
      // Header labels are centred both ways.
      text(
        header[i],
        { ...c, align: 'center' },
        x,
        y + (headerH - 2 * padY - h) / 2,
        0,
        Infinity,
        headerSize,
      );
      x += c.width;
    });
    rule(y, headerH);
    return y + headerH;
  };

  let top = o.y;
  let y = drawHeader(top);
  const freshPage = () => {
    top = o.newPage();
    y = drawHeader(top);
  };

  if (o.rows.length === 0 && o.emptyText) {
    const empty = lay(o.emptyText, { header: '', width }, 'regular');
    const h = empty.lines.length * lh + 4 * padY;
    if (y + h > o.bottom) freshPage();
    text(empty, { header: '', width, align: 'center' }, o.x, y + padY, 0, Infinity, size);
    doc.save().lineWidth(0.6).strokeColor('#000000').rect(o.x, y, width, h).stroke().restore();
    return y + h;
  }

  for (const row of o.rows) {
    const cells = o.columns.map((c, i) => lay(row[i] ?? '', c));
    const total = Math.max(1, ...cells.map((c) => c.lines.length));
    let from = 0;
    while (from < total) {
      const room = Math.floor((o.bottom - y - 2 * padY) / lh);
      const rest = total - from;
      // Move the row whole to a new page, unless this page holds nothing of the table yet.
      if (room < rest && y > top + headerH + 0.5) {
        freshPage();
        continue;
      }
      const take = Math.max(1, Math.min(rest, room));
      const h = take * lh + 2 * padY;
      let x = o.x;
      o.columns.forEach((c, i) => {
        text(cells[i], c, x, y, from, from + take, size);
        x += c.width;
      });
      rule(y, h);
      y += h;
      from += take;
      if (from < total) freshPage();
    }
  }
  return y;
}
