import ExcelJS from 'exceljs';
import type { OrgUnitRow } from '../org-units/org-unit.entity';
import { gradeLabels, grades } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { formatThaiDate } from '../../shared/thai-calendar';
import type { AgeGroupCountView, CountsSectionView, EnrolmentCountsView } from './figures.view';

const kindLabels: Record<OrgUnitRow['kind'], string> = {
  DEPARTMENT: 'กรมส่งเสริมการปกครองท้องถิ่น',
  PROVINCE: 'จังหวัด',
  LAO: 'อปท.',
  SCHOOL: 'โรงเรียน',
  CDC: 'ศูนย์พัฒนาเด็กเล็ก',
  OTHER_SCHOOL: 'สถานศึกษาสังกัดอื่น',
};

export const SECTION_HEADERS = ['นักเรียนในระบบ', 'สถานศึกษาสังกัดอื่น', 'รวมทั้งสิ้น'];

function sourceOf(v: EnrolmentCountsView, roundName: string | null): string {
  if (v.mode === 'CONFIRMED') return `ข้อมูลที่ยืนยันแล้ว ${roundName ?? v.roundId}`;
  if (v.mode === 'AS_OF') return `ตามที่บันทึกไว้ ณ ${v.at?.toISOString()}`;
  return 'ตามที่บันทึกไว้ขณะนี้';
}

const cell = (s: CountsSectionView, grade: string, sex: Sex) =>
  s.rows.find((r) => r.grade === grade && r.sex === sex)?.count ?? 0;

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

/** Grade rows × (register, funded schools, combined) × (male, female, total), with a total row. */
function gradeSheet(wb: ExcelJS.Workbook, v: EnrolmentCountsView, title: string[]): void {
  const sheet = wb.addWorksheet('จำนวนนักเรียน');
  for (const line of title) sheet.addRow([line]);
  sheet.addRow([]);
  bold(sheet.addRow(['ระดับชั้น', ...SECTION_HEADERS.flatMap((h) => [`${h} ชาย`, `${h} หญิง`, `${h} รวม`])]));
  const sections = [v.enrolled, v.otherSchools, v.combined];
  for (const grade of grades) {
    const values = sections.flatMap((s) => {
      const m = cell(s, grade, 'MALE');
      const f = cell(s, grade, 'FEMALE');
      return [m, f, m + f];
    });
    sheet.addRow([gradeLabels[grade].short, ...values]);
  }
  bold(sheet.addRow(['รวม', ...sections.flatMap((s) => [s.male, s.female, s.total])]));
  sheet.getColumn(1).width = 14;
  for (let i = 2; i <= 10; i++) sheet.getColumn(i).width = 16;
}

function groupSheet(
  wb: ExcelJS.Workbook,
  name: string,
  head: string,
  rows: { label: string; male: number; female: number; total: number }[],
): void {
  const sheet = wb.addWorksheet(name);
  bold(sheet.addRow([head, 'ชาย', 'หญิง', 'รวม']));
  for (const r of rows) sheet.addRow([r.label, r.male, r.female, r.total]);
  sheet.getColumn(1).width = 40;
}

export interface ChildCounts {
  unit: Pick<OrgUnitRow, 'code' | 'name' | 'kind'>;
  counts: EnrolmentCountsView;
}

/**
 * The counts of a unit as a workbook with Thai headers: by grade (register, funded schools,
 * combined), by nationality and CDC age group when the mode has them, and one row per unit
 * directly below it.
 */
export async function countsWorkbook(args: {
  unit: Pick<OrgUnitRow, 'code' | 'name' | 'kind'>;
  counts: EnrolmentCountsView;
  ageGroups: AgeGroupCountView[] | null;
  children: ChildCounts[];
  roundName: string | null;
}): Promise<Buffer> {
  const { unit, counts: v } = args;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LEC';
  const title = [
    `จำนวนนักเรียน: ${kindLabels[unit.kind]} ${unit.name} (${unit.code})${v.district ? ` อำเภอ${v.district}` : ''}`,
    `ข้อมูล: ${sourceOf(v, args.roundName)}`,
    `วันที่อ้างอิงอายุเด็กเล็ก: ${formatThaiDate(v.referenceDate)}`,
  ];
  gradeSheet(wb, v, title);
  if (v.byNationality)
    groupSheet(
      wb,
      'สัญชาติ',
      'สัญชาติ (นักเรียนในระบบ)',
      v.byNationality.map((n) => ({ ...n, label: n.label })),
    );
  if (args.ageGroups) groupSheet(wb, 'ช่วงอายุเด็กเล็ก', 'ช่วงอายุเด็กเล็ก', args.ageGroups);
  if (args.children.length) {
    const sheet = wb.addWorksheet('รายหน่วยงาน');
    bold(
      sheet.addRow([
        'รหัส',
        'ชื่อหน่วยงาน',
        'ประเภท',
        ...SECTION_HEADERS.flatMap((h) => [`${h} ชาย`, `${h} หญิง`, `${h} รวม`]),
      ]),
    );
    for (const c of args.children)
      sheet.addRow([
        c.unit.code,
        c.unit.name,
        kindLabels[c.unit.kind],
        ...[c.counts.enrolled, c.counts.otherSchools, c.counts.combined].flatMap((s) => [
          s.male,
          s.female,
          s.total,
        ]),
      ]);
    sheet.getColumn(2).width = 40;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
