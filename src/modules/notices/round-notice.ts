import type { RoundDeadlinesChanged, RoundOpened } from '../rounds/round.events';
import { formatThaiDate } from '../../shared/thai-calendar';

const DEPARTMENT = 'กรมส่งเสริมการปกครองท้องถิ่น';

function deadlinesText(d: { institutionDeadline: string; laoDeadline: string; provinceDeadline: string }) {
  return (
    `ให้สถานศึกษายืนยันข้อมูลในระดับสถานศึกษา ภายในวันที่ ${formatThaiDate(d.institutionDeadline)}\n` +
    `ให้องค์กรปกครองส่วนท้องถิ่นยืนยันข้อมูลในระดับองค์กรปกครองส่วนท้องถิ่น ภายในวันที่ ${formatThaiDate(d.laoDeadline)}\n` +
    `ให้จังหวัดยืนยันข้อมูลในระดับจังหวัด ภายในวันที่ ${formatThaiDate(d.provinceDeadline)}`
  );
}

/**
 * The notice a round's opening posts by itself, worded after the opening letter (seed 004): what
 * to record, as of which day, and each level's deadline.
 */
export function roundOpenedNotice(d: RoundOpened['data']): { title: string; body: string } {
  const round = `ประจำปีการศึกษา ${d.academicYear} (ครั้งที่ ${d.roundNo})`;
  return {
    title: `แจ้งการเปิดระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC) ${round}`,
    body:
      `${DEPARTMENT}เปิดระบบสารสนเทศทางการศึกษาท้องถิ่น (Local Education Center information system: LEC) ` +
      'เพื่อให้องค์กรปกครองส่วนท้องถิ่น และสถานศึกษาสังกัดองค์กรปกครองส่วนท้องถิ่น นำเข้าและบันทึกข้อมูลนักเรียนหรือเด็กเล็กของสถานศึกษา ' +
      `รวมทั้งข้อมูลจำนวนนักเรียนของสถานศึกษาสังกัดอื่น ${round} ในฐานข้อมูลนักเรียนหรือเด็กเล็ก ณ วันที่ ${formatThaiDate(d.snapshotDate)} ` +
      'เพื่อใช้เป็นฐานข้อมูลประกอบการพิจารณาจัดสรรงบประมาณด้านการศึกษาให้แก่องค์กรปกครองส่วนท้องถิ่น\n\n' +
      `${deadlinesText(d)}\n\n` +
      'องค์กรปกครองส่วนท้องถิ่นที่อุดหนุนสถานศึกษาสังกัดอื่น ให้ตรวจสอบจำนวนนักเรียนตามแบบรับรองรายชื่อนักเรียนก่อนบันทึก ' +
      'สถานศึกษาที่ยุบ รวม หรือเลิก ให้กรอกจำนวนนักเรียนเป็นเลขศูนย์ (0)',
  };
}

export function roundDeadlinesChangedNotice(d: RoundDeadlinesChanged['data']): {
  title: string;
  body: string;
} {
  return {
    title: `แจ้งการเปลี่ยนกำหนดยืนยันข้อมูล รอบ ${d.roundId}`,
    body: `${DEPARTMENT}เปลี่ยนกำหนดการยืนยันข้อมูลในระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC) ดังนี้\n\n${deadlinesText(d)}`,
  };
}
