import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DatasetEnum } from '../confirmation/confirmation.types';
import type { Dataset } from '../chain/dataset';
import { GradeEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';

@ObjectType({ description: 'นักเรียนหรือเด็กเล็กที่เปลี่ยนไปหลังการยืนยันครั้งล่าสุด' })
export class ChangedPupil {
  @Field(() => ID) pupilId: string;
  @Field({ description: 'เลขประจำตัวประชาชน (แสดงบางส่วน ยกเว้นสถานศึกษาเอง)' }) citizenId: string;
  @Field() name: string;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => String, { nullable: true, description: 'นำออก: สถานะตอนนี้; แก้ไข: ข้อมูลที่แก้' }) detail:
    string | null;
}

@ObjectType({ description: 'จำนวนตามระดับชั้นและเพศ ตอนยืนยันครั้งล่าสุดและตอนนี้' })
export class GradeChange {
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => Int) maleBefore: number;
  @Field(() => Int) femaleBefore: number;
  @Field(() => Int) maleAfter: number;
  @Field(() => Int) femaleAfter: number;
}

@ObjectType({ description: 'สิ่งที่เปลี่ยนไปหลังการยืนยันครั้งล่าสุดของหน่วยงานและฐานข้อมูลหนึ่ง (ก่อนยืนยันอีกครั้ง)' })
export class ChangesSinceConfirmation {
  @Field() orgUnitCode: string;
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field(() => ID, { nullable: true, description: 'การยืนยันที่เทียบ (ว่าง: ยังไม่เคยยืนยัน)' }) confirmationId:
    string | null;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => ID, { nullable: true }) roundId: string | null;
  @Field(() => Int, { description: 'จำนวนรวมตอนยืนยัน' }) totalBefore: number;
  @Field(() => Int, { description: 'จำนวนรวมตอนนี้' }) totalAfter: number;
  @Field(() => [GradeChange]) grades: GradeChange[];
  @Field(() => [ChangedPupil], { description: 'เพิ่มเข้ามา (ไม่เกิน 200 รายการ)' }) added: ChangedPupil[];
  @Field(() => [ChangedPupil], { description: 'ออกหรือนำออก (ไม่เกิน 200 รายการ)' }) removed: ChangedPupil[];
  @Field(() => [ChangedPupil], { description: 'แก้ไขข้อมูลหรือเลื่อนชั้น (ไม่เกิน 200 รายการ)' })
  corrected: ChangedPupil[];
  @Field(() => Int) addedCount: number;
  @Field(() => Int) removedCount: number;
  @Field(() => Int) correctedCount: number;
}
