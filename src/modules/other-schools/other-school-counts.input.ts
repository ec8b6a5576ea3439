import { Field, InputType, Int } from 'type-graphql';
import { GradeEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';

/**
 * One grade of a school's certified name list. The limits (K1–P6 only, every grade once, whole
 * numbers 0–5,000) are checked by checkOtherSchoolCounts rather than by the GraphQL type or
 * class-validator, so that an error names the field by grade (`counts.K2.male`, `counts.M1`)
 * instead of by its position in the list.
 */
@InputType({ description: 'จำนวนนักเรียนหนึ่งระดับชั้นตามแบบรับรองรายชื่อนักเรียน (ไม่มีนักเรียนให้กรอก 0)' })
export class GradeCountInput {
  @Field(() => GradeEnum, { description: 'อนุบาล 1 ถึง ป.6 (K1–K3, P1–P6) ชั้นละหนึ่งแถว' })
  grade: Grade;

  @Field(() => Int, { description: 'นักเรียนชาย: จำนวนเต็ม 0–5,000' })
  male: number;

  @Field(() => Int, { description: 'นักเรียนหญิง: จำนวนเต็ม 0–5,000' })
  female: number;
}
