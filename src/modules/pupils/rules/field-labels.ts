import type { PupilDetails } from '../pupil.events';

/**
 * The name of each pupil detail as the pupil form shows it, in the form's order: the history's
 * correction lines and the changes since a confirmation both name fields with it.
 */
export const pupilFieldLabels: Partial<Record<keyof PupilDetails, string>> = {
  citizenId: 'เลขประจำตัวประชาชน',
  prefix: 'คำนำหน้า',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  sex: 'เพศ',
  birthDate: 'วันเกิด',
  nationality: 'สัญชาติ',
  religion: 'ศาสนา',
  grade: 'ระดับชั้น',
  enrolmentDate: 'วันที่เข้าเรียน',
  disadvantaged: 'นักเรียนด้อยโอกาส',
};
