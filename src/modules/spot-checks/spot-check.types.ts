import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { GradeEnum, SexEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { spotCheckResults, type SpotCheckResult } from './spot-check.events';

export const SpotCheckResultEnum = enumOf(spotCheckResults);
registerEnumType(SpotCheckResultEnum, {
  name: 'SpotCheckResult',
  description: 'ผลการสุ่มตรวจสอบนักเรียนหนึ่งคน',
  valuesConfig: {
    FOUND: { description: 'พบตัวและข้อมูลถูกต้อง' },
    NOT_FOUND: { description: 'ไม่พบตัว (แจ้งสถานศึกษาและ อปท.)' },
    WRONG_DATA: { description: 'พบตัวแต่ข้อมูลไม่ถูกต้อง' },
  },
});

@ObjectType({ description: 'นักเรียนหรือเด็กเล็กที่สุ่มได้ และผลการตรวจสอบ' })
export class SpotCheckPupil {
  @Field(() => ID) pupilId: string;
  @Field(() => Int, { description: 'ลำดับที่สุ่มได้' }) position: number;
  @Field({ description: 'เลขประจำตัวประชาชน (ปิดบางส่วน)' }) citizenId: string;
  @Field({ description: 'คำนำหน้า ชื่อ ชื่อสกุล ตามทะเบียนปัจจุบัน' }) name: string;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => SexEnum) sex: Sex;
  @Field({ description: 'สถานะในทะเบียนปัจจุบัน: ACTIVE, REMOVED, LEFT' }) pupilStatus: string;
  @Field(() => SpotCheckResultEnum, { nullable: true, description: 'ว่างถ้ายังไม่ได้บันทึกผล' })
  result: SpotCheckResult | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true }) recordedAt: Date | null;
  institutionCode: string;
  recordedByAccount: string | null;
  recordedByProfile: string | null;
}

@ObjectType({ description: 'ผลการสุ่มตรวจสอบของสถานศึกษาหนึ่งแห่ง' })
export class SpotCheckInstitution {
  @Field(() => Int) drawn: number;
  @Field(() => Int) found: number;
  @Field(() => Int) notFound: number;
  @Field(() => Int) wrongData: number;
  @Field(() => Int, { description: 'ยังไม่ได้บันทึกผล' }) pending: number;
  institutionCode: string;
}

@ObjectType({
  description:
    'การสุ่มตรวจสอบของจังหวัด: seed ลำดับประชากร ขนาดตัวอย่าง และรายชื่อที่สุ่มได้ บันทึกไว้เพื่อแสดงว่าสุ่มจริงและสุ่มซ้ำได้',
})
export class SpotCheck {
  @Field(() => ID) id: string;
  @Field() roundId: string;
  @Field({ description: 'วิธีสุ่ม' }) algorithm: string;
  @Field({ description: 'seed (128 บิต จากตัวสร้างเลขสุ่มของระบบปฏิบัติการ)' }) seed: string;
  @Field({ description: 'กฎการเรียงลำดับประชากรก่อนสุ่ม' }) populationOrder: string;
  @Field(() => Int, { description: 'จำนวนนักเรียนและเด็กเล็กที่สุ่มจาก' }) populationSize: number;
  @Field({ description: 'SHA-256 ของประชากรที่เรียงแล้ว' }) populationDigest: string;
  @Field(() => [String], { description: 'สถานศึกษาที่เลือก (ว่าง: ทุกแห่งในจังหวัด)' }) institutionCodes: string[];
  @Field(() => Int) requestedSize: number;
  @Field(() => Int) sampleSize: number;
  @Field() drawnAt: Date;
  provinceCode: string;
  drawnByAccount: string | null;
  drawnByProfile: string | null;
}

@ObjectType({
  description: 'นักเรียนที่จังหวัดสุ่มตรวจสอบแล้วไม่พบตัว: สถานศึกษาต้องตรวจสอบ และนำข้อมูลออกจากระบบถ้าไม่มีตัวตน',
})
export class SpotCheckFlag {
  @Field(() => ID) spotCheckId: string;
  @Field() roundId: string;
  @Field({ description: 'ยังค้างอยู่: นักเรียนยังอยู่ในทะเบียน (นำออกหรือออกแล้ว = ปิด)' }) open: boolean;
  @Field(() => SpotCheckPupil) pupil: SpotCheckPupil;
}
