import { Field, Int, ObjectType } from 'type-graphql';
import { GradeEnum } from './pupil.types';
import type { Grade } from './rules/grades';

@ObjectType({ description: 'จำนวนนักเรียนที่เลื่อนจากชั้นหนึ่งไปอีกชั้นหนึ่ง (toGrade ว่าง = จบการศึกษา)' })
export class GradeMove {
  @Field(() => GradeEnum) fromGrade: Grade;
  @Field(() => GradeEnum, { nullable: true }) toGrade: Grade | null;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'ผลการเลื่อนชั้นของสถานศึกษาสำหรับปีการศึกษาใหม่' })
export class PromotionResult {
  @Field() institutionCode: string;
  @Field(() => Int, { description: 'ปีการศึกษา (พ.ศ.) ที่เลื่อนชั้นไป' }) academicYear: number;
  @Field(() => GradeEnum, {
    nullable: true,
    description: 'ชั้นสุดท้ายที่สถานศึกษาเปิดสอน: นักเรียนชั้นนี้จบการศึกษา',
  })
  lastGrade: Grade | null;
  @Field(() => Int, { description: 'จำนวนนักเรียนที่เลื่อนชั้น' }) promoted: number;
  @Field(() => Int, { description: 'จำนวนนักเรียนที่จบการศึกษา' }) graduated: number;
  @Field(() => Int, { description: 'นักเรียนที่บันทึกในปีการศึกษาใหม่แล้ว (อยู่ในชั้นของปีใหม่อยู่แล้ว) จึงไม่เลื่อน' })
  skipped: number;
  @Field(() => [GradeMove]) moves: GradeMove[];
  @Field({ description: 'เลื่อนชั้นสำหรับปีการศึกษานี้ไปแล้วก่อนหน้า ครั้งนี้จึงไม่มีการเปลี่ยนแปลง' })
  alreadyDone: boolean;
  @Field({ description: 'คำนวณให้ดูเท่านั้น ยังไม่ได้บันทึก' }) dryRun: boolean;
  @Field(() => Date, { nullable: true }) promotedAt: Date | null;
  @Field({ description: 'สรุปผลเป็นภาษาไทย' }) message: string;
}
