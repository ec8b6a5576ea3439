import { PDFParse } from 'pdf-parse';
import { drawTable } from './pdf-table';
import {
  createThaiDocument,
  fitLines,
  put,
  thaiDate,
  thaiDigits,
  thaiTime,
  wrapThai,
  type Doc,
} from './thai-pdf';

/** Each page's text, with SARA AM (which reads back as NIKHAHIT + SARA AA) folded as typed. */
async function textOf(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text.replace(/\u0E4D\u0E32/g, '\u0E33'));
  } finally {
    await parser.destroy();
  }
}

function scratch(): Doc {
  const { doc } = createThaiDocument({ layout: 'portrait', title: 'ทดสอบ' });
  doc.addPage();
  return doc;
}

/** Marks that sit on a consonant: a line may never start with one. */
const MARK = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

describe('Thai dates and numerals', () => {
  it('writes a date as Thai documents do, on Thailand’s calendar, Buddhist era', () => {
    expect(thaiDate(new Date('2026-11-22T03:00:00Z'))).toBe('22 พฤศจิกายน 2569');
    // 00:30 on 22 November in Bangkok is still 21 November in UTC.
    expect(thaiDate(new Date('2026-11-21T17:30:00Z'))).toBe('22 พฤศจิกายน 2569');
    expect(thaiDate('2026-01-01')).toBe('1 มกราคม 2569');
    expect(thaiDate('2025-06-10', { short: true })).toBe('10 มิ.ย. 2568');
    expect(thaiDate('2026-11-22', { thaiNumerals: true })).toBe('๒๒ พฤศจิกายน ๒๕๖๙');
  });

  it('turns Arabic digits into Thai numerals and tells the time in Thailand', () => {
    expect(thaiDigits(2569)).toBe('๒๕๖๙');
    expect(thaiDigits('ป.1 ห้อง 10/2')).toBe('ป.๑ ห้อง ๑๐/๒');
    expect(thaiTime(new Date('2026-11-22T02:05:00Z'))).toBe('09:05 น.');
    expect(thaiTime(new Date('2026-11-22T02:05:00Z'), { thaiNumerals: true })).toBe('๐๙:๐๕ น.');
  });
});

describe('wrapThai', () => {
  const doc = scratch();
  const text =
    'ให้สถานศึกษาที่มีข้อมูลดังกล่าว นำข้อมูลนักเรียนและเด็กเล็กดังกล่าวออกจากระบบข้อมูลสารสนเทศทางการศึกษาท้องถิ่น ' +
    'และให้จัดทำทะเบียนของนักเรียนหรือเด็กเล็กที่ไม่มีตัวตนดังกล่าวไว้ที่สถานศึกษา ต่าง ๆ นานาๆ';

  it('breaks Thai at word boundaries, every line within the width, losing no character', () => {
    const lines = wrapThai(doc, text, 120, 'regular', 11);
    expect(lines.length).toBeGreaterThan(5);
    doc.font('regular').fontSize(11);
    for (const line of lines) {
      expect(doc.widthOfString(line)).toBeLessThanOrEqual(120);
      expect(line).not.toMatch(MARK);
      expect(line).not.toMatch(/^ๆ/);
    }
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    // Whole words: none of these is cut in two.
    for (const word of ['สถานศึกษา', 'ทะเบียน', 'สารสนเทศ', 'ท้องถิ่น'])
      expect(lines.some((l) => l.includes(word))).toBe(true);
  });

  it('breaks a word longer than a line between grapheme clusters, and keeps line breaks', () => {
    const lines = wrapThai(doc, 'ศูนย์พัฒนาเด็กเล็กองค์การบริหารส่วนตำบล\nหมู่ที่ 3', 30, 'bold', 11);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toMatch(MARK);
    expect(lines.at(-1)).toBe('3');
    expect(wrapThai(doc, '', 100, 'regular', 11)).toEqual([]);
  });

  it('fitLines shrinks the size until the text fits the lines it has', () => {
    const fit = fitLines(doc, 'โรงเรียนเทศบาล 1 (วัดพระบาทมิ่งเมือง)', 'bold', 150, 1, [14, 12, 10, 8]);
    expect(fit.lines).toHaveLength(1);
    expect(fit.size).toBeLessThan(14);
  });
});

describe('the PDF text layer', () => {
  it('reads SARA AM back as NIKHAHIT + SARA AA in every weight, and a plain SARA AA as itself', async () => {
    const { doc, done } = createThaiDocument({ layout: 'portrait', title: 'ทดสอบ' });
    doc.addPage();
    const words = 'ลำดับ น้ำ ค่ำ ปำ ประชาชน จำนวน';
    (['bold', 'semibold', 'regular'] as const).forEach((font, i) =>
      put(doc, words, 40, 40 + i * 30, font, 12),
    );
    doc.end();
    const parser = new PDFParse({ data: new Uint8Array(await done) });
    const lines = (await parser.getText()).pages[0].text.trim().split('\n');
    await parser.destroy();
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toBe(words.normalize('NFKC'));
      expect(line.replace(/\u0E4D\u0E32/g, '\u0E33')).toBe(words);
    }
  });
});

describe('drawTable', () => {
  it('repeats the header row on every page and moves a row that does not fit whole to the next', async () => {
    const { doc, done } = createThaiDocument({ layout: 'landscape', title: 'ตาราง', bufferPages: true });
    doc.addPage();
    let pages = 1;
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `แถวที่ ${i + 1}`, 'ข้อความ\nสองบรรทัด']);
    const y = drawTable(doc, {
      columns: [
        { header: 'ลำดับ', width: 40, align: 'center' },
        { header: 'รายการ', width: 200 },
        { header: 'หมายเหตุ', width: 200 },
      ],
      rows,
      x: 36,
      y: 36,
      bottom: 560,
      newPage: () => {
        doc.addPage();
        pages++;
        return 36;
      },
    });
    expect(y).toBeLessThanOrEqual(560);
    expect(doc.bufferedPageRange().count).toBe(pages);
    doc.end();
    const texts = await textOf(await done);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t).toMatch(/^ลำดับ รายการ หมายเหตุ/);
    // No row is split: each page's rows are whole ("ข้อความ" then "สองบรรทัด").
    for (const t of texts) expect(t.match(/ข้อความ/g)?.length).toBe(t.match(/สองบรรทัด/g)?.length);
    expect(texts.join('\n')).toContain('แถวที่ 60');
  });

  it('splits only a row taller than a whole page, and says when there are no rows', async () => {
    const { doc, done } = createThaiDocument({ layout: 'portrait', title: 'ตาราง' });
    doc.addPage();
    const tall = Array.from({ length: 80 }, (_, i) => `บรรทัดที่ ${i + 1}`).join('\n');
    let pages = 1;
    const newPage = () => {
      doc.addPage();
      pages++;
      return 40;
    };
    const columns = [{ header: 'ข้อความ', width: 300 }];
    drawTable(doc, { columns, rows: [[tall]], x: 40, y: 40, bottom: 800, newPage });
    expect(pages).toBe(2);
    const y = drawTable(doc, {
      columns,
      rows: [],
      x: 40,
      y: 600,
      bottom: 800,
      newPage,
      emptyText: 'ไม่มีข้อมูล',
    });
    expect(y).toBeGreaterThan(600);
    doc.end();
    const text = (await textOf(await done)).join('\n');
    expect(text).toContain('บรรทัดที่ 80');
    expect(text).toContain('ไม่มีข้อมูล');
  });
});
