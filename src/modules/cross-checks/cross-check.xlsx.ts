import ExcelJS from 'exceljs';
import { gradeLabels } from '../pupils/rules/grades';
import { sexLabels } from '../pupils/rules/name-prefixes';
import type { CrossCheckReport } from './cross-check.reads';

const sourceLabels = { REGISTER: 'ทะเบียนนักเรียน (สังกัด อปท.)', CERTIFIED_LIST: 'แบบรับรองรายชื่อ (สังกัดอื่น)' };
const kindLabels = { REGISTER_AND_LIST: 'ทะเบียน + แบบรับรองรายชื่อ', TWO_LISTS: 'แบบรับรองรายชื่อสองแห่ง' };

/** The cross-check as a workbook: one row per place a duplicated ID is found, grouped by ID. */
export async function crossCheckWorkbook(r: CrossCheckReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('รายชื่อซ้ำข้ามสังกัด');
  ws.addRow([
    `รายงานตรวจสอบรายชื่อซ้ำข้ามสังกัด รอบ ${r.roundId} (${r.roundStatus === 'OPEN' ? 'เปิดอยู่: ทะเบียนปัจจุบัน' : 'ปิดแล้ว: ทะเบียนที่ยืนยันแล้ว'})`,
  ]).font = { bold: true };
  ws.addRow([
    `${r.unit.name} (${r.unit.code}): สถานศึกษาสังกัดอื่น ${r.fundedSchools} แห่ง เก็บแบบรับรองรายชื่อแล้ว ${r.listsStored} แห่ง พบเลขซ้ำ ${r.duplicates.length} เลข`,
  ]);
  ws.addRow(['เลขประจำตัวแสดงบางส่วนเท่านั้น']);
  ws.addRow([]);
  ws.addRow([
    'ลำดับ',
    'เลขประจำตัว (ปกปิดบางส่วน)',
    'ลักษณะ',
    'พบที่',
    'รหัสหน่วย',
    'ชื่อหน่วย',
    'อปท.',
    'อำเภอ',
    'จังหวัด',
    'ชั้น',
    'เพศ',
    'SHA-256 ของแบบรับรองรายชื่อ',
  ]).font = { bold: true };
  r.duplicates.forEach((d, i) => {
    for (const p of d.places)
      ws.addRow([
        i + 1,
        d.citizenId,
        kindLabels[d.kind],
        sourceLabels[p.source],
        p.unitCode,
        p.unitName,
        p.laoName ?? '',
        p.district ?? '',
        p.provinceCode ?? '',
        gradeLabels[p.grade]?.short ?? p.grade,
        sexLabels[p.sex],
        p.listDigest ?? '',
      ]);
  });
  ws.columns.forEach((c, i) => (c.width = [6, 22, 24, 26, 14, 36, 30, 16, 8, 8, 6, 66][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
