import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { GradeEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { ReviewKind } from './review-lists.reads';

export const ReviewKindEnum = enumOf<ReviewKind>([
  'QUERY_NOTE',
  'G_CODE',
  'RECENT_REMOVAL',
  'OVERDUE_TRANSFER',
]);
registerEnumType(ReviewKindEnum, {
  name: 'ReviewKind',
  description:
    'QUERY_NOTE รับไว้พร้อมคำอธิบายข้อมูลผิดปกติ, G_CODE ใช้รหัส G, RECENT_REMOVAL นำออกเพราะไม่มีตัวตนเมื่อไม่นานนี้, OVERDUE_TRANSFER คำขอย้ายที่ค้างตอบเกินกำหนด',
});

@ObjectType({ description: 'รายการที่ต้องตรวจ: นักเรียนหรือเด็กเล็กหนึ่งคน' })
export class ReviewItem {
  @Field(() => ReviewKindEnum) kind: ReviewKind;
  @Field(() => ID) pupilId: string;
  @Field({ description: 'เลขประจำตัว (แสดงบางส่วน)' }) citizenId: string;
  @Field() name: string;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => String, { nullable: true, description: 'คำอธิบาย เหตุที่นำออก สัญชาติ หรือสถานศึกษาที่ขอย้ายไป' })
  note: string | null;
  @Field(() => Date, { nullable: true, description: 'เมื่อ (บันทึก นำออก หรือขอย้าย)' }) at: Date | null;
}

@ObjectType({ description: 'รายการที่ต้องตรวจของสถานศึกษาหนึ่งแห่ง' })
export class InstitutionReview {
  institutionCode: string;
  @Field(() => Int) queryNoteCount: number;
  @Field(() => Int) gCodeCount: number;
  @Field(() => Int) recentRemovalCount: number;
  @Field(() => Int) overdueTransferCount: number;
  @Field(() => [ReviewItem], { description: 'รายการแรกของแต่ละประเภท (ทั้งหมดเมื่อระบุสถานศึกษา)' })
  items: ReviewItem[];
}

@ObjectType({ description: 'รายการที่ อปท. และจังหวัดตรวจก่อนยืนยัน แยกตามสถานศึกษา' })
export class ReviewLists {
  @Field() orgUnitCode: string;
  @Field(() => [InstitutionReview], { description: 'เฉพาะสถานศึกษาที่มีรายการ' })
  institutions: InstitutionReview[];
  @Field(() => Int) queryNoteCount: number;
  @Field(() => Int) gCodeCount: number;
  @Field(() => Int) recentRemovalCount: number;
  @Field(() => Int) overdueTransferCount: number;
}

@ObjectType({ description: 'จำนวนรายการที่ต้องตรวจของหน่วยงาน (สถานศึกษาเอง หรือทุกแห่งในสังกัด)' })
export class ReviewCountsType {
  @Field(() => Int) queryNoteCount: number;
  @Field(() => Int) gCodeCount: number;
  @Field(() => Int) recentRemovalCount: number;
  @Field(() => Int) overdueTransferCount: number;
}
