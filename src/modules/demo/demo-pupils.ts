import { citizenIdCheckDigit } from '../pupils/rules/citizen-id';
import { schoolGrades, typicalAge, type Grade } from '../pupils/rules/grades';
import type { PupilInputData } from '../pupils/pupil.decider';

const boys = ['ธนากร', 'ภูมิพัฒน์', 'กิตติพงษ์', 'ณัฐวุฒิ', 'ปกรณ์', 'วรเมธ', 'อนุชา', 'ชยพล', 'ศุภกร', 'พีรวิชญ์'];
const girls = [
  'กัญญาณัฐ',
  'ปุณยวีร์',
  'ชนิดาภา',
  'วรรณิศา',
  'อรปรียา',
  'ณิชาภัทร',
  'พิมพ์ชนก',
  'สุชานันท์',
  'ธัญชนก',
  'เบญญาภา',
];
const surnames = [
  'ใจดี',
  'ศรีสุข',
  'แก้วมณี',
  'คำปัน',
  'อินทร์แก้ว',
  'ปัญญาดี',
  'บุญมา',
  'จันทร์เพ็ญ',
  'สายทอง',
  'วงศ์ใหญ่',
  'ทองคำ',
  'ชัยมงคล',
];

/** A deterministic, checksum-valid citizen ID for demo pupil n of an institution (not a real person's). */
function demoCitizenId(institutionCode: string, n: number): string {
  const first12 = ('1' + institutionCode.slice(-6) + String(n).padStart(5, '0')).slice(0, 12);
  return first12 + citizenIdCheckDigit(first12);
}

/** Born in the right year for the grade in the academic year that starts in `ceYear`. */
function birthDateFor(grade: Grade, ceYear: number, n: number): string {
  const age = grade === 'CDC' ? 3 + (n % 2) : typicalAge(grade);
  const month = String(1 + (n % 12)).padStart(2, '0');
  // Born before 16 May so the age on the first day of the year is the grade's.
  return `${ceYear - age - (Number(month) > 5 ? 1 : 0)}-${month}-${String(1 + (n % 27)).padStart(2, '0')}`;
}

/** Pupils of a school (K1 to P6, a few per grade) or children of a CDC, with Thai names. */
export function demoPupils(
  institutionCode: string,
  kind: 'SCHOOL' | 'CDC',
  ceYear: number,
  count: number,
): PupilInputData[] {
  const grades: Grade[] = kind === 'CDC' ? ['CDC'] : schoolGrades.filter((g) => !g.startsWith('M'));
  return Array.from({ length: count }, (_, n) => {
    const male = n % 2 === 0;
    const grade = grades[n % grades.length];
    return {
      citizenId: demoCitizenId(institutionCode, n + 1),
      prefix: male ? 'ด.ช.' : 'ด.ญ.',
      firstName: (male ? boys : girls)[Math.floor(n / 2) % 10],
      lastName: surnames[n % surnames.length],
      sex: male ? 'MALE' : 'FEMALE',
      birthDate: birthDateFor(grade, ceYear, n),
      nationality: 'ไทย',
      religion: 'พุทธ',
      grade,
    };
  });
}
