import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, IsOptional, Length } from 'class-validator';

@InputType({ description: 'กำหนดเสร็จของจังหวัด (ก่อนกำหนดของกรม) วันที่ ค.ศ. YYYY-MM-DD' })
export class ProvinceTargetsInput {
  @Field({ description: 'สถานศึกษาในจังหวัดยืนยันข้อมูลภายในวันที่' }) @Length(1, 10) institutionTarget: string;
  @Field({ description: 'อปท. ในจังหวัดยืนยันข้อมูลภายในวันที่' }) @Length(1, 10) laoTarget: string;
  @Field(() => String, { nullable: true, description: 'หมายเหตุ' }) @IsOptional() @MaxLength(1000) note?:
    string | null;
}

@ObjectType({ description: 'กำหนดเสร็จของจังหวัดสำหรับ อปท. และสถานศึกษาในจังหวัด ในรอบหนึ่ง' })
export class ProvinceTargets {
  @Field() provinceCode: string;
  @Field(() => ID) roundId: string;
  @Field() institutionTarget: string;
  @Field() laoTarget: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'กำหนดเมื่อ' }) setAt: Date;
}

@ObjectType({ description: 'หน่วยงานหนึ่งเทียบกับกำหนดเสร็จของจังหวัด' })
export class ProvinceTargetStatus {
  @Field({ description: 'ภายในวันที่ (กำหนดของจังหวัด)' }) date: string;
  @Field(() => Int, { description: 'จำนวนวันถึงกำหนด (ติดลบเมื่อเลยกำหนด)' }) daysLeft: number;
  @Field({ description: 'เลยกำหนดของจังหวัดแล้วยังยืนยันไม่ครบ หรือยืนยันหลังกำหนด' }) late: boolean;
}
