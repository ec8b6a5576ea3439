import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';

@InputType()
export class RoundInput {
  @Field(() => Int, { description: 'ปีการศึกษา (พ.ศ.) เช่น 2568' }) academicYear: number;
  @Field(() => Int, { description: '1 หรือ 2' }) roundNo: number;
  @Field(() => String, { nullable: true, description: 'ข้อมูล ณ วันที่ (ค่าเริ่มต้น 10 มิ.ย. / 10 พ.ย.)' })
  @IsOptional()
  @MaxLength(10)
  snapshotDate?: string | null;
  @Field() @Length(10, 10) institutionDeadline: string;
  @Field() @Length(10, 10) laoDeadline: string;
  @Field() @Length(10, 10) provinceDeadline: string;
}

@InputType()
export class RoundDeadlinesInput {
  @Field() @Length(10, 10) institutionDeadline: string;
  @Field() @Length(10, 10) laoDeadline: string;
  @Field() @Length(10, 10) provinceDeadline: string;
}
