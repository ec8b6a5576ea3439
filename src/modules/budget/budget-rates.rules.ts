import { badInput } from '../../shared/errors';
import { isIsoDate } from '../../shared/thai-calendar';

/** One school-size band of the lunch rate: schools of minPupils..maxPupils pupils (null: and more). */
export interface LunchBand {
  minPupils: number;
  maxPupils: number | null;
  /** Baht per pupil per school day. */
  ratePerDay: number;
}

/** The rates of the milk and lunch subsidies, in force from a date (baht, to the satang). */
export interface BudgetRatesData {
  /** ISO date from which these rates apply; null for the built-in defaults (before any the department set). */
  effectiveFrom: string | null;
  lunchBands: LunchBand[];
  lunchDays: number;
  /** Milk: baht per pasteurised bag (นมพาสเจอร์ไรส์) and per UHT box (นม ยู.เอช.ที.), one a day. */
  milkPasteurisedPerBag: number;
  milkUhtPerBox: number;
  milkDays: number;
  /**
   * Lunch for CDC children. The Cabinet rates above are per school; neither they nor the
   * department's letters in the sources give one for CDCs, so by default CDC children count for
   * milk only, until the department sets a rate here.
   */
  cdcLunchPerDay: number | null;
  cdcLunchDays: number | null;
  note: string | null;
}

/**
 * The defaults: the Cabinet decisions in force as the issue states them — lunch by school size
 * 36 / 27 / 24 / 22 baht per pupil per day for 1–40 / 41–100 / 101–120 / 121+ pupils, 200 days;
 * milk 6.89 baht per pasteurised bag or 8.13 per UHT box, 260 days. The letters in
 * ../shared/sources/ do not carry these figures: the department should confirm them (and set the
 * date they took effect) with setBudgetRates.
 */
export const DEFAULT_RATES: BudgetRatesData = {
  effectiveFrom: null,
  lunchBands: [
    { minPupils: 1, maxPupils: 40, ratePerDay: 36 },
    { minPupils: 41, maxPupils: 100, ratePerDay: 27 },
    { minPupils: 101, maxPupils: 120, ratePerDay: 24 },
    { minPupils: 121, maxPupils: null, ratePerDay: 22 },
  ],
  lunchDays: 200,
  milkPasteurisedPerBag: 6.89,
  milkUhtPerBox: 8.13,
  milkDays: 260,
  cdcLunchPerDay: null,
  cdcLunchDays: null,
  note: 'ค่าเริ่มต้นตามมติคณะรัฐมนตรี (อาหารกลางวันตามขนาดโรงเรียน 36/27/24/22 บาท 200 วัน; นมพาสเจอร์ไรส์ 6.89 บาท ยู.เอช.ที. 8.13 บาท 260 วัน) — กรมควรยืนยันอัตราและวันที่มีผล',
};

const isMoney = (x: number) =>
  Number.isFinite(x) && x > 0 && x < 1000 && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const isDays = (x: number) => Number.isInteger(x) && x >= 1 && x <= 366;

/** Checks rates the department enters; throws BAD_USER_INPUT naming each bad field. */
export function checkRates(r: BudgetRatesData): BudgetRatesData {
  const fields: Record<string, string> = {};
  if (!r.effectiveFrom || !isIsoDate(r.effectiveFrom))
    fields.effectiveFrom = 'วันที่มีผลต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)';
  const bands = r.lunchBands;
  if (!bands.length) fields.lunchBands = 'ต้องมีอัตราค่าอาหารกลางวันอย่างน้อยหนึ่งช่วงขนาดโรงเรียน';
  bands.forEach((b, i) => {
    const expectedMin = i === 0 ? 1 : (bands[i - 1].maxPupils ?? NaN) + 1;
    const last = i === bands.length - 1;
    if (b.minPupils !== expectedMin)
      fields.lunchBands = `ช่วงขนาดโรงเรียนต้องต่อเนื่องกันตั้งแต่ 1 คน: ช่วงที่ ${i + 1} ต้องเริ่มที่ ${expectedMin} คน`;
    else if (last ? b.maxPupils !== null : !(Number.isInteger(b.maxPupils) && b.maxPupils! >= b.minPupils))
      fields.lunchBands = last
        ? 'ช่วงสุดท้ายต้องไม่มีจำนวนสูงสุด (ขึ้นไป)'
        : `ช่วงที่ ${i + 1} ต้องมีจำนวนนักเรียนสูงสุดไม่น้อยกว่าจำนวนต่ำสุด`;
    else if (!isMoney(b.ratePerDay))
      fields.lunchBands = `อัตราของช่วงที่ ${i + 1} ต้องเป็นจำนวนเงินบาท (ทศนิยมไม่เกิน 2 ตำแหน่ง)`;
  });
  if (!isDays(r.lunchDays)) fields.lunchDays = 'จำนวนวันต้องเป็นจำนวนเต็ม 1–366';
  if (!isDays(r.milkDays)) fields.milkDays = 'จำนวนวันต้องเป็นจำนวนเต็ม 1–366';
  if (!isMoney(r.milkPasteurisedPerBag))
    fields.milkPasteurisedPerBag = 'ราคาต้องเป็นจำนวนเงินบาท (ทศนิยมไม่เกิน 2 ตำแหน่ง)';
  if (!isMoney(r.milkUhtPerBox)) fields.milkUhtPerBox = 'ราคาต้องเป็นจำนวนเงินบาท (ทศนิยมไม่เกิน 2 ตำแหน่ง)';
  if ((r.cdcLunchPerDay === null) !== (r.cdcLunchDays === null))
    fields.cdcLunchPerDay = 'อัตราค่าอาหารกลางวันเด็กเล็กต้องระบุทั้งอัตราและจำนวนวัน หรือไม่ระบุทั้งคู่';
  else if (r.cdcLunchPerDay !== null && !isMoney(r.cdcLunchPerDay))
    fields.cdcLunchPerDay = 'อัตราต้องเป็นจำนวนเงินบาท (ทศนิยมไม่เกิน 2 ตำแหน่ง)';
  else if (r.cdcLunchDays !== null && !isDays(r.cdcLunchDays))
    fields.cdcLunchDays = 'จำนวนวันต้องเป็นจำนวนเต็ม 1–366';
  if (r.note && r.note.length > 1000) fields.note = 'หมายเหตุยาวได้ไม่เกิน 1,000 ตัวอักษร';
  if (Object.keys(fields).length) throw badInput(fields);
  return { ...r, note: r.note?.trim() || null };
}

/** The rates in force on a date: the latest set on or before it, else the defaults. */
export function ratesOn(date: string, set: readonly BudgetRatesData[]): BudgetRatesData {
  let best: BudgetRatesData | null = null;
  for (const r of set)
    if (r.effectiveFrom && r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom!))
      best = r;
  return best ?? DEFAULT_RATES;
}
