import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { phoneProblem } from './account.rules';

@InputType({ description: 'ข้อมูลส่วนตัว (Profile): ชื่อ ชื่อสกุล ตำแหน่ง หมายเลขโทรศัพท์' })
export class ProfileInput {
  @Field()
  @Length(1, 100, { message: 'กรุณากรอกชื่อ (ไม่เกิน 100 ตัวอักษร)' })
  firstName: string;

  @Field()
  @Length(1, 100, { message: 'กรุณากรอกชื่อสกุล (ไม่เกิน 100 ตัวอักษร)' })
  lastName: string;

  @Field()
  @Length(1, 150, { message: 'กรุณากรอกตำแหน่ง (ไม่เกิน 150 ตัวอักษร)' })
  position: string;

  @Field()
  @Length(9, 20, { message: ({ value }) => phoneProblem(String(value ?? '')) ?? 'กรุณากรอกหมายเลขโทรศัพท์' })
  phone: string;
}
