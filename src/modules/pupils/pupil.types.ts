import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PupilHistoryLine } from './pupil-history';
import { Actor } from '../accounts/actor.types';
import { leaveReasons, nonExistenceReasons, type LeaveReason, type NonExistenceReason } from './pupil.events';
import { grades, type Grade } from './rules/grades';
import { sexes, type Sex } from './rules/name-prefixes';
import { enumOf } from '../../graphql/enum-of';

export const GradeEnum = enumOf(grades);
export const SexEnum = enumOf(sexes);
export const NonExistenceReasonEnum = enumOf(nonExistenceReasons);
registerEnumType(GradeEnum, {
  name: 'Grade',
  description: 'ระดับชั้น: K1–K3 (อ.1–อ.3), P1–P6 (ป.1–ป.6), M1–M6 (ม.1–ม.6), CDC (เด็กเล็ก)',
});
registerEnumType(SexEnum, { name: 'Sex', description: 'เพศ: MALE ชาย, FEMALE หญิง' });
registerEnumType(NonExistenceReasonEnum, {
  name: 'NonExistenceReason',
  description: 'เหตุที่นำข้อมูลนักเรียนที่ไม่มีตัวตนออกจากระบบ',
  valuesConfig: {
    NEVER_ATTENDED: { description: 'มาสมัครแล้วไม่มาเรียน หรือไปเรียนที่อื่นโดยไม่แจ้ง' },
    LEFT_WITHOUT_NOTICE: { description: 'ออกระหว่างภาคเรียนโดยไม่ได้ลาออกหรือแจ้งสถานศึกษา' },
    ABSENT_UNREACHABLE: { description: 'ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้' },
  },
});

export const LeaveReasonEnum = enumOf(leaveReasons);
registerEnumType(LeaveReasonEnum, {
  name: 'LeaveReason',
  description: 'เหตุที่นักเรียนออกตามปกติ (ไม่ใช่การนำข้อมูลที่ไม่มีตัวตนออก)',
  valuesConfig: {
    GRADUATED: { description: 'จบการศึกษา (จบชั้นสุดท้ายที่สถานศึกษาเปิดสอน หรือเด็กเล็กไปเข้าโรงเรียน)' },
    TRANSFERRED_OUT: { description: 'ย้ายออก' },
    WITHDREW: { description: 'ลาออก' },
  },
});

@ObjectType({ description: 'ข้อมูลผิดปกติที่บันทึกพร้อมคำอธิบาย' })
export class PupilQuery {
  @Field() field: string;
  @Field() message: string;
}

@ObjectType({ description: 'นักเรียน (โรงเรียน) หรือเด็กเล็ก (ศูนย์พัฒนาเด็กเล็ก)' })
export class Pupil {
  @Field(() => ID) id: string;
  @Field({ description: 'เลขประจำตัวประชาชนหรือรหัส G (ปิดบางส่วน ยกเว้นสถานศึกษาของนักเรียนเอง)' }) citizenId: string;
  @Field() prefix: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => SexEnum) sex: Sex;
  @Field() birthDate: string;
  @Field() nationality: string;
  @Field(() => String, { nullable: true }) religion: string | null;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => String, { nullable: true }) enrolmentDate: string | null;
  @Field() disadvantaged: boolean;
  @Field({
    description: 'ACTIVE อยู่ในทะเบียนปัจจุบัน, REMOVED นำออกเพราะไม่มีตัวตน, LEFT ออกแล้ว (จบการศึกษา ย้ายออก ลาออก)',
  })
  status: string;
  @Field(() => String, { nullable: true }) queryNote: string | null;
  @Field() institutionCode: string;
  @Field(() => LeaveReasonEnum, { nullable: true, description: 'เหตุที่ออก (เมื่อ status เป็น LEFT)' })
  leftReason: LeaveReason | null;
  @Field(() => String, { nullable: true, description: 'วันที่ออก' }) leftOn: string | null;
  @Field(() => String, { nullable: true }) leftNote: string | null;
  @Field(() => String, { nullable: true, description: 'รหัสสถานศึกษาที่ย้ายไป (เมื่อทราบ)' })
  leftToInstitutionCode: string | null;
  @Field(() => String, { nullable: true, description: 'วันที่ย้ายเข้า (ว่างถ้าไม่ได้ย้ายเข้าระหว่างปี)' })
  transferredInOn: string | null;
  @Field(() => String, { nullable: true, description: 'รหัสสถานศึกษาเดิมของนักเรียนที่ย้ายเข้า (เมื่อทราบ)' })
  transferredInFromCode: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType()
export class PupilConnection {
  @Field(() => Int) totalCount: number;
  @Field(() => [Pupil]) nodes: Pupil[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType({ description: 'ทะเบียนนักเรียนที่ไม่มีตัวตน: นำข้อมูลออกจากระบบ พร้อมเหตุ ผู้ดำเนินการ และเวลา' })
export class RemovedPupil {
  @Field(() => Pupil) pupil: Pupil;
  @Field(() => NonExistenceReasonEnum) reason: NonExistenceReason;
  @Field({ description: 'เหตุเป็นภาษาไทย' }) reasonText: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() removedAt: Date;
  @Field(() => Actor) removedBy: Actor;
}

@ObjectType({ description: 'เหตุการณ์หนึ่งในประวัติของนักเรียน' })
export class PupilHistoryEntry implements PupilHistoryLine {
  @Field({ description: 'ชื่อเหตุการณ์สำหรับโปรแกรม (PupilEnrolled, PupilLeft, …)' }) type: string;
  @Field({ description: 'สิ่งที่เกิดขึ้น เป็นภาษาไทย เช่น เพิ่มข้อมูล ย้ายเข้า' }) label: string;
  @Field({ description: 'รายละเอียด เป็นภาษาไทย เช่น ชั้น ข้อมูลที่แก้ไข วันที่' }) detail: string;
  @Field(() => String, { nullable: true, description: 'หมายเหตุของสถานศึกษา' }) note: string | null;
  @Field() at: Date;
  @Field(() => Actor) by: Actor;
}
