import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { Actor } from '../accounts/actor.types';
import { OrgUnit } from '../org-units/org-unit.types';
import { GradeEnum } from '../pupils/pupil.types';
import {
  otherSchoolStatuses,
  statusLabels,
  type OtherSchoolGrade,
  type OtherSchoolStatus,
} from './other-school-counts.rules';

export const OtherSchoolStatusEnum = enumOf(otherSchoolStatuses);
registerEnumType(OtherSchoolStatusEnum, {
  name: 'OtherSchoolStatus',
  description: 'สถานะของสถานศึกษาสังกัดอื่น: เปิดทำการเรียนการสอน หรือยุบ รวม เลิกสถานศึกษา (บันทึกจำนวนนักเรียนเป็น 0 ทุกชั้น)',
  valuesConfig: Object.fromEntries(otherSchoolStatuses.map((s) => [s, { description: statusLabels[s] }])),
});

@ObjectType({ description: 'จำนวนนักเรียนหนึ่งระดับชั้น' })
export class GradeCount {
  @Field(() => GradeEnum, { description: 'K1–K3, P1–P6' })
  grade: OtherSchoolGrade;

  @Field({ description: 'ชื่อชั้นแบบย่อ เช่น อ.1 ป.6' })
  label: string;

  @Field(() => Int, { description: 'ชาย' })
  male: number;

  @Field(() => Int, { description: 'หญิง' })
  female: number;

  @Field(() => Int, { description: 'รวม' })
  total: number;
}

@ObjectType({
  description: 'จำนวนนักเรียนของสถานศึกษาสังกัดอื่นตามแบบรับรองรายชื่อนักเรียน (ล่าสุด) ตัวเลขเป็น null ถ้า อปท. ยังไม่ได้บันทึก',
})
export class OtherSchoolCounts {
  @Field(() => OrgUnit)
  school: OrgUnit;

  @Field({ description: 'อปท. บันทึกจำนวนนักเรียนของสถานศึกษานี้แล้วหรือยัง' })
  recorded: boolean;

  @Field(() => OtherSchoolStatusEnum, { nullable: true })
  status: OtherSchoolStatus | null;

  @Field(() => String, { nullable: true, description: 'หมายเหตุ เช่น ประกาศยุบ รวม หรือเลิกสถานศึกษา' })
  note: string | null;

  @Field(() => [GradeCount], { nullable: true, description: 'อนุบาล 1 ถึง ป.6 ครบทุกชั้น ตามลำดับ' })
  counts: GradeCount[] | null;

  @Field(() => Int, { nullable: true })
  male: number | null;

  @Field(() => Int, { nullable: true })
  female: number | null;

  @Field(() => Int, { nullable: true })
  total: number | null;

  @Field(() => Date, { nullable: true })
  recordedAt: Date | null;

  @Field(() => Actor, { nullable: true })
  recordedBy: Actor | null;
}
